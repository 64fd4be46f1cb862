/**
 * robots.txt. Every crawler may read pages and images; the publisher's tools stay out of search
 * results. Korea's search engines (Naver's Yeti, Daum) and the link-preview crawlers are named
 * too, so a later narrowing of `*` never shuts them out by accident. Both sitemaps are listed.
 */
const NAMED = [
  'Yeti', // Naver
  'Daumoa', // Daum (Kakao) search
  'Googlebot',
  'Googlebot-News',
  'Bingbot',
  'kakaotalk-scrap',
  'facebookexternalhit',
  'Twitterbot',
  'LinkedInBot',
  'Slackbot',
  'Discordbot',
  'TelegramBot',
]

const RULES = 'Allow: /\nDisallow: /admin/\nDisallow: /preview/\n'

export function robotsTxt(base: string): string {
  const named = NAMED.map((agent) => `User-agent: ${agent}\n`).join('')
  return `${named}${RULES}\nUser-agent: *\n${RULES}\nSitemap: ${base}/sitemap.xml\nSitemap: ${base}/news-sitemap.xml\n`
}
