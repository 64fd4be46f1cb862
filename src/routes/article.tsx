import { Hono } from 'hono'
import { ArticleError } from '../errors'
import { pageMeta } from '../meta/page'
import { buildArticle } from '../pipeline'
import { ArticlePage } from '../render/ArticlePage'
import { articleJson } from '../render/json'
import type { Article } from '../schema/article'
import { sourceStore } from '../source'
import { checkSlug, sourceKey } from '../source/keys'
import type { AppContext, AppEnv } from '../env'

/** Reads, parses and renders one article; unknown language, bad slug or missing source throw ArticleError. */
async function loadArticle(c: AppContext): Promise<Article> {
  const config = c.get('config')
  const lang = c.req.param('lang') ?? ''
  if (!config.languages.includes(lang)) throw new ArticleError('ARTICLE_NOT_FOUND', `no language ${lang} on this site`)
  const slug = checkSlug(c.req.param('slug') ?? '')
  const source = await sourceStore(c.env, config).get(sourceKey(lang, slug))
  if (!source) throw new ArticleError('ARTICLE_NOT_FOUND', `no article at ${lang}/${slug}`)
  const article = buildArticle(source, { baseUrl: c.get('baseUrl'), timeZone: config.timeZone })
  // Drafts exist in storage but are not published.
  if (!article.published) throw new ArticleError('ARTICLE_NOT_FOUND', `${lang}/${slug} is a draft`)
  return article
}

function siteInfo(c: AppContext, lang: string) {
  const config = c.get('config')
  return { siteName: config.siteName, twitterSite: config.twitterSite, homeUrl: `${c.get('baseUrl')}/${lang}/` }
}

export const articleRoutes = new Hono<AppEnv>()
  .get('/api/articles/:lang/:slug', async (c) => {
    const article = await loadArticle(c)
    return c.json(articleJson(article, pageMeta(article, siteInfo(c, article.lang))))
  })
  .get('/:lang/:slug', async (c) => {
    const article = await loadArticle(c)
    const site = siteInfo(c, article.lang)
    const chrome = { uiLang: article.lang, siteName: site.siteName, homeUrl: site.homeUrl }
    const page = <ArticlePage article={article} meta={pageMeta(article, site)} chrome={chrome} timeZone={c.get('config').timeZone} />
    return c.html(`<!doctype html>${await page.toString()}`)
  })
