import { describe, expect, it } from 'vitest'
import {
  cacheKey,
  clientCacheControl,
  etagFor,
  freshness,
  notModified,
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
    expect(freshness(at(0), at(29), policy)).toBe('fresh')
    expect(freshness(at(0), at(30), policy)).toBe('revalidate')
    expect(freshness(at(0), at(59), policy)).toBe('revalidate')
    expect(freshness(at(0), at(60), policy)).toBe('error-only')
  })

  it('keeps a 404 only for its short lifetime, with no stale window', () => {
    expect(freshness(at(0), at(19), policy, 404)).toBe('fresh')
    expect(freshness(at(0), at(21), policy, 404)).toBe('error-only')
  })
})

describe('cache keys', () => {
  it('are the same for every spelling of one page and differ by variant and origin', () => {
    const key = cacheKey('https://a.example', 'html', 'ko', '북러-협정')
    // The slug as the router decodes each spelling of the address: NFC, %EA vs %ea.
    expect(key).toBe(
      cacheKey(
        'https://a.example',
        'html',
        'ko',
        decodeURIComponent('%EB%B6%81%EB%9F%AC-%ED%98%91%EC%A0%95'),
      ),
    )
    expect(key).toBe(
      cacheKey(
        'https://a.example',
        'html',
        'ko',
        decodeURIComponent('%eb%b6%81%eb%9f%ac-%ed%98%91%ec%a0%95'),
      ),
    )
    expect(key).toMatch(
      /^https:\/\/a\.example\/__cache\/html\/ko\/%EB%B6%81%EB%9F%AC-%ED%98%91%EC%A0%95\?r=/,
    )
    expect(key).not.toBe(cacheKey('https://a.example', 'json', 'ko', '북러-협정'))
    expect(key).not.toBe(cacheKey('https://b.example', 'html', 'ko', '북러-협정'))
    expect(key).not.toContain('?utm')
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
