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

/** Sources in R2: the object body is the raw file; R2 knows its etag and upload time itself. */
export const r2Store = (bucket: R2Bucket, options: StoreOptions = {}): WritableStore => ({
  name: 'r2',
  async get(key) {
    let object: R2ObjectBody | null
    try {
      object = await bucket.get(key)
    } catch (cause) {
      throw new StorageError('r2', `reading ${key} failed`, { cause })
    }
    if (!object) return null
    if (options.maxBytes !== undefined && object.size > options.maxBytes) {
      await object.body.cancel() // refused before downloading it
      checkSize(key, object.size, options.maxBytes)
    }
    const meta = object.customMetadata as SourceMetadata | undefined
    let bytes: ArrayBuffer
    try {
      bytes = await object.arrayBuffer()
    } catch (cause) {
      throw new StorageError('r2', `reading ${key} failed`, { cause })
    }
    await checkIntegrity('r2', key, bytes, meta?.sha256)
    return {
      key,
      bytes,
      etag: object.etag,
      store: 'r2',
      uploaded: object.uploaded,
      firstUploaded: parseDateOrUndefined(meta?.firstUploaded),
      fileName: decodeFileName(meta?.fileName),
      format: meta?.format === 'md' || meta?.format === 'html' ? meta.format : undefined,
      image: measuredImage(meta),
    }
  },
  async put(key, bytes, metadata) {
    await bucket.put(key, bytes, {
      httpMetadata: {
        contentType:
          metadata.format === 'md' ? 'text/markdown; charset=utf-8' : 'text/html; charset=utf-8',
      },
      customMetadata: Object.fromEntries(
        Object.entries(metadata).filter(([, v]) => v !== undefined),
      ) as Record<string, string>,
    })
  },
  async delete(key) {
    await bucket.delete(key)
  },
  async list({ cursor, prefix, limit = 1000 } = {}) {
    const page = await bucket.list({ cursor, prefix, limit, include: ['customMetadata'] })
    return {
      entries: page.objects.map((o) => ({
        key: o.key,
        metadata: (o.customMetadata ?? {}) as SourceMetadata,
      })),
      cursor: page.truncated ? page.cursor : undefined,
    }
  },
})
