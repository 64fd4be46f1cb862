/**
 * oEmbed (oembed.com §2.2) for article URLs, so Slack, Discord and CMSs can embed a small card.
 * Only this site's article URLs have an answer (404 otherwise); only JSON is offered (501 for xml).
 */
import { Hono } from 'hono'
import { html } from 'hono/html'
import type { HtmlEscapedString } from 'hono/utils/html'
import { OEMBED_HEIGHTS, OEMBED_WIDTHS } from '../cache/tags'
import { cachedResponse } from '../cache/serve'
import type { AppContext, AppEnv } from '../env'
import { AppError } from '../errors'
import { articleAddress } from '../source/keys'
import { publishedVersions, requireArticle } from '../articles/load'
import { authorsOf } from '../listing/read'
import { bylineAuthors } from '../authors/load'

/**
 * The largest card size that fits the consumer's maxwidth/maxheight (oEmbed §2.2: never larger).
 * Sizes come in a few steps so every consumer's request maps to one of a few cached cards, each
 * purged with its article; nothing fits below the smallest step (501, as the spec says).
 */
function fit(sizes: readonly number[], max: number | undefined, name: string): number {
  const fitting = sizes.filter((size) => max === undefined || size <= max)
  if (!fitting.length)
    throw new AppError(
      'FORMAT_NOT_IMPLEMENTED',
      `no card is ${name} ${max} or less; the smallest is ${sizes[0]}`,
    )
  return fitting[fitting.length - 1]!
}

function dimension(c: AppContext, name: 'maxwidth' | 'maxheight'): number | undefined {
  const raw = c.req.query(name)
  if (raw === undefined) return undefined
  if (!/^[1-9]\d{0,4}$/.test(raw))
    throw new AppError('REQUEST_INVALID', `${name} must be a positive whole number`)
  return Number(raw)
}

/** `/ko/putin-kim-pact` on this site → its language and slug; anything else → undefined. */
function articleOf(c: AppContext, url: string): { lang: string; slug: string } | undefined {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return undefined
  }
  if (parsed.origin !== c.get('baseUrl')) return undefined
  return articleAddress(parsed.pathname, c.get('config').languages)
}

/** What a card shows, from the index (one query), or from the article when the index does not know it yet. */
async function cardFacts(c: AppContext, lang: string, slug: string) {
  const record = (await publishedVersions(c, slug)).find((r) => r.lang === lang)
  if (!record) return (await requireArticle(c, lang, slug)).head
  const image = record.image_url
    ? {
        url: new URL(record.image_url, c.get('baseUrl')).href,
        width: record.image_width ?? undefined,
        height: record.image_height ?? undefined,
      }
    : undefined
  return {
    title: record.title,
    description: record.description,
    contentLang: record.content_lang,
    authors: authorsOf(record),
    image,
  }
}

export const oembedRoutes = new Hono<AppEnv>().get('/oembed', async (c) => {
  const format = c.req.query('format') ?? 'json'
  if (format !== 'json') throw new AppError('FORMAT_NOT_IMPLEMENTED', 'only format=json is offered')
  const width = fit(OEMBED_WIDTHS, dimension(c, 'maxwidth'), 'maxwidth')
  const height = fit(OEMBED_HEIGHTS, dimension(c, 'maxheight'), 'maxheight')
  const target = articleOf(c, c.req.query('url') ?? '')
  if (!target) throw new AppError('ARTICLE_NOT_FOUND', 'no article of this site at that url')
  const { lang, slug } = target
  return cachedResponse(c, {
    cached: { kind: 'oembed', lang, slug, width, height },
    produce: async () => {
      const facts = await cardFacts(c, lang, slug)
      // A byline's profile gives its name in the card's language and its page as author_url.
      const article = { ...facts, authors: await bylineAuthors(c, facts.authors, lang) }
      const config = c.get('config')
      const url = `${c.get('baseUrl')}/${lang}/${encodeURIComponent(slug)}`
      // A card without script or iframe: any consumer can sanitize-and-show it as is.
      // Only strings are interpolated, so the template is a string, not a Promise.
      const card = html`<blockquote
        class="edge-article-embed"
        lang="${article.contentLang}"
        cite="${url}"
        style="margin:0;max-width:${width}px;border:1px solid #e3e5e8;border-radius:8px;padding:12px 16px;font-family:system-ui,sans-serif"
      >
        <p style="margin:0 0 4px;font-size:13px;color:#5b616b">${config.siteName}</p>
        <p style="margin:0 0 6px;font-weight:700"><a href="${url}">${article.title}</a></p>
        <p style="margin:0;font-size:14px;color:#5b616b">${article.description}</p>
      </blockquote>` as HtmlEscapedString
      const image = article.image
      return Response.json({
        version: '1.0',
        type: 'rich',
        title: article.title,
        ...(article.authors[0] && {
          author_name: article.authors[0].name,
          ...(article.authors[0].url && { author_url: article.authors[0].url }),
        }),
        provider_name: config.siteName,
        provider_url: `${c.get('baseUrl')}/${lang}/`,
        cache_age: 3600,
        html: card.toString(),
        width,
        height,
        ...(image && {
          thumbnail_url: image.url,
          ...(image.width &&
            image.height && { thumbnail_width: image.width, thumbnail_height: image.height }),
        }),
      })
    },
  })
})
