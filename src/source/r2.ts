import { decodeFileName, parseDateOrUndefined, StorageError, type SourceMetadata, type SourceStore } from './store'

/** Sources in R2: the object body is the raw file; R2 knows its etag and upload time itself. */
export const r2Store = (bucket: R2Bucket): SourceStore => ({
  name: 'r2',
  async get(key) {
    try {
      const object = await bucket.get(key)
      if (!object) return null
      const meta = object.customMetadata as SourceMetadata | undefined
      return {
        key,
        bytes: await object.arrayBuffer(),
        etag: object.etag,
        store: 'r2',
        uploaded: object.uploaded,
        firstUploaded: parseDateOrUndefined(meta?.firstUploaded),
        fileName: decodeFileName(meta?.fileName),
        format: meta?.format === 'md' || meta?.format === 'html' ? meta.format : undefined,
      }
    } catch (cause) {
      throw new StorageError('r2', `reading ${key} failed`, { cause })
    }
  },
})
