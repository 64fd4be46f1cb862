/** The `scheduled` table (migrations/0040): articles waiting for their time (publish/schedule.ts). */
import type { Db } from './db'

export interface ScheduledRow {
  lang: string
  slug: string
  live_ms: number
  store: string
  source_sha256: string
}

export function recordScheduled(db: Db, row: ScheduledRow): Promise<unknown> {
  return db
    .prepare(
      'INSERT OR REPLACE INTO scheduled (lang, slug, live_ms, store, source_sha256) VALUES (?, ?, ?, ?, ?)',
    )
    .bind(row.lang, row.slug, row.live_ms, row.store, row.source_sha256)
    .run()
}

export function clearScheduled(db: Db, lang: string, slug: string): Promise<unknown> {
  return db.prepare('DELETE FROM scheduled WHERE lang = ? AND slug = ?').bind(lang, slug).run()
}

/** The articles whose time has come, oldest first. */
export async function dueArticles(db: Db, now: Date, limit = 50): Promise<ScheduledRow[]> {
  const { results } = await db
    .prepare(
      'SELECT lang, slug, live_ms, store, source_sha256 FROM scheduled WHERE live_ms <= ? ORDER BY live_ms LIMIT ?',
    )
    .bind(now.getTime(), limit)
    .all<ScheduledRow>()
  return results
}

/** Every article still waiting, soonest first (the admin list). */
export async function waiting(db: Db, limit = 1000): Promise<ScheduledRow[]> {
  const { results } = await db
    .prepare(
      'SELECT lang, slug, live_ms, store, source_sha256 FROM scheduled ORDER BY live_ms LIMIT ?',
    )
    .bind(limit)
    .all<ScheduledRow>()
  return results
}

/** The languages a slug is in the index (live) in. */
export async function indexedLanguages(db: Db, slug: string): Promise<string[]> {
  const { results } = await db
    .prepare('SELECT lang FROM articles WHERE slug = ? ORDER BY lang')
    .bind(slug)
    .all<{ lang: string }>()
  return results.map((r) => r.lang)
}

/** The versions held back in one language, by slug (few: only what waits for its time). */
export async function heldVersions(db: Db, lang: string): Promise<Map<string, string>> {
  const { results } = await db
    .prepare('SELECT slug, source_sha256 FROM scheduled WHERE lang = ?')
    .bind(lang)
    .all<{ slug: string; source_sha256: string }>()
  return new Map(results.map((r) => [r.slug, r.source_sha256]))
}
