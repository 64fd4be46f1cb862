/**
 * The canonical cache key of a request, for Workers Cache. Its native key is the path and the whole
 * query string, so every `?fbclid=…` or `?utm_source=…` click from a social network or a newsletter
 * would be an entry of its own and a run of the Worker. The front entrypoint (index.ts) forwards
 * each request to the cached one with this key as `cf.cacheKey`, and with only these parameters in
 * its URL, so what is rendered is exactly what the key names.
 */

/** The query parameters each kind of path reads; anything else (tracking, typos, noise) is dropped. */
function paramsRead(pathname: string): readonly string[] {
  if (pathname === '/oembed') return ['format', 'maxheight', 'maxwidth', 'url']
  if (pathname === '/api/search' || pathname.endsWith('/search'))
    return ['lang', 'page', 'q', 'sort']
  if (pathname === '/healthz') return ['bytes']
  // WordPress's own post addresses (`/?p=101`, `/?page_id=7`): an imported article's old link.
  if (pathname === '/') return ['lang', 'p', 'page_id']
  // Every other page reads at most the language switcher's `?lang=`.
  return ['lang']
}

/** Whether a request is a read that Workers Cache may answer (admin and writes go uncached). */
export function isCacheableRead(request: Request): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false
  return !new URL(request.url).pathname.startsWith('/admin/')
}

/**
 * The URL with only the parameters its route reads, each once (the first value, as the route reads
 * it), in a fixed order: `/ko/x?utm_source=a&lang=en&fbclid=1` → `/ko/x?lang=en`.
 */
export function canonicalUrl(url: URL): URL {
  const kept = new URLSearchParams()
  for (const name of paramsRead(url.pathname)) {
    const value = url.searchParams.get(name)
    if (value !== null) kept.set(name, value)
  }
  const canonical = new URL(url)
  canonical.search = kept.size ? `?${kept.toString()}` : ''
  return canonical
}

/** The cache key Workers Cache is given: path and canonical query (no host, as its own key has none). */
export const cacheKeyOf = (url: URL) => {
  const canonical = canonicalUrl(url)
  return `${canonical.pathname}${canonical.search}`
}
