/** The publisher's link-preview inspector: every platform's card from the page's own metadata. */
import { Hono } from 'hono'
import { html } from 'hono/html'
import { requireArticle } from '../articles/load'
import { siteInfo } from '../articles/site'
import type { AppEnv } from '../env'
import { articleChecks } from '../meta/article-checks'
import { pageMeta } from '../meta/page'
import { PreviewPage } from '../render/PreviewPage'
import { articleParams, servedLanguage } from './params'

export const previewRoutes = new Hono<AppEnv>().get(
  '/preview/:lang/:slug',
  servedLanguage,
  async (c) => {
    const { lang, slug } = articleParams(c)
    const article = await requireArticle(c, lang, slug)
    const site = siteInfo(c, lang)
    const page = (
      <PreviewPage
        lang={lang}
        siteName={c.get('config').siteName}
        pageUrl={article.head.url}
        meta={pageMeta(article.head, site)}
        issues={articleChecks(article, site, c.get('config').imageHosts)}
      />
    )
    return c.html(html`<!DOCTYPE html>${page}`, 200, { 'Cache-Control': 'no-store' })
  },
)
