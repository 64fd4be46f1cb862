/**
 * The publishing API's two changes, one article at a time, through the one writer (write.ts):
 * validated exactly as the read path will render them, stored with their metadata and derived
 * article, indexed, and purged — the source and the listings both change, or neither does.
 */
import type { SiteConfig } from '../config'
import { writeArticles } from './write'
import type { Change, WriteResult, WriteTarget } from './changes'

export type { Change, WriteTarget } from './changes'
export { metadataFor } from './dates'
export { validateSource } from './validate'

export interface PublishOptions<P> {
  now?: Date
  /** Drops the cached responses the change made stale. */
  purge?: (tags: string[]) => Promise<P>
}

export type Published<P> = Pick<WriteResult<P>, 'purged' | 'urls'> & { change: Change }

/** Stores and indexes one source sent by a publisher; throws (writing nothing) when it is refused. */
export async function publish<P>(
  target: WriteTarget,
  config: SiteConfig,
  {
    source,
    ...options
  }: PublishOptions<P> & { source: { key: string; bytes: Uint8Array; fileName: string } },
): Promise<Published<P>> {
  const result = await writeArticles({
    target,
    config,
    changes: [{ kind: 'publish', ...source }],
    ...options,
  })
  return { change: result.changes[0]!, purged: result.purged, urls: result.urls }
}

/**
 * Removes an article from every configured store (a copy left in one would keep being served), then
 * from the index. A store that cannot be cleared is named, and the index is left for a retry. Null
 * when no store had it.
 */
export async function unpublish<P>(
  target: WriteTarget,
  config: SiteConfig,
  { key, ...options }: PublishOptions<P> & { key: string },
): Promise<Published<P> | null> {
  const result = await writeArticles({
    target,
    config,
    changes: [{ kind: 'unpublish', key }],
    ...options,
  })
  const change = result.changes[0]
  return change ? { change, purged: result.purged, urls: result.urls } : null
}
