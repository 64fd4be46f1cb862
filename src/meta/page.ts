import type { Article } from '../schema/article'
import { jsonLd } from './json-ld'
import { socialTags, type MetaTag, type SiteInfo } from './open-graph'

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
}

export function pageMeta(article: Article, site: SiteInfo & { homeUrl: string }): PageMeta {
  return {
    title: `${article.title} | ${site.siteName}`,
    description: article.description,
    canonical: article.url,
    lang: article.contentLang,
    tags: socialTags(article, site),
    jsonLd: jsonLd(article, site),
  }
}
