/** The publisher's link-preview inspector: every platform's card from the page's own metadata. */
import { Hono } from 'hono'
import { html } from 'hono/html'
import { requireArticle } from '../articles/load'
import { bylineAuthors } from '../authors/load'
import { siteInfo } from '../articles/site'
import type { AppEnv } from '../env'
import { rebase } from '../articles/derived'
import { articleChecks, checkOrigin } from '../meta/article-checks'
import { pageMeta } from '../meta/page'
import { PreviewPage } from '../render/preview-page'
import { articleParams, servedLanguage } from './params'

export const previewRoutes = new Hono<AppEnv>().get(
  '/preview/:lang/:slug',
  servedLanguage,
  async (c) => {
    const { lang, slug } = articleParams(c)
    const found = await requireArticle(c, lang, slug)
    // Judged with its byline as the page shows it (profile names, titles, photos).
    const article = {
      ...found,
      head: { ...found.head, authors: await bylineAuthors(c, found.head.authors, lang) },
    }
    const site = siteInfo(c, lang)
    const config = c.get('config')
    // The mock-ups show what this server serves; the verdicts judge it as the deployed site.
    const judged = checkOrigin(config.baseUrl, c.get('baseUrl'))
    const page = (
      <PreviewPage
        lang={lang}
        siteName={config.siteName}
        pageUrl={article.head.url}
        meta={pageMeta(article.head, site)}
        issues={articleChecks(
          rebase(article, judged),
          { ...site, homeUrl: `${judged}/${lang}/` },
          config.imageHosts,
        )}
      />
    )
    return c.html(html`<!DOCTYPE html>${page}`, 200, { 'Cache-Control': 'no-store' })
  },
)
