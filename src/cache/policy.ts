/**
 * The caching rules, as pure functions: what a cached copy's age allows, which headers each
 * audience gets, and when a conditional request may be answered with 304.
 */

import { RENDERER_VERSION } from '../pipeline'
import type { Lifetime } from './tags'

export interface CachePolicy {
  /** Served from the cache as is. */
  freshSeconds: number
  /** After that, still served while a new copy renders in the background. */
  revalidateSeconds: number
  /** After that, served only when storage fails or the new source is broken. */
  errorSeconds: number
  /** How long a 404 is remembered. */
  notFoundSeconds: number
}

export type CacheState = 'HIT' | 'MISS' | 'STALE' | 'BYPASS'
export type Freshness = 'fresh' | 'revalidate' | 'error-only'

/** Header carrying when a cached copy was rendered (ms since epoch); ours, never sent out. */
export const RENDERED_AT = 'x-rendered-at'

export function freshness({
  renderedAt,
  now,
  policy,
  status = 200,
}: {
  /** When the copy was rendered, ms since epoch. */
  renderedAt: number
  /** The time to judge it at, ms since epoch. */
  now: number
  policy: CachePolicy
  /** The copy's status: a 404 is kept by its own, shorter, rule. */
  status?: number
}): Freshness {
  const age = (now - renderedAt) / 1000
  const fresh = status === 404 ? policy.notFoundSeconds : policy.freshSeconds
  if (age < fresh) return 'fresh'
  if (status === 200 && age < fresh + policy.revalidateSeconds) return 'revalidate'
  return 'error-only'
}

/** What the Cache API is told: keep a page long enough to stand in during an outage. */
export function storedCacheControl(policy: CachePolicy, status: number): string {
  const keep =
    status === 404
      ? policy.notFoundSeconds
      : policy.freshSeconds + policy.revalidateSeconds + policy.errorSeconds
  return `public, s-maxage=${keep}`
}

/**
 * Every fixed cache lifetime, in seconds, in one table (the ones an operator tunes are settings:
 * CACHE_*_SECONDS in config.ts).
 */
export const SECONDS = {
  /** A year: the conventional "forever" for a versioned URL. */
  year: 31_536_000,
  /** Search results: one entry per query anyone can make up, changed by every publish. */
  search: 60,
  /** Browsers, which no purge reaches, when the Cache API (one data centre) caches: re-ask soon. */
  browserCacheApi: 10,
  /** Browsers under Workers Cache (purged everywhere at once): a minute, then the ETag. */
  browserWorkersCache: 60,
  /** A page made while the stores disagreed (KV still propagating): seconds at the edge. */
  volatile: 5,
  /** A 404 at the Workers Cache edge, at least (scanners' paths). */
  notFoundEdge: 600,
  /** How long the edge may serve a stale page while it renders a new one, at most. */
  staleWhileRevalidate: 3_600,
  /** Fixed answers that rarely change: old-address redirects, robots.txt, the IndexNow key file. */
  fixed: 3_600,
  /** A hosted picture's full-size stand-in for a variant (no Images binding): it may be back soon. */
  mediaStandIn: 60,
  /** The permanent redirect to a page's one address (`/KO/x/` → `/ko/x`). */
  canonicalRedirect: 86_400,
} as const

/** A year: the conventional "forever" for a versioned URL. */
export const YEAR_SECONDS = SECONDS.year

/** For a response whose URL changes whenever it does (a versioned share card). */
export const IMMUTABLE = `public, max-age=${YEAR_SECONDS}, immutable`

/** For a fixed answer (robots.txt, a redirect from an old address, the IndexNow key file). */
export const FIXED = `public, max-age=${SECONDS.fixed}`

/**
 * What browsers and any shared cache downstream are told: browsers revalidate soon (cheap, with the
 * ETag), shared caches keep the page as long as our own edge cache does. A versioned URL is kept a year.
 */
