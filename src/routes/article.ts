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
import { articlePage } from '../render/ArticlePage'
import { articleJson } from '../render/json'
import { toArticle, type StoredArticle } from '../articles/derived'
import type { Translation } from '../schema/article'
import { articleParams, servedLanguage } from './params'

type ArticleVariant = 'html' | 'json'

const render: Record<ArticleVariant, (c: AppContext, stored: StoredArticle) => Promise<Response>> =
  {
    json: async (c, stored) =>
      Response.json(
        articleJson(toArticle(stored), pageMeta(stored.head, siteInfo(c, stored.head.lang))),
      ),
    html: async (c, stored) =>
      new Response(await articlePage(stored, siteInfo(c, stored.head.lang)), {
        headers: { 'content-type': 'text/html; charset=UTF-8' },
      }),
  }

/** An article's ETag: its source version, the renderer, the variant, and the translations it lists. */
export function articleEtag(
  sourceSha256: string,
  translations: Translation[],
  variant: ArticleVariant,
): string {
  const versions = fingerprint(translations.map((t) => `${t.lang}:${t.title}`).join('\n'))
  return etagFor(`${sourceSha256.slice(0, 40)}.${versions}`, variant)
}

/** An article variant through the cache; a missing article is a (cached) 404. */
function serveArticle(variant: ArticleVariant) {
  return async (c: AppContext) => {
    const { lang, slug } = articleParams(c)
    return cachedResponse(c, { kind: 'article', variant, lang, slug }, async () => {
      const versions = await publishedVersions(c, slug)
      const record = versions.find((v) => v.lang === lang)
      // Workers Cache revalidating (or a client) with this version gets a 304 from the index alone.
      // Not on the in-Worker cache's path: its background refresh must get the whole page to store.
      if (record && workersCache(c)) {
        const etag = articleEtag(record.source_sha256, translationsOf(c, versions, lang), variant)
        if (notModified(c.req.raw.headers, etag, null))
          return new Response(null, { status: 304, headers: { etag } })
      }
      const { article, translations } = await loadArticle(c, lang, slug, versions)
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
      const response = await render[variant](c, article)
      endTime(c, 'render')
      response.headers.set('etag', articleEtag(article.head.source.etag, translations, variant))
      const modified = article.head.dateModified ?? article.head.datePublished
      if (modified) response.headers.set('last-modified', new Date(modified).toUTCString())
      return response
    })
  }
}

export const articleRoutes = new Hono<AppEnv>()
  .get('/api/articles/:lang/:slug', servedLanguage, serveArticle('json'))
  .get('/:lang/:slug', servedLanguage, serveArticle('html'))
