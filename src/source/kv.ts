import type { Driver } from './driver'

/** Workers KV: the value is the raw bytes, the metadata a flat JSON object of strings. */
export const kvDriver = (ns: KVNamespace): Driver => ({
  name: 'kv',
  metadataLimit: 1024,
  async get(key) {
    const { value, metadata } = await ns.getWithMetadata<Record<string, string>>(key, 'arrayBuffer')
    if (value === null) return null
    return {
      size: value.byteLength,
      metadata: metadata ?? {},
      body: () => Promise.resolve(value),
      discard: async () => {},
    }
  },
  // KV has no metadata-only read. Only the write path asks (publish, push), so the value is read
  // whole rather than streamed and cancelled: through wrangler's platform proxy (content:push) a
  // cancelled stream trips an unhandled rejection inside Miniflare.
  async head(key) {
    const { value, metadata } = await ns.getWithMetadata<Record<string, string>>(key, 'arrayBuffer')
    if (value === null) return null
    return { size: value.byteLength, metadata: metadata ?? {} }
  },
  async put(key, bytes, metadata) {
    await ns.put(key, bytes, { metadata })
  },
  async delete(key) {
    await ns.delete(key)
  },
  async list({ prefix, cursor }) {
    const page = await ns.list<Record<string, string>>({ prefix, cursor, limit: 1000 })
    return {
      entries: page.keys.map((k) => ({ key: k.name, metadata: k.metadata ?? {} })),
      cursor: page.list_complete ? undefined : page.cursor,
    }
  },
})
