/**
 * An error page at an address without a language is in the reader's language, and says so with
 * `Vary: Accept-Language`. No cache here keys by language, so such an answer is never kept: a
 * Japanese 404 once went to an English reader.
 */
import { describe, expect, it } from 'vitest'
import { env } from 'cloudflare:workers'
import { workersCacheHeaders } from '../../src/cache/policy'
import { cacheKey } from '../../src/cache/tags'
import { siteConfig } from '../../src/config'
import { client } from '../helpers/request'
import { FakeWorkersCache } from '../helpers/workers-cache'

const missing = `/oembed?url=${encodeURIComponent('https://vary.example/en/missing')}`
const accept = (lang: string) => ({ 'accept-language': lang, accept: 'text/html' })

describe('an error page that varies by language', () => {
  it('is not kept by the in-Worker cache: each reader gets their language', async () => {
    const site = client('https://vary.example')
    const ja = await site.get(missing, accept('ja'))
    const en = await site.get(missing, accept('en'))
    expect(ja.status).toBe(404)
    expect(ja.header('vary')).toMatch(/Accept-Language/)
    expect(en.status).toBe(404)
    expect(en.body).not.toBe(ja.body)
    expect(en.header('x-cache')).not.toBe('HIT')
  })

  it('is not kept by Workers Cache', async () => {
    const edge = new FakeWorkersCache()
    const site = client('https://vary.example', { BASE_URL: 'https://vary.example' }, edge)
    const ja = await site.get(missing, accept('ja'))
    const en = await site.get(missing, accept('en'))
    expect(ja.status).toBe(404)
    expect(en.header('cf-cache-status')).not.toBe('HIT')
    expect(en.body).not.toBe(ja.body)
  })
})

describe('search results', () => {
  it('are kept a minute, not a day: every query anyone makes up is an entry', async () => {
    const origin = 'https://search-bound.example'
    const site = client(origin)
    const search = await site.get('/ko/search?q=made-up-query-1')
    expect(search.status).toBe(200)
    const stored = await (
      await caches.open('articles')
    ).match(
      cacheKey(origin, {
        kind: 'search',
        json: false,
        lang: 'ko',
        query: 'made-up-query-1',
        order: 'newest',
        page: 1,
      }),
    )
    const kept = Number(/s-maxage=(\d+)/.exec(stored?.headers.get('cache-control') ?? '')?.[1])
    expect(kept).toBeGreaterThan(0)
    expect(kept).toBeLessThanOrEqual(60)
    // And Workers Cache is told to keep it no longer either, not even as a stand-in on errors.
    const rule = workersCacheHeaders(siteConfig(env).cache, { status: 200, lifetime: 'search' })
    expect(rule['cloudflare-cdn-cache-control']).toBe('max-age=60, stale-if-error=0')
  })
})
