/** Listing pages from an index: filter by category or tag, paginate. Pure. */
import type { IndexEntry } from '../schema/listing'

export const PAGE_SIZE = 12

export type ListingFilter = { kind: 'home' } | { kind: 'category' | 'tag'; name: string }

/** Category and tag names match whatever their case or Unicode normalization (`News` = `news`). */
export const sameName = (a: string, b: string, lang: string) =>
  a.normalize('NFC').toLocaleLowerCase(lang) === b.normalize('NFC').toLocaleLowerCase(lang)

export function filterEntries(
  entries: IndexEntry[],
  filter: ListingFilter,
  lang: string,
): IndexEntry[] {
  if (filter.kind === 'home') return entries
  const labels = (e: IndexEntry) => (filter.kind === 'category' ? e.categories : e.tags)
  return entries.filter((e) => labels(e).some((label) => sameName(label, filter.name, lang)))
}

export interface Page<T> {
  items: T[]
  page: number
  pages: number
  total: number
}

/** Page `page` (1-based); `undefined` past the end, so those URLs are real 404s. */
export function paginate<T>(items: T[], page: number, size = PAGE_SIZE): Page<T> | undefined {
  const pages = Math.max(1, Math.ceil(items.length / size))
  if (!Number.isInteger(page) || page < 1 || page > pages) return undefined
  return { items: items.slice((page - 1) * size, page * size), page, pages, total: items.length }
}

/** The label as the articles write it (`News`), for a name from the URL (`news`). */
export function displayName(
  entries: IndexEntry[],
  filter: ListingFilter,
  lang: string,
): string | undefined {
  if (filter.kind === 'home') return undefined
  for (const e of entries) {
    const found = (filter.kind === 'category' ? e.categories : e.tags).find((label) =>
      sameName(label, filter.name, lang),
    )
    if (found) return found
  }
  return undefined
}
