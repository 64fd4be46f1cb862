import { Hono } from 'hono'
import { endTime, startTime } from 'hono/timing'
import { loadArticle, publishedVersions, translationsOf } from '../articles/load'
import { siteInfo } from '../articles/site'
import { etagFor, fingerprint, notModified } from '../cache/policy'
import { cachedResponse, workersCache } from '../cache/serve'
import type { AppContext, AppEnv } from '../env'
import { AppError } from '../errors'
import { personalRedirect } from '../i18n/redirect'
import { bestOf } from '../i18n/visitor'
import { pageMeta } from '../meta/page'
import { articlePage } from '../render/article-page'
import { articleJson } from '../render/json'
import { toArticle, type StoredArticle } from '../articles/derived'
import type { Author, Translation } from '../schema/article'
import { bylineAuthors } from '../authors/load'
import { profilesFingerprint } from '../authors/resolve'
import { authorsOf } from '../listing/read'
import { around, type Around } from '../listing/around'
import type { Cached, Label } from '../cache/tags'
import { labelKey, labelList } from '../listing/entry'
import { relatedLabels } from '../listing/related'
import { siteSections } from '../sections/site'
import { indexDb } from '../listing/db'
import { log } from '../log'
import { timed } from '../timing'
import { articleParams, servedLanguage } from './params'

type ArticleVariant = 'html' | 'json'

/** The JSON, or the page with its footer's neighbours. */
async function render(
  c: AppContext,
  {
    variant,
    stored,
    nearby,
  }: {
    variant: ArticleVariant
    stored: StoredArticle
    /** The footer's neighbours and related articles; none when the index could not say. */
    nearby: Around | undefined
  },
): Promise<{ response: Response; authors: Author[] }> {
  const site = siteInfo(c, stored.head.lang)
  // The byline's profiles are read per render: a profile changes without its articles changing.
  stored = {
    ...stored,
    head: {
      ...stored.head,
      authors: await bylineAuthors(c, stored.head.authors, stored.head.lang),
    },
  }
  const authors = stored.head.authors
  if (variant === 'json')
    return {
      response: Response.json(articleJson(toArticle(stored), pageMeta(stored.head, site))),
      authors,
    }
  return {
    response: new Response(await articlePage(stored, site, nearby), {
      headers: { 'content-type': 'text/html; charset=UTF-8' },
    }),
    authors,
  }
}

/**
 * An article's ETag: its source version, the renderer, the variant, and what else the page shows
 * (the translations' titles; the neighbours' in its footer), so a 304 is never a stale page.
 */
export function articleEtag(
  sourceSha256: string,
  variant: ArticleVariant,
  shows: {
    translations: Translation[]
    nearby?: Around | undefined
    /** profilesFingerprint of the byline: a profile edit is a new version. */
    profiles?: string
  },
): string {
  const { translations, nearby, profiles = '' } = shows
  const shown = [
    profiles,
    ...translations.map((t) => `${t.lang}:${t.title}`),
    ...(nearby
      ? [nearby.previous, nearby.next, ...nearby.related].map((e) =>
          e ? `${e.slug}:${e.title}` : '-',
        )
      : []),
  ]
  return etagFor(`${sourceSha256.slice(0, 40)}.${fingerprint(shown.join('\n'))}`, variant)
}

/** The page's neighbours, or none when the index cannot say (the page is still served). */
async function neighbours(c: AppContext, article: { lang: string; slug: string; labels: Label[] }) {
  try {
    return await timed(c, 'storage', around(indexDb(c.env), c.get('config'), article))
  } catch (error) {
    log(c, 'warn', { event: 'neighbours-unavailable', message: String(error) })
    return undefined
  }
}

/** The listings an indexed article's related block reads: its section's every spelling, its tags. */
function labelsOf(record: { lang: string; categories: string; tags: string }): Label[] {
  const first = labelList(record.categories)[0]
  const section = first === undefined ? undefined : siteSections().find(first)
  return relatedLabels({
    lang: record.lang,
    sectionKeys: section
      ? siteSections().labelKeys(section, record.lang)
      : first === undefined
        ? []
        : [labelKey(first, record.lang)],
    tags: labelList(record.tags),
  })
}

/** An article variant through the cache; a missing article is a (cached) 404. */
function serveArticle(variant: ArticleVariant) {
  return async (c: AppContext) => {
    const { lang, slug } = articleParams(c)
    const cached: Cached & { kind: 'article' } = { kind: 'article', variant, lang, slug }
    return cachedResponse(c, {
      cached,
      produce: async () => {
        const versions = await publishedVersions(c, slug)
        const record = versions.find((v) => v.lang === lang)
        // The page carries its related block's listings as cache tags, known once its row is read.
        if (variant === 'html' && record) cached.related = labelsOf(record)
        const nearby =
          variant === 'html' && record
            ? await neighbours(c, { lang, slug, labels: cached.related ?? [] })
            : undefined
        // Workers Cache revalidating (or a client) with this version gets a 304 from the index alone.
        // Not on the in-Worker cache's path: its background refresh must get the whole page to store.
        if (record && workersCache(c)) {
          const etag = articleEtag(record.source_sha256, variant, {
            translations: translationsOf(c, versions, lang),
            nearby,
            profiles: profilesFingerprint(await bylineAuthors(c, authorsOf(record), lang)),
          })
          if (notModified(c.req.raw.headers, etag, null))
            return new Response(null, { status: 304, headers: { etag } })
        }
        const { article, translations } = await loadArticle(c, { lang, slug, known: versions })
        if (!article) {
          // Not in this language: the visitor's best existing version beats a 404.
          const other = bestOf(
            c,
            translations.map((t) => t.lang),
          )
          const prefix = variant === 'json' ? '/api/articles' : ''
          if (other) return personalRedirect(c, `${prefix}/${other}/${encodeURIComponent(slug)}`)
          throw new AppError('ARTICLE_NOT_FOUND', `no article at ${lang}/${slug}`)
        }
        startTime(c, 'render')
        const { response, authors } = await render(c, { variant, stored: article, nearby })
        endTime(c, 'render')
        response.headers.set(
          'etag',
          articleEtag(article.head.source.etag, variant, {
            translations,
            nearby,
            profiles: profilesFingerprint(authors),
          }),
        )
        const modified = article.head.dateModified ?? article.head.datePublished
        if (modified) response.headers.set('last-modified', new Date(modified).toUTCString())
        return response
      },
    })
  }
}

export const articleRoutes = new Hono<AppEnv>()
  .get('/api/articles/:lang/:slug', servedLanguage, serveArticle('json'))
  .get('/:lang/:slug', servedLanguage, serveArticle('html'))
