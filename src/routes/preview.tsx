/** The publisher's link-preview inspector: every platform's card from the page's own metadata. */
import { Hono } from 'hono'
import { requireArticle } from '../articles/load'
import { siteInfo } from '../articles/site'
import type { AppEnv } from '../env'
import { previewChecks } from '../meta/checks'
import { pageMeta } from '../meta/page'
import { usesCard } from '../meta/share-image'
import { PreviewPage } from '../render/PreviewPage'
import { articleParams, servedLanguage } from './params'

export const previewRoutes = new Hono<AppEnv>().get(
  '/preview/:lang/:slug',
  servedLanguage,
  async (c) => {
    const { lang, slug } = articleParams(c)
    const article = (await requireArticle(c, lang, slug)).head
    const site = siteInfo(c, lang)
    const meta = pageMeta(article, site)
    // A generated card replaces the article's image in previews: how that image is written no longer matters.
    const own = !usesCard(article, site.shareImages ?? 'off')
    const page = (
      <PreviewPage
        lang={lang}
        siteName={c.get('config').siteName}
        pageUrl={article.url}
        tags={meta.tags}
        issues={previewChecks(meta.tags, {
          writtenImage: own ? article.image?.written : undefined,
        })}
      />
    )
    return c.html(`<!DOCTYPE html>${await page.toString()}`, 200, { 'Cache-Control': 'no-store' })
  },
)
