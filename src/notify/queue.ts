/**
 * The queue of pages and feeds to announce (IndexNow for search engines, WebSub for feed hubs), in
 * D1 (migrations/0041): a write adds what it changed in the same place for every writer (the
 * publishing API, content:push, the reconciler, a scheduled go-live), and the Cron Trigger sends it
 * (deliver.ts). Nothing here calls out, so a publish never waits on a search engine.
 */
import type { Change } from '../cache/tags'
import type { Db } from '../listing/db'
import { indexedLanguages } from '../listing/scheduled'

export type Channel = 'indexnow' | 'websub'

export interface Announcement {
  channel: Channel
  /** A site path, e.g. `/ko/some-article` or `/ko/feed.xml`. */
  path: string
}

/**
 * What a change makes worth announcing: the article's page and its other languages' pages (their
 * language lists changed), and the feeds it was or is in (its language's, its categories' and tags').
 */
export async function announcementsOf(db: Db, change: Change): Promise<Announcement[]> {
  const split = change.key.indexOf('/')
  const [lang, slug] = [change.key.slice(0, split), change.key.slice(split + 1)]
  const languages = new Set([lang, ...(await indexedLanguages(db, slug))])
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

/** Queues what a change makes worth announcing; a change already waiting is sent once. */
export async function enqueueChanged(db: Db, change: Change): Promise<void> {
  const rows = await announcementsOf(db, change)
  if (!rows.length) return
  await db.batch(
    rows.map((row) =>
      db
        .prepare(
          `INSERT INTO notify_queue (channel, endpoint, path) VALUES (?, '', ?)
           ON CONFLICT DO UPDATE SET attempts = 0, next_ms = 0, last_error = NULL`,
        )
        .bind(row.channel, row.path),
    ),
  )
}
