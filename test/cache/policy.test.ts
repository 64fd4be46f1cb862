import { describe, expect, it } from 'vitest'
import {
  clientCacheControl,
  etagFor,
  freshness,
  notModified,
  workersCacheHeaders,
  type CachePolicy,
} from '../../src/cache/policy'

const policy: CachePolicy = {
  freshSeconds: 30,
  revalidateSeconds: 30,
  errorSeconds: 86_400,
  notFoundSeconds: 20,
}
const at = (seconds: number) => 1_000_000 + seconds * 1000

describe('freshness', () => {
  it('serves a copy as is, then while revalidating, then only in an emergency', () => {
    expect(freshness({ renderedAt: at(0), now: at(29), policy })).toBe('fresh')
    expect(freshness({ renderedAt: at(0), now: at(30), policy })).toBe('revalidate')
    expect(freshness({ renderedAt: at(0), now: at(59), policy })).toBe('revalidate')
    expect(freshness({ renderedAt: at(0), now: at(60), policy })).toBe('error-only')
  })

  it('keeps a 404 only for its short lifetime, with no stale window', () => {
    expect(freshness({ renderedAt: at(0), now: at(19), policy, status: 404 })).toBe('fresh')
    expect(freshness({ renderedAt: at(0), now: at(21), policy, status: 404 })).toBe('error-only')
  })
})

describe('headers', () => {
  it('let browsers keep a page briefly and shared caches as long as the edge', () => {
    expect(clientCacheControl(policy, 200)).toBe(
      'public, max-age=10, s-maxage=30, stale-while-revalidate=30, stale-if-error=86400',
    )
    expect(clientCacheControl(policy, 404)).toBe('public, max-age=20')
    expect(clientCacheControl(policy, 500)).toBe('private, no-store')
    expect(clientCacheControl(policy, 302)).toBe('private, no-store')
  })

  it('make a strong ETag that changes with the source and the variant', () => {
    expect(etagFor('abc123', 'html')).toMatch(/^"abc123-r\w+-html"$/)
    expect(etagFor('abc123', 'html')).not.toBe(etagFor('abc124', 'html'))
    expect(etagFor('abc123', 'html')).not.toBe(etagFor('abc123', 'json'))
  })

  it('answer conditional requests as RFC 9110 says', () => {
    const etag = '"e1-r3-html"'
    const lastModified = 'Wed, 19 Jun 2024 05:00:00 GMT'
    const h = (init: Record<string, string>) => new Headers(init)
    expect(notModified(h({ 'if-none-match': etag }), etag, lastModified)).toBe(true)
    expect(notModified(h({ 'if-none-match': `"other", W/${etag}` }), etag, lastModified)).toBe(true)
    expect(notModified(h({ 'if-none-match': '*' }), etag, lastModified)).toBe(true)
    expect(notModified(h({ 'if-none-match': '"other"' }), etag, lastModified)).toBe(false)
    // If-None-Match wins over If-Modified-Since.
    expect(
      notModified(
        h({ 'if-none-match': '"other"', 'if-modified-since': lastModified }),
        etag,
        lastModified,
      ),
    ).toBe(false)
    expect(notModified(h({ 'if-modified-since': lastModified }), etag, lastModified)).toBe(true)
    expect(
      notModified(h({ 'if-modified-since': 'Tue, 18 Jun 2024 05:00:00 GMT' }), etag, lastModified),
    ).toBe(false)
    expect(notModified(h({ 'if-modified-since': 'garbage' }), etag, lastModified)).toBe(false)
  })
})

describe('Workers Cache headers', () => {
  const edge = { ...policy, edgeSeconds: 86400 }
  it('keep a page a day at the edge (purged on change) and a minute in browsers', () => {
    expect(workersCacheHeaders(edge, { status: 200, lifetime: 'page' })).toEqual({
      'cache-control': 'public, max-age=60',
      'cloudflare-cdn-cache-control':
        'max-age=86400, stale-while-revalidate=3600, stale-if-error=86400',
    })
  })
  it('keep search results a minute, and a page made while the stores disagree seconds', () => {
    expect(
      workersCacheHeaders(edge, { status: 200, lifetime: 'search' })[
        'cloudflare-cdn-cache-control'
      ],
    ).toMatch(/^max-age=60,/)
    expect(
      workersCacheHeaders(edge, { status: 200, lifetime: 'page', volatile: true })[
        'cloudflare-cdn-cache-control'
      ],
    ).toBe('max-age=5, stale-if-error=0')
  })
  it('never keep an error but a 404', () => {
    expect(workersCacheHeaders(edge, { status: 503, lifetime: 'page' })).toEqual({
      'cache-control': 'no-store',
    })
    expect(workersCacheHeaders(edge, { status: 404, lifetime: 'page' })['cache-control']).toBe(
      'public, max-age=20',
    )
  })
})
