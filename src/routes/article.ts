import { Hono } from 'hono'
import { endTime, startTime, wrapTime } from 'hono/timing'
import { cacheKey, etagFor } from '../cache/policy'
import { cachedResponse } from '../cache/serve'
import type { AppContext, AppEnv } from '../env'
import { ArticleError } from '../errors'
import { pageMeta } from '../meta/page'
import { buildArticle } from '../pipeline'
import { articleDocument, type PageSite } from '../render/ArticlePage'
import { articleJson } from '../render/json'
import type { Article } from '../schema/article'
import { sourceStore } from '../source'
import { checkSlug, sourceKey } from '../source/keys'
import { bestOf } from '../i18n/visitor'
import { errorResponse } from './errors'
import { personalRedirect } from './language'
import { publishedVersions } from './versions'

type ArticleVariant = 'html' | 'json'

/** The language and slug from the URL, checked before anything is read. */
export function articleAddress(c: AppContext) {
  const config = c.get('config')
  const lang = c.req.param('lang') ?? ''
  if (!config.languages.includes(lang))
    throw new ArticleError('ARTICLE_NOT_FOUND', `no language ${lang} on this site`)
  return { lang, slug: checkSlug(c.req.param('slug') ?? '') }
}

/** Reads, parses and transforms one article; a missing source or a draft is ARTICLE_NOT_FOUND. */
export async function loadArticle(c: AppContext, lang: string, slug: string): Promise<Article> {
  const config = c.get('config')
  const source = await wrapTime(c, 'storage', sourceStore(c.env, config).get(sourceKey(lang, slug)))
  if (!source) throw new ArticleError('ARTICLE_NOT_FOUND', `no article at ${lang}/${slug}`)
  startTime(c, 'parse')
  const article = buildArticle(source, {
    baseUrl: c.get('baseUrl'),
    timeZone: config.timeZone,
    defaultLang: config.defaultLang,
  })
  endTime(c, 'parse')
  // Drafts exist in storage but are not published.
  if (!article.published) throw new ArticleError('ARTICLE_NOT_FOUND', `${lang}/${slug} is a draft`)
  return article
}

export function siteInfo(c: AppContext, lang: string): PageSite {
  const config = c.get('config')
  return {
    siteName: config.siteName,
    twitterSite: config.twitterSite,
    homeUrl: `${c.get('baseUrl')}/${lang}/`,
    timeZone: config.timeZone,
  }
}

const render: Record<ArticleVariant, (c: AppContext, article: Article) => Promise<Response>> = {
  json: async (c, article) =>
    Response.json(articleJson(article, pageMeta(article, siteInfo(c, article.lang)))),
  html: async (c, article) =>
    new Response(await articleDocument(article, siteInfo(c, article.lang)), {
      headers: { 'content-type': 'text/html; charset=UTF-8' },
    }),
}

/** An article variant through the edge cache; a missing article is a (cached) 404 page. */
function serveArticle(variant: ArticleVariant) {
  return async (c: AppContext) => {
    const { lang, slug } = articleAddress(c)
    return cachedResponse(c, cacheKey(c.get('baseUrl'), variant, lang, slug), async () => {
      const [article, translations] = await Promise.all([
        loadArticle(c, lang, slug).catch((error: unknown) => {
          if (error instanceof ArticleError && error.code === 'ARTICLE_NOT_FOUND') return error
          throw error
        }),
        publishedVersions(c, slug, lang),
      ])
      if (article instanceof ArticleError) {
        // Not in this language: the visitor's best existing version beats a 404.
        const other = bestOf(
          c,
          translations.map((t) => t.lang),
        )
        const prefix = variant === 'json' ? '/api/articles' : ''
        if (other) return personalRedirect(c, `${prefix}/${other}/${encodeURIComponent(slug)}`)
        return errorResponse(c, article)
      }
      article.translations = translations
      startTime(c, 'render')
      const response = await render[variant](c, article)
      endTime(c, 'render')
      response.headers.set('etag', etagFor(article.source.etag, variant))
      const modified = article.dateModified ?? article.datePublished
      if (modified) response.headers.set('last-modified', new Date(modified).toUTCString())
      return response
    })
  }
}

export const articleRoutes = new Hono<AppEnv>()
  .get('/api/articles/:lang/:slug', serveArticle('json'))
  .get('/:lang/:slug', serveArticle('html'))
