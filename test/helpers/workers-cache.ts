/**
 * A stand-in for Workers Cache, the cache Cloudflare runs in front of the Worker. Nothing of it exists
 * locally (Miniflare has no Workers Cache; `ctx.cache` is undefined there), so tests of the production
 * path put this in front of the app. It follows the documented behaviour the Worker relies on
 * (docs/CACHING.md), and no more:
 *
 * - only GET and HEAD; keyed by path + query, without the host, or by the `cf.cacheKey` a caller
 *   entrypoint gave (`ctx.exports.X.fetch(request, { cf: { cacheKey } })`);
 * - the rule is Cloudflare-CDN-Cache-Control, else CDN-Cache-Control, else Cache-Control
 *   (s-maxage before max-age); `no-store` or `private` is not kept; a response with none of them
 *   is kept by heuristics (a 200 for two hours, a 404 for three minutes), as Cloudflare does;
 *   Cloudflare-CDN-Cache-Control is stripped from what is served;
 * - `Cache-Tag` is comma-separated and matched case-insensitively; purge takes at most 100 tags a
 *   call, and can be made to refuse, as the rate limit does, with `success: false`.
 */
const HEURISTIC_SECONDS: Record<number, number> = { 200: 7200, 404: 180 }

interface Entry {
  status: number
  headers: [string, string][]
  body: ArrayBuffer
  tags: string[]
  expires: number
}

export class FakeWorkersCache {
  private readonly entries = new Map<string, Entry>()
  /** Tags of each purge call that succeeded, in order. */
  readonly purges: string[][] = []
  /** Makes purge calls fail as a rate-limited one does. */
  refuse = false

  readonly context: CacheContext = {
    purge: (options) => this.purge(options),
    invalidate: (options) => this.purge(options),
  }

  private purge({ tags = [] }: CachePurgeOptions): Promise<CachePurgeResult> {
    if (tags.length > 100)
      return Promise.resolve({ success: false, errors: [{ code: 1, message: 'over 100 tags' }] })
    if (this.refuse)
      return Promise.resolve({
        success: false,
        errors: [{ code: 429, message: 'purge rate limit exceeded' }],
      })
    this.purges.push(tags)
    const wanted = new Set(tags.map((t) => t.toLowerCase()))
    for (const [key, entry] of this.entries)
      if (entry.tags.some((t) => wanted.has(t))) this.entries.delete(key)
    return Promise.resolve({ success: true, errors: [] })
  }

  /** What the cache in front does with a request: its copy, or the Worker's answer (kept if it may be). */
  async serve(
    url: string,
    init: RequestInit & { cf?: { cacheKey?: string } },
    worker: () => Promise<Response>,
  ) {
    const method = (init.method ?? 'GET').toUpperCase()
    const { pathname, search } = new URL(url)
    const key = init.cf?.cacheKey ?? pathname + search
    const cacheable = method === 'GET' || method === 'HEAD'
    const entry = cacheable ? this.entries.get(key) : undefined
    if (entry && entry.expires > Date.now()) {
      const headers = new Headers(entry.headers)
      headers.set('cf-cache-status', 'HIT')
      return new Response(method === 'HEAD' ? null : entry.body.slice(0), {
        status: entry.status,
        headers,
      })
    }
    const response = await worker()
    const seconds = cacheable ? edgeSeconds(response) : 0
    const headers = new Headers(response.headers)
    headers.delete('cloudflare-cdn-cache-control')
    headers.set('cf-cache-status', seconds > 0 ? 'MISS' : 'BYPASS')
    const body = await response.arrayBuffer()
    if (seconds > 0 && method === 'GET') {
      const tags = (response.headers.get('cache-tag') ?? '')
        .split(',')
        .map((t) => t.trim().toLowerCase())
        .filter(Boolean)
      headers.delete('cache-tag') // Cloudflare does not pass it to clients
      this.entries.set(key, {
        status: response.status,
        headers: [...headers],
        body,
        tags,
        expires: Date.now() + seconds * 1000,
      })
    } else headers.delete('cache-tag')
    return new Response(body.byteLength && method !== 'HEAD' ? body : null, {
      status: response.status,
      headers,
    })
  }

  /** The keys held now (path + query). */
  keys(): string[] {
    return [...this.entries.keys()]
  }
}

function edgeSeconds(response: Response): number {
  if (response.headers.has('set-cookie')) return 0
  const rule =
    response.headers.get('cloudflare-cdn-cache-control') ??
    response.headers.get('cdn-cache-control') ??
    response.headers.get('cache-control')
  if (rule === null) return HEURISTIC_SECONDS[response.status] ?? 0
  if (/no-store|private/.test(rule)) return 0
  const shared = /s-maxage=(\d+)/.exec(rule) ?? /max-age=(\d+)/.exec(rule)
  return shared ? Number(shared[1]) : 0
}
