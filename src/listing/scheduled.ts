/** The `scheduled` table (migrations/0040): articles waiting for their time (publish/schedule.ts). */
import type { Db } from './db'

export interface ScheduledRow {
  lang: string
  slug: string
  live_ms: number
  store: string
  source_sha256: string
}

export function clearScheduled(db: Db, lang: string, slug: string): Promise<unknown> {
  return db.prepare('DELETE FROM scheduled WHERE lang = ? AND slug = ?').bind(lang, slug).run()
}

/**
 * A batch's schedule in one round trip: `held` recorded, `cleared` (written and not held back)
 * taken off, the latter in one statement however many there are.
 */
export async function updateSchedule(
  db: Db,
  held: ScheduledRow[],
  cleared: { lang: string; slug: string }[],
): Promise<void> {
  const statements = held.map((row) =>
    db
      .prepare(
        'INSERT OR REPLACE INTO scheduled (lang, slug, live_ms, store, source_sha256) VALUES (?, ?, ?, ?, ?)',
      )
      .bind(row.lang, row.slug, row.live_ms, row.store, row.source_sha256),
  )
  if (cleared.length)
    statements.push(
      db
        .prepare(
          `DELETE FROM scheduled WHERE (lang, slug) IN
             (SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(?1))`,
        )
        .bind(JSON.stringify(cleared.map((k) => [k.lang, k.slug]))),
    )
  if (statements.length) await db.batch(statements)
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

/** The versions held back in one language, by slug (few: only what waits for its time). */
export async function heldVersions(db: Db, lang: string): Promise<Map<string, string>> {
  const { results } = await db
    .prepare('SELECT slug, source_sha256 FROM scheduled WHERE lang = ?')
    .bind(lang)
    .all<{ slug: string; source_sha256: string }>()
  return new Map(results.map((r) => [r.slug, r.source_sha256]))
}
