/**
 * Article sources over any backend: the one place that applies the size limit, checks integrity
 * (stored SHA-256 against the bytes) and encodes the metadata content:push and the publishing API
 * write. Backends (kv.ts, r2.ts) only move bytes.
 */
import { AppError, StorageError, withTimeout } from '../errors'
import type { SourceFormat } from '../schema/article'
import type { Driver, StoreName } from './driver'
import { articleKey } from './keys'
import type { MediaMap } from '../media/urls'
import { decodeMetadata, encodeMetadata, metadataDate } from './metadata'

export type { StoreName }

/** One article source as stored: the raw file and what the storage knows about it. */
export interface SourceFile {
  /** Storage key: `<lang>/<slug>`, e.g. `ko/putin-kim-pact`. */
  key: string
  bytes: ArrayBuffer
  /** SHA-256 of the bytes, hex: the source's version, whichever store holds it. */
  etag: string
  store: StoreName
  /** When this version was uploaded. */
  uploaded?: Date
  /** When the first version was uploaded (kept across updates). */
  firstUploaded?: Date
  /** When a version with different content last replaced another (absent for a first version). */
  modified?: Date
  /** The publisher's file name, e.g. `en/2024-06-19-hello.md`: gives the format and a Jekyll date. */
  fileName?: string
  format?: SourceFormat
  /** The main image's size and type as content:push measured them, for og:image:width/height. */
  image?: MeasuredImage
  /** Pictures hosted with the site that the article uses (media/urls.ts), from the writer's manifest. */
  media?: MediaMap
  /** Stored with its hash by the writer (false: put by hand, its dates not yet recorded). */
  recorded?: boolean
}

export interface MeasuredImage {
  url: string
  width: number
  height: number
  type: string
}

/** What content:push and the publishing API store beside each source. */
export interface SourceMetadata {
  /** The publisher's file name (stored percent-encoded: metadata travels in HTTP headers, which want ASCII). */
  fileName?: string
  format?: SourceFormat
  /** SHA-256 of the bytes, hex: how a push knows nothing changed, and how a read knows nothing was damaged. */
  sha256?: string
  uploaded?: string
  firstUploaded?: string
  /** When content different from the previous version's was uploaded: the article's real updates. */
  modified?: string
  image?: MeasuredImage
}

/** A stored article key and what is known about it without reading the value. */
export interface StoredEntry {
  key: string
  metadata: SourceMetadata
}

export interface SourceStore {
  readonly name: StoreName
  /** `null` means absent; a throw means the storage is broken (StorageError) or the article is (AppError). */
  get(key: string): Promise<SourceFile | null>
}

export interface WritableStore extends SourceStore {
  /** What is stored at a key without checking it, so a damaged value can still be replaced or deleted. */
  stat(key: string): Promise<StoredEntry | null>
  /** The stored bytes as they are, unchecked: to put a previous version back. */
  raw(key: string): Promise<Uint8Array | null>
  /**
   * `stat` and `raw` for many keys, in bulk where the backend reads in bulk (KV); a value the bulk
   * read could not give back byte for byte (its hash differs from the stored one, or none is
   * stored) is read again on its own. Missing from the map: not read (the caller reads it itself).
   */
  readMany(
    keys: string[],
  ): Promise<Map<string, { metadata: SourceMetadata; bytes: Uint8Array } | null>>
  put(key: string, bytes: Uint8Array, metadata: SourceMetadata): Promise<void>
  delete(key: string): Promise<void>
  /**
   * One page of the article keys in these languages, with their metadata (internal keys are never
   * listed); `cursor` is set when there are more.
   */
  list(
    languages: readonly string[],
    cursor?: string,
  ): Promise<{ entries: StoredEntry[]; cursor?: string }>
}

export interface StoreOptions {
  /** A source bigger than this is refused, at read time as at publish time (MAX_SOURCE_BYTES). */
  maxBytes: number
  /** A read slower than this is a failure like any other. */
  timeoutMs?: number
}

/** The one size check: content:push, the publishing API and every read use it. */
export function checkSourceSize(size: number, maxBytes: number, file: string): void {
  if (size > maxBytes) {
    throw new AppError(
      'SOURCE_TOO_LARGE',
      `the source is ${size} bytes; the limit is ${maxBytes} (MAX_SOURCE_BYTES)`,
      { file },
    )
  }
}

