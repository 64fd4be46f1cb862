/**
 * The queue of pages and feeds to announce (IndexNow for search engines, WebSub for feed hubs), in
 * D1 (migrations/0041): a write adds what it changed in the same place for every writer (the
 * publishing API, content:push, the reconciler, a scheduled go-live), and the Cron Trigger sends it
 * (deliver.ts). Nothing here calls out, so a publish never waits on a search engine.
 */
import type { Change } from '../cache/tags'
import type { Db } from '../listing/db'

export type Channel = 'indexnow' | 'websub'

export interface Announcement {
  channel: Channel
  /** A site path, e.g. `/ko/some-article` or `/ko/feed.xml`. */
  path: string
}

/** A change's announcements, given the languages its slug is indexed in. */
function announce(change: Change, indexed: string[]): Announcement[] {
  const { lang, slug } = split(change.key)
  const languages = new Set([lang, ...indexed])
  const page = (l: string) => `/${l}/${encodeURIComponent(slug)}`
  return [
    ...[...languages].map((l) => ({ channel: 'indexnow' as const, path: page(l) })),
    ...change.indexes.map((l) => ({ channel: 'websub' as const, path: `/${l}/feed.xml` })),
    ...change.labels.map((label) => ({
      channel: 'websub' as const,
      path: `/${label.lang}/${label.kind}/${encodeURIComponent(label.key)}/feed.xml`,
    })),
  ]
}

const split = (key: string) => {
  const at = key.indexOf('/')
  return { lang: key.slice(0, at), slug: key.slice(at + 1) }
}

/** Queues what a change makes worth announcing; a change already waiting is sent once. */
export const enqueueChanged = (db: Db, change: Change): Promise<void> =>
  enqueueChanges(db, [change])

/** Slugs a statement names, and announcements it queues: one JSON parameter, well under D1's 2 MB. */
const PER_STATEMENT = 1_000

/**
 * Queues what many changes make worth announcing, in two D1 calls whatever their number: one read of
 * the languages their slugs are indexed in, one batch of inserts (a JSON list per statement).
 */
export async function enqueueChanges(db: Db, changes: Change[]): Promise<void> {
  if (!changes.length) return
  const slugs = [...new Set(changes.map((c) => split(c.key).slug))]
  const reads = pieces(slugs).map((part) =>
    db
      .prepare(
        'SELECT slug, lang FROM articles WHERE slug IN (SELECT value FROM json_each(?1)) ORDER BY lang',
      )
      .bind(JSON.stringify(part)),
  )
  const languages = new Map<string, string[]>()
  for (const { results } of await db.batch<{ slug: string; lang: string }>(reads))
    for (const { slug, lang } of results)
      languages.set(slug, [...(languages.get(slug) ?? []), lang])
  const rows = [
    ...new Map(
      changes
        .flatMap((c) => announce(c, languages.get(split(c.key).slug) ?? []))
        .map((row) => [`${row.channel} ${row.path}`, [row.channel, row.path]]),
    ).values(),
  ]
  if (!rows.length) return
  const insert = db.prepare(
    `INSERT INTO notify_queue (channel, endpoint, path)
     SELECT json_extract(value, '$[0]'), '', json_extract(value, '$[1]') FROM json_each(?1) WHERE true
     ON CONFLICT DO UPDATE SET attempts = 0, next_ms = 0, last_error = NULL`,
  )
  await db.batch(pieces(rows).map((part) => insert.bind(JSON.stringify(part))))
}

const pieces = <T>(items: T[]): T[][] =>
  Array.from({ length: Math.ceil(items.length / PER_STATEMENT) }, (_, i) =>
    items.slice(i * PER_STATEMENT, (i + 1) * PER_STATEMENT),
  )
