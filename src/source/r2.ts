import type { Driver } from './driver'

/** R2: the object body is the raw bytes, custom metadata the strings; R2 records the upload time itself. */
export const r2Driver = (bucket: R2Bucket): Driver => ({
  name: 'r2',
  metadataLimit: 8192,
  async get(key) {
    const object = await bucket.get(key)
    if (!object) return null
    return {
      size: object.size,
      metadata: object.customMetadata ?? {},
      uploaded: object.uploaded,
      body: () => object.arrayBuffer(),
      discard: () => object.body.cancel(),
    }
  },
  async head(key) {
    const object = await bucket.head(key)
    return (
      object && {
        size: object.size,
        metadata: object.customMetadata ?? {},
        uploaded: object.uploaded,
      }
    )
  },
  async put(key, bytes, { metadata, contentType }) {
    await bucket.put(key, bytes, { httpMetadata: { contentType }, customMetadata: metadata })
  },
  async delete(key) {
    await bucket.delete(key)
  },
  async list({ prefix, cursor }) {
    const page = await bucket.list({ prefix, cursor, limit: 1000, include: ['customMetadata'] })
    return {
      entries: page.objects.map((o) => ({ key: o.key, metadata: o.customMetadata ?? {} })),
      cursor: page.truncated ? page.cursor : undefined,
    }
  },
})
