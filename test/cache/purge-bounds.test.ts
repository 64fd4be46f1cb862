/**
 * A purge through the in-Worker Cache API deletes in bounded batches, and at most MAX_KEYS keys:
 * 100 `s:` tags under 10 origins once issued every delete at once and stalled the server.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { MAX_KEYS, PURGE_CONCURRENCY, purgeTags } from '../../src/cache/purge'

afterEach(() => vi.restoreAllMocks())

describe('a large purge', () => {
  it('never has more than PURGE_CONCURRENCY deletes in flight, nor deletes past MAX_KEYS', async () => {
    const cache = await caches.open('articles')
    let inFlight = 0
    let most = 0
    let calls = 0
    const original = cache.delete.bind(cache)
    vi.spyOn(caches, 'open').mockResolvedValue(
      Object.assign(Object.create(cache) as Cache, {
        delete: async (key: RequestInfo) => {
          calls++
          most = Math.max(most, ++inFlight)
          try {
            return await original(key)
          } finally {
            inFlight--
          }
        },
      }),
    )
    const tags = Array.from({ length: 100 }, (_, i) => `s:slug-${i}`)
    const origins = Array.from({ length: 10 }, (_, i) => `https://o${i}.example`)
    const result = await purgeTags(tags, { origins, languages: ['ko', 'en', 'ja'] })
    expect(most).toBeLessThanOrEqual(PURGE_CONCURRENCY)
    expect(calls).toBeLessThanOrEqual(MAX_KEYS)
    expect(result.errors.join()).toMatch(/left to expire/)
  })
})
