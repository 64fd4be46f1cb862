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

/**
 * "Best first" ranks the newest this many matches, not every match: ranking all of them costs time
 * in proportion to their number (1.6 s for a word in 89% of a million articles), and a news reader
 * wants the best of what is recent. Far more than the pages offered (MAX_SEARCH_PAGE × 12).
 */
export const BEST_WINDOW = 1_000

export async function search(
  db: Db,
  config: Pick<SiteConfig, 'storageTimeoutMs'>,
  asked: {
    lang: string
    text: string
    page: number
    order: SearchOrder
    /** How many of the newest matches "best first" ranks (BEST_WINDOW). */
    window?: number
  },
): Promise<SearchResults> {
  const { lang, text, page, order, window = BEST_WINDOW } = asked
  const match = searchQuery(text, lang)
  if (!match || page < 1 || page > MAX_SEARCH_PAGE) return { items: [], page, more: false }
  // Newest first reads the index backwards by search id (which grows with the publication date) and
  // stops after one page. Best first ranks the matches from the window's oldest search id on.
  const sql =
    order === 'best'
      ? `SELECT articles.* FROM search JOIN articles ON articles.search_id = search.rowid
         WHERE search MATCH ?1 AND search.rowid >= COALESCE(
           (SELECT rowid FROM search WHERE search MATCH ?1 ORDER BY rowid DESC LIMIT 1 OFFSET ?4), 0)
         ORDER BY ${BEST}, search.rowid DESC LIMIT ?2 OFFSET ?3`
      : `SELECT articles.* FROM search JOIN articles ON articles.search_id = search.rowid
         WHERE search MATCH ?1 ORDER BY search.rowid DESC LIMIT ?2 OFFSET ?3`
  const bound = [match, PAGE_SIZE + 1, (page - 1) * PAGE_SIZE]
  const { results } = await query(
    db
      .prepare(sql)
      .bind(...(order === 'best' ? [...bound, window - 1] : bound))
      .all<ArticleRecord>(),
    config,
    'a search',
  )
  return { items: results.slice(0, PAGE_SIZE).map(toEntry), page, more: results.length > PAGE_SIZE }
}
