/**
 * What the one writer (write.ts) is asked to do and answers: the changes to articles it takes, where
 * it writes them, and what changed for each, for the response and for purging.
 */
import type { Change as CacheChange } from '../cache/tags'
import type { SiteConfig } from '../config'
import type { Db } from '../listing/db'
import type { MediaMap } from '../media/urls'
import type { Article } from '../schema/article'
import type { InternalStore } from '../source/internal'
import type { SourceFile, SourceMetadata, WritableStore } from '../source/store'

/** What a write changed for one article, for the response and for purging. */
export interface Change extends CacheChange {
  /** sha256 of the version replaced or deleted; absent for a new article. */
  previous?: string
  /** sha256 of the new version; absent for a delete. */
  current?: string
  /** Whether the article is in the listings after the change (false: removed, a draft, or held back). */
  listed: boolean
  /** When a stored article held back by its date or embargo goes live (ms since epoch). */
  scheduledFor?: number
}

/** One change to the site's articles. */
export type ArticleChange =
  /** A new or updated source from a publisher (the API, content:push, a live save). */
  | {
      kind: 'publish'
      key: string
      bytes: Uint8Array
      fileName: string
      /** Already validated with this metadata (content:push checks the whole folder first). */
      checked?: { metadata: SourceMetadata; article: Article }
      /** The caller listed the store and found no version (content:push): none is read. */
      isNew?: boolean
      /**
       * The pictures hosted with the site that the article uses (content:push uploads them first):
       * recorded beside the source, so a rebuild from the source keeps their addresses.
       */
      media?: MediaMap
    }
  /** A source to remove from every store. */
  | { kind: 'unpublish'; key: string }
  /**
   * A source read from a store that the index is behind on: put there by hand (the reconciler, a
   * reader's request). `article` when the caller built it already, with `foundDates`.
   */
  | { kind: 'found'; source: SourceFile; article?: Article }
  /** No store has this source any more (a reader's request found none): its index row goes. */
  | { kind: 'gone'; key: string }

export interface WriteTarget {
  /** The configured stores: new sources go to the first, removals reach every one. */
  stores: { store: WritableStore; internal: InternalStore }[]
  db: Db
  /** The origin articles are built for (`buildOrigin`). */
  origin: string
  /** Where pictures sent through the publishing API are stored: the addresses a source names are looked up there. */
  pictures?: R2Bucket
  /** Sends the writes a store collected (KV's bulk write, content:push --remote), before the index changes. */
  flush?: () => Promise<void>
}

export interface WriteOptions<P = unknown> {
  target: WriteTarget
  config: SiteConfig
  changes: ArticleChange[]
  /** The time of the write: upload dates, and whether a dated or embargoed article is live yet. */
  now?: Date
  /** When the schedule is judged at, if not `now` (tests that back-date uploads). */
  clock?: Date
  /** Drops cached responses by tag, once, after everything is written. */
  purge?: (tags: string[]) => Promise<P>
  /** Carry on past an article that fails and report it (a push); by default the first failure throws. */
  keepGoing?: boolean
  /** Called after each chunk: how many of the changes are done. */
  progress?: (done: number, total: number) => void
  /** Articles per chunk (default 100). */
  chunk?: number
}

export interface Failure {
  key: string
  fileName?: string
  message: string
  error: unknown
}

export interface WriteResult<P = unknown> {
  /** One per article whose stored state changed. */
  changes: Change[]
  failed: Failure[]
  /** Every cache tag the changes made stale (cache/tags.ts changeTags). */
  tags: string[]
  /** What `purge` answered, when it was called. */
  purged?: P
  /**
   * The URLs of the articles published, updated or removed, once all is written: the place to tell
   * search engines what changed.
   */
  urls: string[]
}
