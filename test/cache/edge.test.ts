import { describe, expect, it, vi } from 'vitest'
import { edgeCache } from '../../src/cache/edge'

describe('the edge cache', () => {
  it('never stores a response that sets a cookie', async () => {
    const cache = edgeCache()
    const key = 'https://edge.example/__cache/html/ko/cookie'
    await cache.put(key, new Response('personal', { headers: { 'set-cookie': 'session=1' } }), {
      'cache-control': 'public, s-maxage=60',
    })
    expect(await cache.match(key)).toBeUndefined()
  })

  it('stores the shared copy without per-response headers', async () => {
    const cache = edgeCache()
    const key = 'https://edge.example/__cache/html/ko/plain'
    const response = new Response('page', {
      headers: { 'x-request-id': 'abc', 'server-timing': 'render;dur=3', etag: '"e"' },
    })
    await cache.put(key, response, { 'cache-control': 'public, s-maxage=60' })
    const stored = await cache.match(key)
    expect(await stored?.text()).toBe('page')
    expect(stored?.headers.get('etag')).toBe('"e"')
    expect(stored?.headers.get('x-request-id')).toBeNull()
    expect(stored?.headers.get('server-timing')).toBeNull()
  })
})

describe("the isolate's memory in front of the Cache API", () => {
  it('serves a fresh copy many times, whole each time', async () => {
    const cache = edgeCache(30)
    const key = 'https://edge.example/__cache/html/ko/memory'
    await cache.put(key, new Response('한국어 본문'), { 'x-rendered-at': String(Date.now()) })
    // Gone from the Cache API, the copy in memory still answers while fresh.
    await (await caches.open('articles')).delete(key)
    for (let i = 0; i < 3; i++) expect(await (await cache.match(key))?.text()).toBe('한국어 본문')
  })

  it('forgets a copy on purge, and keeps none when told to keep nothing', async () => {
    const key = 'https://edge.example/__cache/html/ko/purged'
    await edgeCache(30).put(key, new Response('old'), {})
    expect(await edgeCache().delete(key)).toBe(true)
    expect(await edgeCache(30).match(key)).toBeUndefined()
    await edgeCache(0).put(key, new Response('kept only in the Cache API'), {})
    await (await caches.open('articles')).delete(key)
    expect(await edgeCache(30).match(key)).toBeUndefined()
  })

  it('stops serving a copy from memory once it is no longer fresh', async () => {
    const key = 'https://edge.example/__cache/html/ko/aging'
    await edgeCache(30).put(key, new Response('page'), {})
    await (await caches.open('articles')).delete(key)
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(Date.now() + 31_000)
    try {
      expect(await edgeCache(30).match(key)).toBeUndefined()
    } finally {
      vi.useRealTimers()
    }
  })
})
