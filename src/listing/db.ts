/**
 * The article index's database (D1). Reads that serve readers go through `query`, so a failing or
 * slow D1 is a StorageError like a failing KV or R2: the cache can stand in, or the reader gets a
 * 503. Writes (the writer, the reconciler, the admin block list) call D1 directly: their failure is
 * the publisher's error, reported by the write that made it.
 */
import type { SiteConfig } from '../config'
import { StorageError, withTimeout } from '../errors'

/** What the index code needs of a D1 database or a D1 session. */
export type Db = Pick<D1Database, 'prepare' | 'batch'>

/**
 * Where reads go. Pages that will be cached read the primary (`fresh`): a replica a moment behind
 * would otherwise put a listing older than the publisher's last write into the cache. Search, cached
 * only briefly, reads the nearest replica (`near`). A bookmark (the publishing API returns one) reads
 * at least as new as that write.
 */
export type ReadFrom = 'fresh' | 'near' | { bookmark: string }

export function indexDb(env: Env, from: ReadFrom = 'fresh'): Db & { bookmark(): string | null } {
  const session = env.ARTICLES_DB.withSession(
    from === 'fresh' ? 'first-primary' : from === 'near' ? 'first-unconstrained' : from.bookmark,
  )
  return {
    prepare: (sql) => session.prepare(sql),
    batch: (statements) => session.batch(statements),
    bookmark: () => session.getBookmark(),
  }
}

/** A D1 call that fails or takes longer than STORAGE_TIMEOUT_MS is a storage failure. */
export function query<T>(
  work: Promise<T>,
  config: Pick<SiteConfig, 'storageTimeoutMs'>,
  what: string,
): Promise<T> {
  const failed = work.catch((cause: unknown) => {
    throw new StorageError('d1', `${what} failed: ${(cause as Error).message}`, { cause })
  })
  return withTimeout(failed, { ms: config.storageTimeoutMs, store: 'd1', what })
}
