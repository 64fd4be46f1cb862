/** Which cache entries a change makes stale: the keys the routes use, listed in one place. */
import { PAGE_SIZE } from '../listing/select'
import type { LanguageIndex } from '../schema/listing'
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
const PURGED_PAGES = 3

/** A language's listings (first pages of home, each category and tag), its feed, and the sitemap. */
export function listingKeys(origin: string, index: LanguageIndex): string[] {
  const { lang } = index
  const pages = (count: number) =>
    Array.from(
      { length: Math.min(PURGED_PAGES, Math.max(1, Math.ceil(count / PAGE_SIZE))) },
      (_, i) => String(i + 1),
    )
  const labels = (kind: 'category' | 'tag') => {
    const counts = new Map<string, number>()
    for (const entry of index.articles) {
      for (const label of kind === 'category' ? entry.categories : entry.tags) {
        const name = label.normalize('NFC').toLocaleLowerCase(lang)
        counts.set(name, (counts.get(name) ?? 0) + 1)
      }
    }
    return [...counts].flatMap(([name, count]) =>
      pages(count).map((page) => cacheKey(origin, 'list', lang, kind, name, page)),
    )
  }
  return [
    ...pages(index.articles.length).map((page) => cacheKey(origin, 'list', lang, 'home', '', page)),
    ...labels('category'),
    ...labels('tag'),
    cacheKey(origin, 'feed', lang),
    cacheKey(origin, 'sitemap', 'index'),
  ]
}
