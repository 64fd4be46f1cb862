import { Hono } from 'hono'
import { endTime, startTime } from 'hono/timing'
import { loadArticle } from '../articles/load'
import { siteInfo } from '../articles/site'
import { cacheKey, etagFor, fingerprint } from '../cache/policy'
import { cachedResponse } from '../cache/serve'
import type { AppContext, AppEnv } from '../env'
import { AppError } from '../errors'
import { personalRedirect } from '../i18n/redirect'
import { bestOf } from '../i18n/visitor'
import { pageMeta } from '../meta/page'
import { articlePage } from '../render/ArticlePage'
import { articleJson } from '../render/json'
import { toArticle, type StoredArticle } from '../articles/derived'
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

/** An article variant through the edge cache; a missing article is a (cached) 404. */
function serveArticle(variant: ArticleVariant) {
  return async (c: AppContext) => {
    const { lang, slug } = articleParams(c)
    return cachedResponse(c, cacheKey(c.get('baseUrl'), variant, lang, slug), async () => {
      const { article, translations } = await loadArticle(c, lang, slug)
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
      // The page shows its translations (switcher, hreflang): a new one must change the ETag too.
      const versions = fingerprint(translations.map((t) => `${t.lang}:${t.title}`).join('\n'))
      response.headers.set(
        'etag',
        etagFor(`${article.head.source.etag.slice(0, 40)}.${versions}`, variant),
      )
      const modified = article.head.dateModified ?? article.head.datePublished
      if (modified) response.headers.set('last-modified', new Date(modified).toUTCString())
      return response
    })
  }
}

export const articleRoutes = new Hono<AppEnv>()
  .get('/api/articles/:lang/:slug', servedLanguage, serveArticle('json'))
  .get('/:lang/:slug', servedLanguage, serveArticle('html'))
