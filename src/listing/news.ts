/** The Google News sitemap's query: the articles published in the last 48 hours, newest first. */
import type { SiteConfig } from '../config'
import { query, type Db } from './db'

/** Google News takes articles from the last two days, at most 1,000 per sitemap. */
export const NEWS_WINDOW_MS = 48 * 3_600_000
export const NEWS_LIMIT = 1_000

export interface NewsRecord {
  lang: string
  slug: string
  title: string
  published_at: string
  content_lang: string
}

/** One query: a range on (lang, sort_ms) for each language. */
export async function recentNews(
  db: Db,
  config: Pick<SiteConfig, 'storageTimeoutMs' | 'languages'>,
  now: Date,
): Promise<NewsRecord[]> {
  const marks = config.languages.map(() => '?').join(', ')
  const { results } = await query(
    db
      .prepare(
        `SELECT lang, slug, title, published_at, content_lang FROM articles
         WHERE lang IN (${marks}) AND sort_ms >= ? AND sort_ms <= ?
         ORDER BY sort_ms DESC, slug LIMIT ?`,
      )
      .bind(...config.languages, now.getTime() - NEWS_WINDOW_MS, now.getTime(), NEWS_LIMIT)
      .all<NewsRecord>(),
    config,
    'the news sitemap',
  )
  return results
}
