/**
 * Serves a cacheable response. Two paths behind one call, so routes do not know which is in use,
 * and a response is never cached twice:
 *
 * - Workers Cache (production, `[cache] enabled = true`): the cache sits in front of the Worker. A hit
 *   never reaches this code; a miss renders, and the response carries the headers Workers Cache keeps
 *   it by (Cloudflare-CDN-Cache-Control, Cache-Tag). Purges go through `cache/purge.ts`.
 * - The Cache API inside the Worker (local development, and deployments without Workers Cache): fresh
 *   copies as they are, slightly old ones while a new one renders in the background, old ones when
 *   storage fails or the new source is broken; per data centre, bounded by CACHE_* seconds.
 */
import { setMetric } from 'hono/timing'
import type { AppContext } from '../env'
import { AppError, isCacheableError, isStorageFailure } from '../errors'
import { log } from '../log'
import { errorResponse } from '../render/error-response'
import { edgeCache, type EdgeCache } from './edge'
import type { SiteConfig } from '../config'
import {
  clientCacheControl,
  freshness,
  notModified,
  RENDERED_AT,
  storedCacheControl,
  workersCacheHeaders,
  SECONDS,
  YEAR_SECONDS,
  type CachePolicy,
  type CacheState,
} from './policy'
import { cacheKey, tagsOf, type Cached, type Lifetime } from './tags'

/**
 * Renders the response from storage. A 200 is kept; so is a thrown error that `isCacheableError` says
 * is stable (a 404), rendered here as its error page. Anything else is served but not kept.
 */
export type Produce = () => Promise<Response>

/**
 * Workers Cache's own context, when the deployment has it. Locally it never does (Miniflare has no
 * Workers Cache, and `cloudflare:workers`' `cache` is a stub without methods), hence the check.
 */
export function workersCacheOf(ctx: ExecutionContext | undefined): CacheContext | undefined {
  return typeof ctx?.cache?.purge === 'function' ? ctx.cache : undefined
}

export function workersCache(c: AppContext): CacheContext | undefined {
  try {
    return workersCacheOf(c.executionCtx as ExecutionContext)
  } catch {
    return undefined // no execution context at all (app.request without one)
  }
}

/** What to serve from cache: the key's parts, how to render it on a miss, and how long it is kept. */
export interface Serving {
  cached: Cached
  produce: Produce
  /** The cache rules it is kept by; 'page' unless told. */
  lifetime?: Lifetime
}

export async function cachedResponse(
  c: AppContext,
  { cached, produce, lifetime = 'page' }: Serving,
): Promise<Response> {
  const edge = workersCache(c)
  if (edge && c.get('config').baseUrl) return viaWorkersCache(c, { cached, produce, lifetime })
  const response = await viaCacheApi(c, { cached, produce, lifetime })
  // Without BASE_URL a page carries its request's host, and Workers Cache's key has no host: such
  // pages stay out of it (the in-Worker cache, keyed by origin, still serves them).
  if (edge) response.headers.set('cloudflare-cdn-cache-control', 'no-store')
  return response
}

/** The response with the headers Workers Cache keeps it by; the client's conditional request answered. */
async function viaWorkersCache(
  c: AppContext,
  { cached, produce, lifetime }: Required<Serving>,
): Promise<Response> {
  const response = await produceOrNotFound(c, produce)
  const headers = new Headers(response.headers)
  // Only what is one visitor's (a language redirect, a cookie) stays out. An error page's own
  // `no-store` is its default, as on the Cache API path: this layer decides to keep a 404.
  const personal = /private/.test(headers.get('cache-control') ?? '') || headers.has('set-cookie')
  // Workers Cache keys by path and query only: an answer that varies by visitor (an error page in
  // the reader's language) would be served to every reader. Not kept at all.
  if (headers.has('vary')) headers.set('cloudflare-cdn-cache-control', 'no-store')
  else if (!personal) {
    // A 304 (the client, or the cache revalidating, had this version) is described like its 200.
    const status = response.status === 304 ? 200 : response.status
    const config = c.get('config').cache
    for (const [name, value] of Object.entries(
      workersCacheHeaders(config, { status, lifetime, volatile: c.get('volatile') }),
    ))
      headers.set(name, value)
    if (status === 200 || status === 404) headers.set('cache-tag', tagsOf(cached).join(','))
  }
  setMetric(c, 'cache', 'MISS')
  return conditional(c, new Response(response.body, { status: response.status, headers }))
}

/** Answers If-None-Match / If-Modified-Since with 304 and no body when the client already has it. */
function conditional(c: AppContext, response: Response): Response {
  if (
    response.status !== 200 ||
    !notModified(
      c.req.raw.headers,
      response.headers.get('etag'),
      response.headers.get('last-modified'),
    )
  )
    return response
  const headers = new Headers(response.headers)
  for (const name of ['content-type', 'content-length']) headers.delete(name)
  return new Response(null, { status: 304, headers })
}

/** Header carrying the version a cached copy is of (a share card's); ours, never sent out. */
const VERSION = 'x-cached-version'

/** The version a copy must be of to answer the request, for what is keyed without its version. */
const versionOf = (cached: Cached) => (cached.kind === 'card' ? cached.version : undefined)

