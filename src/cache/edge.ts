/** The Workers Cache API, the platform edge of caching: one named cache per data centre. */

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

export const edgeCache = (): EdgeCache => ({
  async match(key) {
    return (await caches.open(CACHE_NAME)).match(key)
  },
  async put(key, response, headers) {
    // Nothing personal is ever shared.
    if (response.headers.has('set-cookie')) return
    const stored = new Response(response.body, response)
    for (const name of PER_RESPONSE) stored.headers.delete(name)
    for (const [name, value] of Object.entries(headers)) stored.headers.set(name, value)
    await (await caches.open(CACHE_NAME)).put(key, stored)
  },
  async delete(key) {
    return (await caches.open(CACHE_NAME)).delete(key)
  },
})
