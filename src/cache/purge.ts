/**
 * Purging what a change made stale, by tag (tags.ts says which tags a change touches).
 *
 * - Workers Cache: one `purge({ tags })` call per 100 tags, which Cloudflare propagates to every
 *   location (Instant Purge). Its rate limit is the Free plan's whatever the plan (5 calls a minute,
 *   25 in a burst); a refused call resolves with `success: false`. Its tags are kept in D1
 *   (`pending_purges`) and the Cron Trigger purges them again, so a refusal costs minutes, not the
 *   day an edge copy may live.
 * - The Cache API fallback (local, or Workers Cache off): this data centre's entries for each tag's
 *   keys (tags.ts keysOfTag); other data centres follow within CACHE_FRESH_SECONDS.
 */
import type { Db } from '../listing/db'
import { edgeCache } from './edge'
import { siteSections } from '../sections/site'
import { keysOfTag } from './tags'

export interface PurgeResult {
  via: 'workers-cache' | 'cache-api'
  tags: string[]
  /** Cache API entries deleted (fallback path). */
  deleted?: number
  /** Why some tags were not purged (rate limit, network), for the response and the log. */
  errors: string[]
  /** Tags left for the Cron Trigger to purge again. */
  retrying?: number
}

export interface PurgeWhere {
  /** Workers Cache, when the deployment has it (serve.ts workersCache). */
  cache?: CacheContext
  /** Origins the fallback path keyed pages under (pages carry absolute URLs). */
  origins: string[]
  languages: readonly string[]
  /** Where refused tags wait for the next attempt. */
  db?: Db
}

/** Workers Cache takes at most this many tags per purge call. */
export const TAGS_PER_CALL = 100

/**
 * The Cache API fallback deletes this many keys at a time, and at most MAX_KEYS per purge: 100
 * `s:` tags under 10 origins once made tens of thousands of deletes at once and stalled the server
 * for half an hour. Keys past the cap are reported, and expire within CACHE_FRESH_SECONDS.
 */
export const PURGE_CONCURRENCY = 32
export const MAX_KEYS = 5_000

export async function purgeTags(tags: string[], where: PurgeWhere): Promise<PurgeResult> {
  const unique = [...new Set(tags)]
  if (where.cache) return purgeWorkersCache(unique, where.cache, where.db)
  const keys = new Set(
    where.origins.flatMap((origin) =>
      unique.flatMap((tag) =>
        keysOfTag(origin, tag, {
          languages: where.languages,
          sectionOf: (name) => siteSections().find(name)?.key,
        }),
      ),
    ),
  )
  const cache = edgeCache()
  // In batches: an article's tags name a couple of hundred keys (every language's page, JSON and
  // oEmbed sizes, under each origin); one at a time they took most of a live save's half second,
  // all at once a large purge stalled everything else.
  const all = [...keys]
  const wanted = all.slice(0, MAX_KEYS)
  let deleted = 0
  for (let i = 0; i < wanted.length; i += PURGE_CONCURRENCY) {
    const results = await Promise.all(
      wanted.slice(i, i + PURGE_CONCURRENCY).map((key) => cache.delete(key)),
    )
    deleted += results.filter(Boolean).length
  }
  const errors =
    all.length > MAX_KEYS
      ? [
          `${all.length - MAX_KEYS} cached page(s) past the ${MAX_KEYS} a purge deletes were left to expire`,
        ]
      : []
  return { via: 'cache-api', tags: unique, deleted, errors }
}

async function purgeWorkersCache(
  tags: string[],
  cache: CacheContext,
  db?: Db,
): Promise<PurgeResult> {
  const { errors, refused } = await callPurge(cache, tags)
  if (refused.length && db) {
    const now = Date.now()
    await db.batch(
      refused.map((tag) =>
        db
          .prepare('INSERT OR IGNORE INTO pending_purges (tag, since) VALUES (?, ?)')
          .bind(tag, now),
      ),
    )
  }
  return {
    via: 'workers-cache',
    tags,
    errors,
    ...(refused.length && db && { retrying: refused.length }),
  }
}

/** One purge call per TAGS_PER_CALL tags; the tags of refused calls, and why. */
async function callPurge(cache: CacheContext, tags: string[]) {
  const errors: string[] = []
  const refused: string[] = []
  for (let i = 0; i < tags.length; i += TAGS_PER_CALL) {
    const chunk = tags.slice(i, i + TAGS_PER_CALL)
    const result = await cache.purge({ tags: chunk }).catch((error: unknown) => ({
      success: false,
      errors: [{ code: 0, message: String(error) }],
    }))
    if (result.success) continue
    errors.push(...result.errors.map((e) => `${e.code}: ${e.message}`))
    refused.push(...chunk)
  }
  return { errors, refused }
}

/**
 * The Cron Trigger's part: purges tags a refused call left behind, oldest first, a few calls' worth
 * per run (the rate limit is shared with publishing). Tags purged are forgotten; the rest wait.
 */
export async function retryPendingPurges(
  cache: CacheContext,
  db: Db,
  calls = 3,
): Promise<PurgeResult | undefined> {
  const { results } = await db
    .prepare('SELECT tag FROM pending_purges ORDER BY since, tag LIMIT ?')
    .bind(calls * TAGS_PER_CALL)
    .all<{ tag: string }>()
  if (!results.length) return undefined
  const tags = results.map((r) => r.tag)
  const { errors, refused } = await callPurge(cache, tags)
  const failed = new Set(refused)
  const done = tags.filter((tag) => !failed.has(tag))
  if (done.length)
    await db.batch(
      done.map((tag) => db.prepare('DELETE FROM pending_purges WHERE tag = ?').bind(tag)),
    )
  return { via: 'workers-cache', tags: done, errors, retrying: refused.length }
}
