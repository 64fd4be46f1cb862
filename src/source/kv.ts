import {
  checkIntegrity,
  checkSize,
  decodeFileName,
  measuredImage,
  parseDateOrUndefined,
  StorageError,
  type SourceMetadata,
  type StoreOptions,
  type WritableStore,
} from './store'

/** Sources in Workers KV: the value is the raw file, the metadata what content:push or the publishing API wrote. */
export const kvStore = (ns: KVNamespace, options: StoreOptions = {}): WritableStore => ({
  name: 'kv',
  async get(key) {
    let result: KVNamespaceGetWithMetadataResult<ArrayBuffer, SourceMetadata>
    try {
      result = await ns.getWithMetadata<SourceMetadata>(key, 'arrayBuffer')
    } catch (cause) {
      throw new StorageError('kv', `reading ${key} failed`, { cause })
    }
    if (result.value === null) return null
    const meta = result.metadata ?? {}
    checkSize(key, result.value.byteLength, options.maxBytes)
    return {
      key,
      bytes: result.value,
      // A value put by hand has no metadata: its hash is the etag, so the etag still follows the bytes.
      etag: await checkIntegrity('kv', key, result.value, meta.sha256),
      store: 'kv',
      uploaded: parseDateOrUndefined(meta.uploaded),
      firstUploaded: parseDateOrUndefined(meta.firstUploaded),
      fileName: decodeFileName(meta.fileName),
      format: meta.format,
      image: measuredImage(meta),
    }
  },
  async put(key, bytes, metadata) {
    await ns.put(key, bytes, { metadata })
  },
  async delete(key) {
    await ns.delete(key)
  },
  async list({ cursor, prefix, limit = 1000 } = {}) {
    const page = await ns.list<SourceMetadata>({ cursor, prefix, limit })
    return {
      entries: page.keys.map((k) => ({ key: k.name, metadata: k.metadata ?? {} })),
      cursor: page.list_complete ? undefined : page.cursor,
    }
  },
})
