/**
 * Every check an article gets, from what its page really carries: the link-preview tags crawlers
 * read, and the images a browser will load under the page's CSP. One function, so content:check,
 * content:push and the inspector cannot disagree.
 */
import type { StoredArticle } from '../articles/derived'
import { pageChecks, previewChecks, PRIVATE_HOST, type PreviewIssue } from './checks'
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
      // A hosted picture was written relative on purpose: the push gave it an absolute address.
      writtenImage: own && !head.image?.hosted ? head.image?.written : undefined,
      imageAlt: own ? head.image?.alt : undefined,
    }),
  ]
}

/** Where articles are judged when neither BASE_URL nor the request says where the site will live. */
export const PLACEHOLDER_ORIGIN = 'https://example.com'

/**
 * The origin checks judge an article at: BASE_URL, else the request's own origin when crawlers could
 * reach it, else some public https site. So `npm start` (127.0.0.1) and content:check judge the
 * site's own URLs (a share card, a site-relative image) as the deployed site will serve them, and
 * do not report the development server's address as something crawlers cannot reach.
 */
export function checkOrigin(baseUrl: string, requestOrigin?: string): string {
  if (baseUrl) return baseUrl
  if (requestOrigin && !PRIVATE_HOST.test(new URL(requestOrigin).hostname)) return requestOrigin
  return PLACEHOLDER_ORIGIN
}
