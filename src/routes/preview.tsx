/** The publisher's link-preview inspector: every platform's card from the page's own metadata. */
import { Hono } from 'hono'
import { requireArticle } from '../articles/load'
import { siteInfo } from '../articles/site'
import type { AppEnv } from '../env'
import { previewChecks } from '../meta/checks'
import { pageMeta } from '../meta/page'
import { PreviewPage } from '../render/PreviewPage'
import { articleParams, servedLanguage } from './params'

export const previewRoutes = new Hono<AppEnv>().get(
  '/preview/:lang/:slug',
  servedLanguage,
  async (c) => {
    const { lang, slug } = articleParams(c)
    const article = (await requireArticle(c, lang, slug)).head
    const meta = pageMeta(article, siteInfo(c, lang))
    const page = (
      <PreviewPage
        lang={lang}
        siteName={c.get('config').siteName}
        pageUrl={article.url}
        tags={meta.tags}
        issues={previewChecks(meta.tags, { writtenImage: article.image?.written })}
      />
    )
    return c.html(`<!DOCTYPE html>${await page.toString()}`, 200, { 'Cache-Control': 'no-store' })
  },
)
