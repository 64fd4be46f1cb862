/**
 * Every check an article gets, from what its page really carries: the link-preview tags crawlers
 * read, and the images a browser will load under the page's CSP. One function, so content:check,
 * content:push and the inspector cannot disagree.
 */
import type { StoredArticle } from '../articles/derived'
import { pageChecks, previewChecks, type PreviewIssue } from './checks'
import { bodyImageUrls } from './image-hosts'
import type { SiteInfo } from './open-graph'
import { pageMeta } from './page'
import { usesCard } from './share-image'

const decoder = new TextDecoder()

export function articleChecks(
  article: StoredArticle,
  site: SiteInfo & { homeUrl: string },
  imageHosts: string[],
): PreviewIssue[] {
  const { head } = article
  // A generated card replaces the article's image in previews: how that image is written no longer matters.
  const own = !usesCard(head, site.shareImages ?? 'off')
  const images = [head.image?.url, ...bodyImageUrls(decoder.decode(article.html))].filter(
    (url): url is string => !!url,
  )
  return [
    ...pageChecks(images, { origin: new URL(site.homeUrl).origin, imageHosts }),
    ...previewChecks(pageMeta(head, site).tags, {
      writtenImage: own ? head.image?.written : undefined,
      imageAlt: own ? head.image?.alt : undefined,
    }),
  ]
}
