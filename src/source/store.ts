import { ArticleError } from '../errors'
import type { SourceFormat } from '../schema/article'

/** One article source as stored: the raw file and what the storage knows about it. */
export interface SourceFile {
  /** Storage key: `<lang>/<slug>`, e.g. `ko/putin-kim-pact`. */
  key: string
  bytes: ArrayBuffer
  /** Changes whenever the bytes change. */
  etag: string
  store: StoreName
  /** When this version was uploaded. */
  uploaded?: Date
  /** When the first version was uploaded (kept across updates by content:push). */
  firstUploaded?: Date
  /** The publisher's file name, e.g. `en/2024-06-19-hello.md`: gives the format and a Jekyll date. */
  fileName?: string
  format?: SourceFormat
  /** The main image's size and type as content:push measured them, for og:image:width/height. */
  image?: MeasuredImage
}

export interface MeasuredImage {
  url: string
  width: number
  height: number
  type: string
}

export type StoreName = 'kv' | 'r2'

/** What content:push stores beside each source (KV metadata, R2 custom metadata). */
export interface SourceMetadata {
  /** Percent-encoded (`encodeURI`): metadata travels in HTTP headers, which want ASCII. */
  fileName?: string
  format?: SourceFormat
  /** SHA-256 of the bytes, hex: the etag for KV, and how a push knows nothing changed. */
  sha256?: string
  uploaded?: string
  firstUploaded?: string
  /** The measured main image (see MeasuredImage), flattened: R2 metadata holds strings only. */
  imageUrl?: string
  imageWidth?: string
  imageHeight?: string
  imageType?: string
}

/** The measured image from metadata, when all of it is there and makes sense. */
export function measuredImage(meta: SourceMetadata | undefined): MeasuredImage | undefined {
  const width = Number(meta?.imageWidth)
  const height = Number(meta?.imageHeight)
  if (!meta?.imageUrl || !meta.imageType || !(width > 0) || !(height > 0)) return undefined
  return { url: meta.imageUrl, width, height, type: meta.imageType }
}

/** `null` means absent; a throw means the storage is broken. */
export interface SourceStore {
  readonly name: StoreName
  get(key: string): Promise<SourceFile | null>
}

/** A stored key and what is known about it without reading the value. */
export interface StoredEntry {
  key: string
  metadata: SourceMetadata
}

/** The write side, for content:push and the publishing API: one implementation per backend. */
export interface WritableStore extends SourceStore {
  put(key: string, bytes: Uint8Array | ArrayBuffer, metadata: SourceMetadata): Promise<void>
  delete(key: string): Promise<void>
  /** One page of keys with their metadata; `cursor` is set when there are more. */
  list(options?: {
    cursor?: string
    prefix?: string
    limit?: number
  }): Promise<{ entries: StoredEntry[]; cursor?: string }>
}

export interface StoreOptions {
  /** A value bigger than this is refused at read time (MAX_SOURCE_BYTES). */
  maxBytes?: number
}

/** A value over the size limit is not an outage: the article is broken, with a message saying why. */
export function checkSize(key: string, size: number, maxBytes: number | undefined): void {
  if (maxBytes !== undefined && size > maxBytes) {
    throw new ArticleError(
      'SOURCE_INVALID',
      `the source is ${size} bytes; the limit is ${maxBytes} (MAX_SOURCE_BYTES)`,
      { file: key },
    )
  }
}

/** A stored hash that does not match the bytes read means a truncated or damaged value: a storage fault. */
export async function checkIntegrity(
  store: StoreName,
  key: string,
  bytes: ArrayBuffer,
  sha256: string | undefined,
): Promise<string> {
  const actual = await sha256Hex(bytes)
  if (sha256 && sha256 !== actual)
    throw new StorageError(
      store,
      `${key} is truncated or damaged: ${bytes.byteLength} bytes do not match the stored hash`,
    )
  return actual
}

export class StorageError extends Error {
  constructor(store: StoreName, message: string, options?: ErrorOptions) {
    super(`[${store}] ${message}`, options)
    this.name = 'StorageError'
  }
}

/** Tries each store in the configured order; the first that has the key wins. */
export function chainStores(
  stores: SourceStore[],
): SourceStore & { readonly stores: SourceStore[] } {
  return {
    name: stores[0]!.name,
    stores,
    async get(key) {
      const failures: unknown[] = []
      for (const store of stores) {
        try {
          const file = await store.get(key)
          if (file) return file
        } catch (error) {
          failures.push(error) // a later store may still have it
        }
      }
      if (failures.length) throw new AggregateError(failures, `no store could be read for ${key}`)
      return null
    },
  }
}

export const encodeFileName = (name: string) => encodeURI(name)
export function decodeFileName(stored: string | undefined): string | undefined {
  if (!stored) return undefined
  try {
    return decodeURI(stored)
  } catch {
    return stored
  }
}

export const parseDateOrUndefined = (value: string | undefined) => {
  if (!value) return undefined
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? undefined : date
}

export async function sha256Hex(bytes: ArrayBuffer): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes)
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('')
}
