/**
 * GET /og/<lang>/<slug>.<version>.png: an article's share card (meta/share-image.ts says when pages
 * use it). Which article and version are current comes from the index alone, so an unknown article
 * or an old version costs one D1 read and never a render: unknown is a (cached) 404, an old version
 * a redirect to the current one. The PNG itself is drawn by the card Worker (og/) behind the OG
 * service binding, and cached for a year under the article's purge tag.
 */
import { Hono } from 'hono'
import { cardRequestUrl, isCardLang, type CardLang } from '../../og/src/contract'
import { publishedVersions } from '../articles/load'
import { cachedResponse } from '../cache/serve'
import type { AppContext, AppEnv } from '../env'
import { AppError } from '../errors'
import { labelList } from '../listing/entry'
import type { ArticleRecord } from '../listing/read'
import { CARD, CARD_VERSION, cardUrl, cardVersion } from '../meta/share-image'
import { checkSlug } from '../source/keys'
import { servedLanguage } from './params'

/** `<slug>.<version>.png`; a slug may itself contain dots. */
const FILE = /^(.+)\.([^.]+)\.png$/

export const ogRoutes = new Hono<AppEnv>().get('/og/:lang/:file', servedLanguage, async (c) => {
  const lang = c.req.param('lang')
  const match = FILE.exec(c.req.param('file'))
  if (!match || !CARD_VERSION.test(match[2]!) || c.get('config').shareImages === 'off')
    throw new AppError('NOT_FOUND', `no share image at ${c.req.path}`)
  const slug = checkSlug(match[1]!)
  const version = match[2]!
  return cachedResponse(c, {
    cached: { kind: 'card', lang, slug, version },
    produce: async () => {
      const record = (await publishedVersions(c, slug)).find((r) => r.lang === lang)
      if (!record) throw new AppError('ARTICLE_NOT_FOUND', `no article at ${lang}/${slug}`)
      const current = cardVersion(record.source_sha256)
      // Platforms keep images by URL: one shared before an edit leads to the current card.
      if (current !== version)
        return c.redirect(cardUrl(c.get('baseUrl'), { lang, slug, version: current }), 302)
      return new Response(await drawCard(c, record), {
        headers: { 'content-type': CARD.type, etag: `"${version}-card"` },
      })
    },
    lifetime: 'immutable',
  })
})

/** The card Worker's language for an article's BCP 47 language; others it guesses from the title. */
function cardLang(contentLang: string): CardLang | undefined {
  const primary = contentLang.toLowerCase().split('-')[0]
  return isCardLang(primary) ? primary : undefined
}

/** Asks the card Worker for the PNG; when it is missing or fails, a 503 (pages do not depend on it). */
async function drawCard(c: AppContext, record: ArticleRecord): Promise<ArrayBuffer> {
  const og = c.env.OG as Fetcher | undefined
  if (!og) throw new AppError('SHARE_IMAGE_UNAVAILABLE', 'no OG service binding')
  const request = cardRequestUrl({
    title: record.title,
    section: labelList(record.categories)[0],
    date: record.published_at,
    site: c.get('config').siteName,
    lang: cardLang(record.content_lang),
  })
  let res: Response
  try {
    res = await og.fetch(request)
  } catch (cause) {
    throw new AppError(
      'SHARE_IMAGE_UNAVAILABLE',
      `the card Worker failed: ${String(cause)}`,
      {},
      { cause },
    )
  }
  if (!res.ok || res.headers.get('content-type') !== CARD.type) {
    await res.body?.cancel()
    throw new AppError(
      'SHARE_IMAGE_UNAVAILABLE',
      `the card Worker answered ${res.status} ${res.headers.get('content-type') ?? ''}`,
    )
  }
  return res.arrayBuffer()
}
