import { CROPS, cropPath } from '../media/urls'
import type { ArticleHead, ArticleImage } from '../schema/article'
import type { SiteInfo } from './open-graph'

/** schema.org NewsArticle / BlogPosting as Google's Article guidelines recommend. */
export function jsonLd(
  article: ArticleHead,
  site: SiteInfo & { homeUrl: string },
): Record<string, unknown> {
  const publisher = organization(site, site.homeUrl)
  return {
    '@context': 'https://schema.org',
    '@type': article.schemaType,
    headline: article.title,
    description: article.description,
    ...(article.image && { image: imageObjects(article.image) }),
    ...(article.datePublished && { datePublished: article.datePublished }),
    ...(article.dateModified && { dateModified: article.dateModified }),
    // No byline: the publication stands as the author, which Google accepts.
    author: article.authors.length
      ? article.authors.map((a) => ({
          '@type': 'Person',
          name: a.name,
          ...(a.url && { url: a.url }),
          ...(a.jobTitle && { jobTitle: a.jobTitle }),
          ...(a.image && { image: a.image }),
          ...(a.sameAs?.length && { sameAs: a.sameAs }),
        }))
      : [publisher],
    publisher,
    inLanguage: article.contentLang,
    mainEntityOfPage: { '@type': 'WebPage', '@id': article.url },
    url: article.url,
    ...(article.categories[0] && { articleSection: article.categories[0] }),
    ...(article.tags.length && { keywords: article.tags.join(', ') }),
    isAccessibleForFree: true,
    // schema.org/correction: each dated correction as a CorrectionComment.
    ...(article.corrections?.length && {
      correction: article.corrections.map((c) => ({
        '@type': 'CorrectionComment',
        text: c.text,
        datePublished: c.date,
      })),
    }),
  }
}

/**
 * The main image as ImageObjects: a picture hosted with the site at least 1,200 px wide gives the
 * 16:9, 4:3 and 1:1 crops Google asks NewsArticle for (1,200 px wide, around its focal point);
 * any other, itself.
 */
function imageObjects(image: ArticleImage): Record<string, unknown>[] {
  const caption = image.alt ? { caption: image.alt } : {}
  const { hosted } = image
  if (hosted && (image.width ?? 0) >= CROPS['16x9'].width)
    return (['16x9', '4x3', '1x1'] as const).map((crop) => ({
      '@type': 'ImageObject',
      url: new URL(cropPath(hosted, crop, hosted.focus), image.url).href,
      width: CROPS[crop].width,
      height: CROPS[crop].height,
      ...caption,
    }))
  return [
    {
      '@type': 'ImageObject',
      url: image.url,
      ...(image.width && { width: image.width }),
      ...(image.height && { height: image.height }),
      ...caption,
    },
  ]
}

/**
 * The publisher as schema.org Organization: its logo an ImageObject with its size (Google's
 * publisher.logo), its corrections policy (schema.org correctionsPolicy, from the Trust Project).
 */
export function organization(
  site: SiteInfo,
  homeUrl: string,
): Record<string, unknown> & { '@type': 'Organization' } {
  return {
    '@type': 'Organization',
    name: site.siteName,
    url: homeUrl,
    ...(site.logo && {
      logo: {
        '@type': 'ImageObject',
        url: site.logo.url,
        ...(site.logo.width && { width: site.logo.width }),
        ...(site.logo.height && { height: site.logo.height }),
      },
    }),
    ...(site.correctionsPolicyUrl && { correctionsPolicy: site.correctionsPolicyUrl }),
  }
}

/** JSON for inside `<script type="application/ld+json">`: no `</script>`, no `<!--`, no line separators. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}
