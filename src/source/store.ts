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
}

/** `null` means absent; a throw means the storage is broken. */
export interface SourceStore {
  readonly name: StoreName
  get(key: string): Promise<SourceFile | null>
}

export class StorageError extends Error {
  constructor(store: StoreName, message: string, options?: ErrorOptions) {
    super(`[${store}] ${message}`, options)
    this.name = 'StorageError'
  }
}

/** Tries each store in the configured order; the first that has the key wins. */
export function chainStores(stores: SourceStore[]): SourceStore & { readonly stores: SourceStore[] } {
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