export function sourceStore(driver: Driver, options: StoreOptions): WritableStore {
  const fail = (action: string, key: string) => (cause: unknown) => {
    throw cause instanceof AppError || cause instanceof StorageError
      ? cause
      : new StorageError(driver.name, `${action} ${key} failed`, { cause })
  }
  return {
    name: driver.name,
    async get(key) {
      const read = async (): Promise<SourceFile | null> => {
        const value = await driver.get(key)
        if (!value) return null
        const meta = decodeMetadata(value.metadata)
        try {
          checkSourceSize(value.size, options.maxBytes, meta.fileName ?? key)
        } catch (error) {
          await value.discard() // refused before downloading it
          throw error
        }
        const bytes = await value.body()
        const sha256 = await sha256Hex(bytes)
        // A value put by hand has no stored hash; one that does not match was cut short or damaged.
        if (meta.sha256 && meta.sha256 !== sha256) {
          throw new StorageError(
            driver.name,
            `${key} is truncated or damaged: ${bytes.byteLength} bytes do not match the stored hash`,
          )
        }
        return {
          key,
          bytes,
          etag: sha256,
          store: driver.name,
          uploaded: metadataDate(meta.uploaded, key, 'uploaded') ?? value.uploaded,
          firstUploaded: metadataDate(meta.firstUploaded, key, 'firstUploaded'),
          modified: metadataDate(meta.modified, key, 'modified'),
          fileName: meta.fileName,
          format: meta.format,
          image: meta.image,
          recorded: meta.sha256 !== undefined,
        }
      }
      return withTimeout(read().catch(fail('reading', key)), {
        ms: options.timeoutMs,
        store: driver.name,
        what: key,
      })
    },
    async stat(key) {
      const head = await driver.head(key).catch(fail('reading', key))
      return head && { key, metadata: decodeMetadata(head.metadata) }
    },
    async raw(key) {
      const value = await driver.get(key).catch(fail('reading', key))
      return value && new Uint8Array(await value.body())
    },
    async readMany(keys) {
      const read = new Map<string, { metadata: SourceMetadata; bytes: Uint8Array } | null>()
      // Without a bulk read, or when it fails, the caller reads each key itself.
      const values = await driver.getMany?.(keys).catch(() => undefined)
      if (!values) return read
      await Promise.all(
        [...values].map(async ([key, value]) => {
          if (value === null) return read.set(key, null)
          const metadata = decodeMetadata(value.metadata)
          if (metadata.sha256 && metadata.sha256 === (await sha256Hex(value.bytes)))
            read.set(key, { metadata, bytes: value.bytes })
        }),
      )
      return read
    },
    async put(key, bytes, metadata) {
      const encoded = encodeMetadata(metadata, driver.metadataLimit)
      await driver
        .put(key, bytes, {
          metadata: encoded,
          contentType:
            metadata.format === 'md' ? 'text/markdown; charset=utf-8' : 'text/html; charset=utf-8',
        })
        .catch(fail('writing', key))
    },
    async delete(key) {
      await driver.delete(key).catch(fail('deleting', key))
    },
    async list(languages, cursor) {
      // The cursor is `<language index>:<the backend's cursor>`: one language's keys after another's.
      const [position = '0', inner] = cursor
        ? [cursor.slice(0, cursor.indexOf(':')), cursor.slice(cursor.indexOf(':') + 1) || undefined]
        : []
      const index = Number(position)
      const lang = languages[index]
      if (lang === undefined) return { entries: [] }
      const page = await driver
        .list({ prefix: articleKey(lang, ''), cursor: inner })
        .catch(fail('listing', lang))
      const entries = page.entries
        .filter((entry) => !entry.key.slice(lang.length + 1).includes('/'))
        .map((entry) => ({ key: entry.key, metadata: decodeMetadata(entry.metadata) }))
      const next = page.cursor
        ? `${index}:${page.cursor}`
        : index + 1 < languages.length
          ? `${index + 1}:`
          : undefined
      return { entries, cursor: next }
    },
  }
}

/** Every article key a store holds in these languages, page after page. */
export async function* listAll(
  store: WritableStore,
  languages: readonly string[],
): AsyncIterable<StoredEntry> {
  let cursor: string | undefined
  do {
    const page = await store.list(languages, cursor)
    yield* page.entries
    cursor = page.cursor
  } while (cursor)
}

/** Tries each store in the configured order; the first that has the key wins. */
export function chainStores(stores: SourceStore[]): SourceStore {
  return {
    name: stores[0]!.name,
    async get(key) {
      const failures: StorageError[] = []
      for (const store of stores) {
        try {
          const file = await store.get(key)
          if (file) return file
        } catch (error) {
          if (!(error instanceof StorageError)) throw error // the article itself is broken
          failures.push(error) // a later store may still have it
        }
      }
      if (failures.length)
        throw new StorageError(
          stores.map((s) => s.name).join('+'),
          `no store could be read for ${key}: ${failures.map((f) => f.message).join('; ')}`,
          { cause: failures[0] },
        )
      return null
    },
  }
}

export async function sha256Hex(bytes: ArrayBuffer | Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes)
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('')
}
