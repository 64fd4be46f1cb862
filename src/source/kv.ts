import { decodeFileName, parseDateOrUndefined, sha256Hex, StorageError, type SourceMetadata, type SourceStore } from './store'

/** Sources in Workers KV: the value is the raw file, metadata as content:push writes it. */
export const kvStore = (ns: KVNamespace): SourceStore => ({
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
    return {
      key,
      bytes: result.value,
      // A value put by hand has no metadata: hash it, so the etag still follows the bytes.
      etag: meta.sha256 ?? (await sha256Hex(result.value)),
      store: 'kv',
      uploaded: parseDateOrUndefined(meta.uploaded),
      firstUploaded: parseDateOrUndefined(meta.firstUploaded),
      fileName: decodeFileName(meta.fileName),
      format: meta.format,
    }
  },
})
