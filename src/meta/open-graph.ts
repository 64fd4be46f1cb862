import { CROPS, cropPath } from '../media/urls'
import type { ArticleHead, ArticleImage } from '../schema/article'
import { ogLocale } from './language'
import type { ShareImages } from './share-image'

export interface SiteInfo {
  siteName: string
  /** `@handle` for twitter:site, or empty. */
  twitterSite: string
  /** When previews show a generated share card (meta/share-image.ts); none without it. */
  shareImages?: ShareImages
  /** SITE_LOGO, absolute: NewsArticle's publisher.logo and the home page's Organization. */
  logo?: { url: string; width?: number; height?: number }
  /** CORRECTIONS_POLICY_URL: the publisher's correctionsPolicy. */
  correctionsPolicyUrl?: string
}

/** One `<meta>`: Open Graph uses `property`, X and the rest use `name`. */
export type MetaTag = { property: string; content: string } | { name: string; content: string }

/**
 * The Open Graph, article:* and Twitter tags for an article, in the order crawlers read best:
 * og:title/type/url/image first, since some stop reading early.
 */
export function socialTags(article: ArticleHead, site: SiteInfo): MetaTag[] {
  const og = (property: string, content: string | number | undefined): MetaTag[] =>
    content === undefined || content === '' ? [] : [{ property, content: String(content) }]
  const tw = (name: string, content: string | undefined): MetaTag[] =>
    content ? [{ name, content }] : []
  const image = article.image && shareCrop(article.image)
  return [
    ...og('og:type', 'article'),
    ...og('og:title', article.title),
    ...og('og:description', article.description),
    ...og('og:url', article.url),
    ...og('og:site_name', site.siteName),
    ...og('og:locale', ogLocale(article.contentLang)),
    ...article.translations.flatMap((t) => og('og:locale:alternate', ogLocale(t.lang))),
    ...(image
      ? [
          ...og('og:image', image.url),
          ...(image.url.startsWith('https:') ? og('og:image:secure_url', image.url) : []),
          ...og('og:image:type', image.type),
          ...og('og:image:width', image.width),
          ...og('og:image:height', image.height),
          ...og('og:image:alt', image.alt || article.title),
        ]
      : []),
    ...og('article:published_time', article.datePublished),
    ...og('article:modified_time', article.dateModified),
    ...article.authors.flatMap((a) => og('article:author', a.url ?? a.name)),
    ...og('article:section', article.categories[0]),
    ...[...article.categories.slice(1), ...article.tags].flatMap((tag) => og('article:tag', tag)),
    ...tw('twitter:card', image ? 'summary_large_image' : 'summary'),
    ...tw('twitter:site', site.twitterSite),
    ...tw('twitter:title', article.title),
    ...tw('twitter:description', article.description),
    ...tw('twitter:image', image?.url),
    ...tw('twitter:image:alt', image ? image.alt || article.title : undefined),
  ]
}

/**
 * What og:image shows of the main image: a picture hosted with the site as its 1.91:1 1200×630 crop
 * around its focal point (the shape Facebook, KakaoTalk and LinkedIn show, so none crops it its own
 * way) when it is at least 1,200 px wide; any other, itself.
 */
function shareCrop(image: ArticleImage): ArticleImage {
  const { width, height } = CROPS.og
  // Narrower than the crop: itself, rather than a blurred enlargement.
  if (!image.hosted || (image.width ?? 0) < width) return image
  return {
    ...image,
    url: new URL(cropPath(image.hosted, 'og', image.hosted.focus), image.url).href,
    width,
    height,
    type: 'image/jpeg',
  }
}
