import { escapeXml as x } from './xml'

/** The protocol's limit per sitemap file; past it, a sitemap index points at numbered parts. */
export const SITEMAP_LIMIT = 50_000

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
