/**
 * Search over title, description and body of one language's articles, newest or best first, a page
 * at a time. The query is a reader's text, never FTS syntax (see search-text.ts).
 */
import type { SiteConfig } from '../config'
import type { IndexEntry } from '../schema/listing'
import { query, type Db } from './db'
import { PAGE_SIZE, toEntry, type ArticleRecord } from './read'
import { searchQuery } from './search-text'

export type SearchOrder = 'newest' | 'best'

/** Deeper result pages than this are not offered: nobody reads them, and each costs more. */
export const MAX_SEARCH_PAGE = 20

export interface SearchResults {
  items: IndexEntry[]
  page: number
  /** Whether a next page exists. */
  more: boolean
}

/** Title counts most, then the description, then the body (bm25 weights per column: lang, title, description, body). */
const BEST = 'bm25(search, 0.0, 10.0, 4.0, 1.0)'

export async function search(
  db: Db,
  config: Pick<SiteConfig, 'storageTimeoutMs'>,
  lang: string,
  text: string,
  page: number,
  order: SearchOrder,
): Promise<SearchResults> {
  const match = searchQuery(text, lang)
  if (!match || page < 1 || page > MAX_SEARCH_PAGE) return { items: [], page, more: false }
  // Newest first reads the index backwards by search id (which grows with the publication date) and stops after one page.
  const orderBy = order === 'best' ? `${BEST}, search.rowid DESC` : 'search.rowid DESC'
  const { results } = await query(
    db
      .prepare(
        `SELECT articles.* FROM search JOIN articles ON articles.search_id = search.rowid
         WHERE search MATCH ? ORDER BY ${orderBy} LIMIT ? OFFSET ?`,
      )
      .bind(match, PAGE_SIZE + 1, (page - 1) * PAGE_SIZE)
      .all<ArticleRecord>(),
    config,
    'a search',
  )
  return { items: results.slice(0, PAGE_SIZE).map(toEntry), page, more: results.length > PAGE_SIZE }
}
