import { describe, expect, it } from 'vitest'
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
