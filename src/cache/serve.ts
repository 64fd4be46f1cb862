/**
 * Serves a page through the edge cache: fresh copies as they are, slightly old ones while a new one
 * renders in the background, old ones when storage fails or the new source is broken.
 */
import { setMetric } from 'hono/timing'
import type { AppContext } from '../env'
import { AppError, isCacheableError, isStorageFailure } from '../errors'
import { log } from '../log'
import { errorResponse } from '../render/error-response'
import { edgeCache, type EdgeCache } from './edge'
import {
  clientCacheControl,
  freshness,
  notModified,
  RENDERED_AT,
  storedCacheControl,
  type CacheState,
} from './policy'

/**
 * Renders the page from storage. A 200 is kept; so is a thrown error that `isCacheableError` says is
 * stable (a 404), rendered here as its error page. Anything else is served but not kept.
 */
export type Produce = () => Promise<Response>

/** Search results change with every publish and are many: kept a minute at most. */
const SEARCH_SECONDS = 60

export async function cachedResponse(
  c: AppContext,
  key: string,
  produce: Produce,
  lifetime: 'page' | 'search' = 'page',
): Promise<Response> {
  const site = c.get('config').cache
  const policy =
    lifetime === 'search'
      ? { ...site, freshSeconds: Math.min(site.freshSeconds, SEARCH_SECONDS), revalidateSeconds: 0 }
      : site
  const cache = edgeCache()
  let hit: Response | undefined
  let cacheWorks = true
  try {
    hit = await cache.match(key)
  } catch (error) {
    cacheWorks = false // a broken cache costs speed, never the page
    log(c, 'warn', { event: 'cache-unavailable', message: String(error) })
  }

  const renderedAt = Number(hit?.headers.get(RENDERED_AT))
  const state = hit ? freshness(renderedAt, Date.now(), policy, hit.status) : undefined
  if (hit && state === 'fresh') return respond(c, hit, 'HIT')
  if (hit && state === 'revalidate') {
    c.executionCtx.waitUntil(
      renderAndStore(c, cache, key, produce).catch((error: unknown) =>
        log(c, 'warn', { event: 'revalidate-failed', message: String(error) }),
      ),
    )
    return respond(c, hit, 'STALE')
  }

  try {
    const { response, stored } = await renderAndStore(c, cache, key, produce, cacheWorks)
    return respond(c, response, stored ? 'MISS' : 'BYPASS')
  } catch (error) {
    if (hit && hit.status === 200 && standsIn(error)) {
      log(c, 'error', {
        event: 'served-stale',
        message: error instanceof AppError ? error.describe() : String(error),
      })
      return respond(c, hit, 'STALE')
    }
    throw error
  }
}

/** Storage trouble, or a broken new version: the last good copy is better than an error page. */
const standsIn = (error: unknown) =>
  isStorageFailure(error) || (error instanceof AppError && error.code === 'SOURCE_INVALID')

/** The page, or the error page of a missing thing (which may be kept like a page). */
async function produceOrNotFound(c: AppContext, produce: Produce): Promise<Response> {
  try {
    return await produce()
  } catch (error) {
    if (error instanceof AppError && isCacheableError(error)) return errorResponse(c, error)
    throw error
  }
}

async function renderAndStore(
  c: AppContext,
  cache: EdgeCache,
  key: string,
  produce: Produce,
  cacheWorks = true,
) {
  const response = await produceOrNotFound(c, produce)
  const policy = c.get('config').cache
  const keep =
    cacheWorks &&
    (response.status === 200 || response.status === 404) &&
    !response.headers.has('set-cookie')
  if (!keep) return { response, stored: false }
  const headers = {
    [RENDERED_AT]: String(Date.now()),
    'cache-control': storedCacheControl(policy, response.status),
  }
  c.executionCtx.waitUntil(
    cache
      .put(key, response.clone(), headers)
      .catch((error: unknown) =>
        log(c, 'warn', { event: 'cache-put-failed', message: String(error) }),
      ),
  )
  return { response, stored: true }
}

/** The client's copy: our cache state and policy, the age, and 304 when the client already has it. */
function respond(c: AppContext, cached: Response, state: CacheState): Response {
  const policy = c.get('config').cache
  const headers = new Headers(cached.headers)
  const renderedAt = Number(headers.get(RENDERED_AT))
  headers.delete(RENDERED_AT)
  headers.set('cache-control', clientCacheControl(policy, cached.status))
  headers.set('x-cache', state)
  if (state !== 'MISS' && state !== 'BYPASS' && renderedAt)
    headers.set('age', String(Math.max(0, Math.floor((Date.now() - renderedAt) / 1000))))
  setMetric(c, 'cache', state)
  if (
    cached.status === 200 &&
    notModified(c.req.raw.headers, headers.get('etag'), headers.get('last-modified'))
  ) {
    for (const name of ['content-type', 'content-length']) headers.delete(name)
    return new Response(null, { status: 304, headers })
  }
  return new Response(cached.body, { status: cached.status, headers })
}
