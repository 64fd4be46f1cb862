import { escapeXml as x } from './xml'

/** One article as a Google News sitemap `<url>` (developers.google.com/search/docs: news sitemap). */
export interface NewsUrl {
  loc: string
  /** The publication's name as it appears on news.google.com. */
  name: string
  /** BCP 47 language of the text. */
  language: string
  /** W3C datetime. */
  published: string
  title: string
}

/**
 * Google wants an ISO 639 code, except zh-cn and zh-tw for Chinese: `ko`, `en`, `ja`, `zh-tw`.
 */
export function newsLanguage(tag: string): string {
  const lower = tag.toLowerCase()
  if (lower.startsWith('zh')) return /hant|tw|hk|mo/.test(lower) ? 'zh-tw' : 'zh-cn'
  return lower.split('-')[0]!
}

export function newsSitemap(urls: NewsUrl[]): string {
  const body = urls.map(
    (u) => `  <url>
    <loc>${x(u.loc)}</loc>
    <news:news>
      <news:publication>
        <news:name>${x(u.name)}</news:name>
        <news:language>${x(newsLanguage(u.language))}</news:language>
      </news:publication>
      <news:publication_date>${x(u.published)}</news:publication_date>
      <news:title>${x(u.title)}</news:title>
    </news:news>
  </url>`,
  )
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
${body.join('\n')}
</urlset>
`
}
