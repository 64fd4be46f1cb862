/** Which cache entries a change makes stale: the keys the routes use, listed in one place. */
import { cacheKey } from './policy'

/** Default oEmbed card size, the one consumers ask for without maxwidth/maxheight. */
export const OEMBED_DEFAULT = '560x200'

/** An article in every language (a new translation changes the others' hreflang and switcher). */
export function articleKeys(origin: string, languages: readonly string[], slug: string): string[] {
  return languages.flatMap((lang) => [
    cacheKey(origin, 'html', lang, slug),
    cacheKey(origin, 'json', lang, slug),
    cacheKey(origin, 'oembed', lang, slug, OEMBED_DEFAULT),
  ])
}

/** Deep listing pages are not purged; they follow within the freshness bound. */
const PURGED_PAGES = ['1', '2', '3']

/** A language's home pages, the category and tag pages given, its feed, and the sitemap. */
export function listingKeys(
  origin: string,
  lang: string,
  labels: { kind: 'category' | 'tag'; key: string }[],
): string[] {
  return [
    ...PURGED_PAGES.map((page) => cacheKey(origin, 'list', lang, 'home', '', page)),
    ...labels.flatMap(({ kind, key }) =>
      PURGED_PAGES.map((page) => cacheKey(origin, 'list', lang, kind, key, page)),
    ),
    cacheKey(origin, 'feed', lang),
    cacheKey(origin, 'sitemap', 'index'),
  ]
}