export function clientCacheControl(
  policy: CachePolicy,
  status: number,
  lifetime: Lifetime = 'page',
): string {
  if (status === 404) return `public, max-age=${policy.notFoundSeconds}`
  if (status !== 200) return 'private, no-store'
  if (lifetime === 'immutable') return IMMUTABLE
  const browser = Math.min(SECONDS.browserCacheApi, policy.freshSeconds)
  return (
    `public, max-age=${browser}, s-maxage=${policy.freshSeconds}, ` +
    `stale-while-revalidate=${policy.revalidateSeconds}, stale-if-error=${policy.errorSeconds}`
  )
}

/** A short, stable fingerprint of some text (FNV-1a, 32 bits, hex): for ETags, not for security. */
export function fingerprint(text: string): string {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193)
  return (hash >>> 0).toString(16).padStart(8, '0')
}

/** A strong ETag: changes with the source, the renderer and the variant. */
export function etagFor(sourceEtag: string, variant: string): string {
  return `"${sourceEtag.replace(/[^\w.-]/g, '').slice(0, 64)}-r${RENDERER_VERSION}-${variant}"`
}

/** RFC 9110 §13.1: If-None-Match wins over If-Modified-Since; `*` and weak forms match too. */
export function notModified(
  request: Headers,
  etag: string | null,
  lastModified: string | null,
): boolean {
  const ifNoneMatch = request.get('if-none-match')
  if (ifNoneMatch !== null) {
    if (!etag) return false
    const bare = (tag: string) => tag.trim().replace(/^W\//, '')
    return (
      ifNoneMatch.trim() === '*' || ifNoneMatch.split(',').some((tag) => bare(tag) === bare(etag))
    )
  }
  const ifModifiedSince = request.get('if-modified-since')
  if (ifModifiedSince === null || !lastModified) return false
  const since = Date.parse(ifModifiedSince)
  const modified = Date.parse(lastModified)
  return !Number.isNaN(since) && !Number.isNaN(modified) && modified <= since
}

/**
 * Workers Cache (production): every change is purged at once everywhere, so the edge keeps a page for
 * a day and beyond; browsers, which no purge reaches, keep it a minute and then ask with the ETag.
 * Search results, changed by every publish and countless, a minute at the edge. A response made while
 * the stores disagreed (KV still propagating a new version) is kept only seconds. Edge rules go in
 * Cloudflare-CDN-Cache-Control, which Cloudflare reads and strips; `s-maxage` would switch off
 * stale-while-revalidate and stale-if-error there.
 */
export function workersCacheHeaders(
  policy: CachePolicy & { edgeSeconds: number },
  {
    status,
    lifetime,
    volatile = false,
  }: {
    status: number
    lifetime: Lifetime
    /** Made while the stores disagreed (KV still propagating): kept only seconds at the edge. */
    volatile?: boolean
  },
): Record<string, string> {
  if (status !== 200 && status !== 404) return { 'cache-control': 'no-store' }
  if (status === 200 && lifetime === 'immutable' && !volatile)
    return { 'cache-control': IMMUTABLE, 'cloudflare-cdn-cache-control': `max-age=${YEAR_SECONDS}` }
  const edge = volatile
    ? SECONDS.volatile
    : lifetime === 'search'
      ? SECONDS.search
      : status === 404
        ? Math.max(policy.notFoundSeconds, SECONDS.notFoundEdge)
        : policy.edgeSeconds
  const browser =
    status === 404 ? policy.notFoundSeconds : Math.min(SECONDS.browserWorkersCache, edge)
  // Search results are one entry per query anyone can make up: kept a minute, no longer.
  const stale =
    status === 200 && !volatile && lifetime !== 'search'
      ? `, stale-while-revalidate=${Math.min(edge, SECONDS.staleWhileRevalidate)}, stale-if-error=${policy.errorSeconds}`
      : ', stale-if-error=0'
  return {
    'cache-control': `public, max-age=${browser}`,
    'cloudflare-cdn-cache-control': `max-age=${edge}${stale}`,
  }
}
