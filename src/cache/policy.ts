/**
 * The caching rules, as pure functions: what a cached copy's age allows, which headers each
 * audience gets, and when a conditional request may be answered with 304.
 */

import { RENDERER_VERSION } from '../pipeline'

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

/** What a cached response is: an article page or JSON, or a page made from the article index. */
export type Variant =
  'html' | 'json' | 'oembed' | 'list' | 'feed' | 'sitemap' | 'search' | 'search-json'
export type CacheState = 'HIT' | 'MISS' | 'STALE' | 'BYPASS'
export type Freshness = 'fresh' | 'revalidate' | 'error-only'

/** Header carrying when a cached copy was rendered (ms since epoch); ours, never sent out. */
export const RENDERED_AT = 'x-rendered-at'

/**
 * The cache key of an article variant. Built from the parsed language and slug, not the raw URL:
 * query strings, `%ea` vs `%EA` and other spellings of the same page share one entry and cannot
 * plant a different one. The origin is part of it because canonical URLs are absolute.
 */
export function cacheKey(origin: string, variant: Variant, ...segments: string[]): string {
  return `${origin}/__cache/${variant}/${segments.map(encodeURIComponent).join('/')}?r=${RENDERER_VERSION}`
}

export function freshness(
  renderedAt: number,
  now: number,
  policy: CachePolicy,
  status = 200,
): Freshness {
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
 * What browsers and any shared cache downstream are told: browsers revalidate soon (cheap, with the
 * ETag), shared caches keep the page as long as our own edge cache does.
 */
export function clientCacheControl(policy: CachePolicy, status: number): string {
  if (status === 404) return `public, max-age=${policy.notFoundSeconds}`
  if (status !== 200) return 'private, no-store'
  const browser = Math.min(10, policy.freshSeconds)
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
