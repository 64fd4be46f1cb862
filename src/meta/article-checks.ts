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

const decoder = new TextDecoder()

export function articleChecks(
  article: StoredArticle,
  site: SiteInfo & { homeUrl: string },
  imageHosts: string[],
): PreviewIssue[] {
  const { head } = article
  const images = [head.image?.url, ...bodyImageUrls(decoder.decode(article.html))].filter(
    (url): url is string => !!url,
  )
  return [
    ...pageChecks(images, { origin: new URL(site.homeUrl).origin, imageHosts }),
    ...previewChecks(pageMeta(head, site).tags, {
      writtenImage: head.image?.written,
      imageAlt: head.image?.alt,
    }),
  ]
}