function lifetimePolicy(site: SiteConfig['cache'], lifetime: Lifetime): CachePolicy {
  switch (lifetime) {
    case 'search':
      // One entry per query a visitor can make up: kept a minute, never a day as a stand-in.
      return {
        ...site,
        freshSeconds: Math.min(site.freshSeconds, SECONDS.search),
        revalidateSeconds: 0,
        errorSeconds: 0,
      }
    case 'immutable':
      return { ...site, freshSeconds: YEAR_SECONDS, revalidateSeconds: 0 }
    case 'page':
      return site
  }
}

async function viaCacheApi(
  c: AppContext,
  { cached, produce, lifetime }: Required<Serving>,
): Promise<Response> {
  const site = c.get('config').cache
  const policy = lifetimePolicy(site, lifetime)
  const key = cacheKey(c.get('baseUrl'), cached)
  const version = versionOf(cached)
  // The isolate's memory keeps copies no longer than a page's fresh time, whatever they are.
  const cache = edgeCache(Math.min(policy.freshSeconds, site.freshSeconds))
  let hit: Response | undefined
  let cacheWorks = true
  try {
    hit = await cache.match(key)
  } catch (error) {
    cacheWorks = false // a broken cache costs speed, never the page
    log(c, 'warn', { event: 'cache-unavailable', message: String(error) })
  }
  // A copy of another version is no answer (the request is for an old or a newer one).
  if (hit && version !== undefined && hit.headers.get(VERSION) !== version) hit = undefined

  const renderedAt = Number(hit?.headers.get(RENDERED_AT))
  const state = hit
    ? freshness({ renderedAt, now: Date.now(), policy, status: hit.status })
    : undefined
  if (hit && state === 'fresh') return respond(c, hit, { state: 'HIT', lifetime })
  const store = { cache, key, version, policy }
  if (hit && state === 'revalidate') {
    c.executionCtx.waitUntil(
      renderAndStore(c, store, { produce }).catch((error: unknown) =>
        log(c, 'warn', { event: 'revalidate-failed', message: String(error) }),
      ),
    )
    return respond(c, hit, { state: 'STALE', lifetime })
  }

  try {
    const { response, stored } = await renderAndStore(c, store, { produce, cacheWorks })
    return respond(c, response, { state: stored ? 'MISS' : 'BYPASS', lifetime })
  } catch (error) {
    if (hit && hit.status === 200 && standsIn(error)) {
      log(c, 'error', {
        event: 'served-stale',
        message: error instanceof AppError ? error.describe() : String(error),
      })
      return respond(c, hit, { state: 'STALE', lifetime })
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

/** Where a rendered response goes: the cache, its key, the version it is of, the rules it is kept by. */
interface Store {
  cache: EdgeCache
  key: string
  version: string | undefined
  policy: CachePolicy
}

async function renderAndStore(
  c: AppContext,
  { cache, key, version, policy }: Store,
  {
    produce,
    cacheWorks = true,
  }: {
    produce: Produce
    /** False when the cache failed to answer: the response is then served but not stored. */
    cacheWorks?: boolean
  },
) {
  const response = await produceOrNotFound(c, produce)
  const keep =
    cacheWorks &&
    (response.status === 200 || response.status === 404) &&
    !response.headers.has('set-cookie') &&
    // The key has no language: an answer that varies by visitor is not kept (see viaWorkersCache).
    !response.headers.has('vary') &&
    !c.get('volatile')
  if (!keep) return { response, stored: false }
  const headers: Record<string, string> = {
    [RENDERED_AT]: String(Date.now()),
    'cache-control': storedCacheControl(policy, response.status),
  }
  if (version !== undefined) headers[VERSION] = version
  c.executionCtx.waitUntil(
    cache
      .put(key, response.clone(), headers)
      .catch((error: unknown) =>
        log(c, 'warn', { event: 'cache-put-failed', message: String(error) }),
      ),
  )
  return { response, stored: true }
}

/** The response itself when its headers may be changed (a copy from memory), else one copy. */
function mutable(response: Response): Response {
  try {
    response.headers.delete(RENDERED_AT)
    return response
  } catch {
    return new Response(response.body, response) // the Cache API's own responses are immutable
  }
}

/** The client's copy: our cache state and policy, the age, and 304 when the client already has it. */
function respond(
  c: AppContext,
  cached: Response,
  { state, lifetime }: { state: CacheState; lifetime: Lifetime },
): Response {
  const policy = c.get('config').cache
  const renderedAt = Number(cached.headers.get(RENDERED_AT))
  const response = mutable(cached)
  const { headers } = response
  headers.delete(RENDERED_AT)
  headers.delete(VERSION)
  // A personal answer (the language redirect) keeps its own private headers.
  if (!/private/.test(headers.get('cache-control') ?? ''))
    headers.set('cache-control', clientCacheControl(policy, cached.status, lifetime))
  headers.set('x-cache', state)
  if (state !== 'MISS' && state !== 'BYPASS' && renderedAt)
    headers.set('age', String(Math.max(0, Math.floor((Date.now() - renderedAt) / 1000))))
  setMetric(c, 'cache', state)
  return conditional(c, response)
}
