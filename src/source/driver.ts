/**
 * What a storage backend does, and nothing more: move bytes and string metadata under a key
 * (unstorage's shape). Size limits, integrity checks, metadata encoding and key layout live one
 * layer up, in store.ts, so they are written once for every backend.
 */
export type StoreName = 'kv' | 'r2'

/** A stored value whose body has not been read yet: its size is known first, so a huge one can be refused unread. */
export interface StoredValue {
  size: number
  metadata: Record<string, string>
  /** When the backend itself recorded the upload (R2 does; KV does not). */
  uploaded?: Date
  body(): Promise<ArrayBuffer>
  /** Lets go of a body that will not be read. */
  discard(): Promise<void>
}

export interface Driver {
  readonly name: StoreName
  /** Most metadata the backend keeps per key, in bytes of JSON (KV: 1024). */
  readonly metadataLimit: number
  get(key: string): Promise<StoredValue | null>
  /** The metadata alone, without reading the value. */
  head(
    key: string,
  ): Promise<{ size: number; metadata: Record<string, string>; uploaded?: Date } | null>
  /** Like R2's own `put(key, value, options)`; `contentType` is kept where the backend keeps one. */
  put(
    key: string,
    bytes: Uint8Array,
    options: { metadata: Record<string, string>; contentType: string },
  ): Promise<void>
  delete(key: string): Promise<void>
  /**
   * Many values at once in as few calls as the backend allows (KV's bulk read, 100 keys a call;
   * `null`: absent), decoded as UTF-8 text on the way: the caller checks each against its stored
   * hash. Optional: a backend without it is read key by key.
   */
  getMany?(
    keys: string[],
  ): Promise<Map<string, { bytes: Uint8Array; metadata: Record<string, string> } | null>>
  /** One page of keys under `prefix`, with their metadata; `cursor` is set when there are more. */
  list(options: {
    prefix: string
    cursor?: string
  }): Promise<{ entries: { key: string; metadata: Record<string, string> }[]; cursor?: string }>
}
