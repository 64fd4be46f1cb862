import type { ArticleHead } from '../schema/article'
import { jsonLd } from './json-ld'
import { socialTags, type MetaTag, type SiteInfo } from './open-graph'
import { shareImage } from './share-image'

/** Everything that goes in an article page's `<head>`, as data: rendered as HTML and served in the JSON API. */
export interface PageMeta {
  /** `<title>`: the headline, then the site. */
  title: string
  description: string
  canonical: string
  /** BCP 47, for `<html lang>`. */
  lang: string
  tags: MetaTag[]
  jsonLd: Record<string, unknown>
  /** `<link rel="alternate" hreflang>`: every version, itself included, and `x-default`; empty without translations. */
  alternates: { hreflang: string; href: string }[]
  /** The language's Atom feed and the article's oEmbed endpoint. */
  links: { rel: string; type: string; href: string; title: string }[]
}

export function pageMeta(article: ArticleHead, site: SiteInfo & { homeUrl: string }): PageMeta {
  const own = `${new URL(site.homeUrl).origin}/${article.lang}/${encodeURIComponent(article.slug)}`
  const versions = [{ lang: article.lang, url: own }, ...article.translations].sort((a, b) =>
    a.lang.localeCompare(b.lang),
  )
  // x-default is the address without a language: it sends each visitor to their best version.
  const negotiating = `${new URL(site.homeUrl).origin}/${encodeURIComponent(article.slug)}`
  const alternates =
    article.translations.length === 0
      ? []
      : [
          ...versions.map((v) => ({ hreflang: v.lang, href: v.url })),
          { hreflang: 'x-default', href: negotiating },
        ]
  const origin = new URL(site.homeUrl).origin
  // Previews and search engines get the share image; the page itself shows the article's own.
  const shared = { ...article, image: shareImage(article, origin, site.shareImages) }
  const links = [
    {
      rel: 'alternate',
      type: 'application/atom+xml',
      href: `${origin}/${article.lang}/feed.xml`,
      title: site.siteName,
    },
    {
      rel: 'alternate',
      type: 'application/json+oembed',
      href: `${origin}/oembed?url=${encodeURIComponent(own)}&format=json`,
      title: article.title,
    },
  ]
  return {
    alternates,
    links,
    title: `${article.title} | ${site.siteName}`,
    description: article.description,
    canonical: article.url,
    lang: article.contentLang,
    tags: socialTags(shared, site),
    jsonLd: jsonLd(shared, site),
  }
}
