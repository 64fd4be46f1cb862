/**
 * The Cache API, the platform edge of the in-Worker cache: one named cache per data centre, with a
 * small memory of the hottest fresh pages in front of it in this isolate. A hit from memory costs no
 * Cache API round trip (which under `wrangler dev` crosses into Miniflare's process, and in
 * production is a subrequest); it is only ever a copy younger than CACHE_FRESH_SECONDS, so it cannot
 * outlive what the Cache API would serve as fresh. Purges delete from both.
 */

const CACHE_NAME = 'articles'

/** Headers that describe one response to one client; never stored with the shared copy. */
const PER_RESPONSE = [
  'x-cache',
  'x-request-id',
  'server-timing',
  'age',
  'cache-control',
  'set-cookie',
]

export interface EdgeCache {
  match(key: string): Promise<Response | undefined>
  put(key: string, response: Response, headers: Record<string, string>): Promise<void>
  delete(key: string): Promise<boolean>
}

/** The memory's bounds: a few hot pages, never a noticeable share of the isolate's 128 MB. */
export const MEMORY = { entries: 64, bytes: 8 * 1024 * 1024, entryBytes: 1024 * 1024 }

interface Remembered {
  body: ArrayBuffer
  status: number
  headers: [string, string][]
  until: number
}

/** Insertion order is recency: a hit moves its entry to the end, the oldest go first. */
const memory = new Map<string, Remembered>()
let memoryBytes = 0

function forget(key: string): boolean {
  const entry = memory.get(key)
  if (!entry) return false
  memoryBytes -= entry.body.byteLength
  return memory.delete(key)
}

function remember(key: string, entry: Remembered) {
  forget(key)
  if (entry.body.byteLength > MEMORY.entryBytes) return
  memory.set(key, entry)
  memoryBytes += entry.body.byteLength
  for (const oldest of memory.keys()) {
    if (memory.size <= MEMORY.entries && memoryBytes <= MEMORY.bytes) break
    forget(oldest)
  }
}

function recall(key: string): Response | undefined {
  const entry = memory.get(key)
  if (!entry) return undefined
  if (entry.until <= Date.now()) {
    forget(key)
    return undefined
  }
  memory.delete(key)
  memory.set(key, entry)
  // A body from a buffer is a copy of its bytes (Fetch's "extract a body"): the entry stays intact.
  return new Response(entry.body, { status: entry.status, headers: entry.headers })
}

/**
 * @param memorySeconds how long a put copy may be served from this isolate's memory (the
 *   fresh time); 0 keeps nothing in memory.
 */
export const edgeCache = (memorySeconds = 0): EdgeCache => ({
  async match(key) {
    return recall(key) ?? (await caches.open(CACHE_NAME)).match(key)
  },
  async put(key, response, headers) {
    // Nothing personal is ever shared.
    if (response.headers.has('set-cookie')) return
    const body = await response.arrayBuffer()
    const stored = new Response(body, response)
    for (const name of PER_RESPONSE) stored.headers.delete(name)
    for (const [name, value] of Object.entries(headers)) stored.headers.set(name, value)
    if (memorySeconds > 0)
      remember(key, {
        body,
        status: stored.status,
        headers: [...stored.headers],
        until: Date.now() + memorySeconds * 1000,
      })
    await (await caches.open(CACHE_NAME)).put(key, stored)
  },
  async delete(key) {
    const remembered = forget(key)
    return (await (await caches.open(CACHE_NAME)).delete(key)) || remembered
  },
})
