import { escapeXml as x } from './xml'

/**
 * URLs per sitemap file. The protocol allows 50,000; parts of 1,000 keep each one a small range read
 * from the index, so a part costs the same at a thousand articles as at a million.
 */
export const SITEMAP_LIMIT = 1_000

export interface SitemapUrl {
  loc: string
  lastmod?: string
  /** Every version including this one, for `xhtml:link` hreflang. */
  alternates: { hreflang: string; href: string }[]
}

export function urlset(urls: SitemapUrl[]): string {
  const body = urls.map(
    (u) =>
      `  <url>\n    <loc>${x(u.loc)}</loc>\n${u.lastmod ? `    <lastmod>${u.lastmod}</lastmod>\n` : ''}` +
      u.alternates
        .map(
          (a) =>
            `    <xhtml:link rel="alternate" hreflang="${x(a.hreflang)}" href="${x(a.href)}"/>\n`,
        )
        .join('') +
      '  </url>',
  )
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
${body.join('\n')}
</urlset>
`
}

export function sitemapIndex(parts: { loc: string; lastmod?: string }[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${parts.map((p) => `  <sitemap><loc>${x(p.loc)}</loc>${p.lastmod ? `<lastmod>${p.lastmod}</lastmod>` : ''}</sitemap>`).join('\n')}
</sitemapindex>
`
}
