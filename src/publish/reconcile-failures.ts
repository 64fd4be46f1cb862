/**
 * The reconciler's memory of sources it could not index: each failure is kept with when to try again,
 * so one broken file is retried with a growing wait instead of costing every run its budget.
 */
import type { StoreName } from '../source/driver'
import type { Db } from '../listing/db'

/** A source that failed waits this long before its next try, doubling with each failure up to a day. */
export const RETRY_BASE_MS = 10 * 60_000
export const RETRY_MAX_MS = 24 * 60 * 60_000

/** The slugs one listing page covers: (after, upTo], or (after, ∞) on the last page. */
export interface SlugRange {
  lang: string
  store: StoreName
  after: string
  upTo: string | undefined
}

/** A failure on record: how often it failed, and when it may be tried again. */
interface FailureRow {
  slug: string
  attempts: number
  retry_at: number
}

/** The failures on record in one listing page's range of slugs. */
export async function failuresBetween(db: Db, range: SlugRange): Promise<Map<string, FailureRow>> {
  const { lang, store, after, upTo } = range
  const sql = `SELECT slug, attempts, retry_at FROM reconcile_failures
               WHERE store = ? AND lang = ? AND slug > ?${upTo === undefined ? '' : ' AND slug <= ?'}`
  const params = upTo === undefined ? [store, lang, after] : [store, lang, after, upTo]
  const { results } = await db
    .prepare(sql)
    .bind(...params)
    .all<FailureRow>()
  return new Map(results.map((r) => [r.slug, r]))
}

/** Records a failure and when to try again: 10 minutes after the first, doubling, at most a day. */
export async function remember(
  db: Db,
  failure: {
    store: StoreName
    lang: string
    slug: string
    reason: string
    now: Date
    attempts?: number
  },
): Promise<void> {
  const attempts = (failure.attempts ?? 0) + 1
  const wait = Math.min(RETRY_BASE_MS * 2 ** Math.min(attempts - 1, 20), RETRY_MAX_MS)
  await db
    .prepare(
      `INSERT OR REPLACE INTO reconcile_failures (store, lang, slug, reason, failed_at, attempts, retry_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .bind(
      failure.store,
      failure.lang,
      failure.slug,
      failure.reason.slice(0, 1000),
      failure.now.toISOString(),
      attempts,
      failure.now.getTime() + wait,
    )
    .run()
}

/** A source that indexed cleanly leaves the record. */
export const forget = (
  db: Db,
  { store, lang, slug }: { store: StoreName; lang: string; slug: string },
) =>
  db
    .prepare('DELETE FROM reconcile_failures WHERE store = ? AND lang = ? AND slug = ?')
    .bind(store, lang, slug)
    .run()
