/**
 * The Workers Cache stand-in (test/helpers/workers-cache.ts) against a tiny origin whose headers
 * each test chooses: each rule as Cloudflare documents it, so the tests that put the stand-in in
 * front of the real Worker (workers-cache.test.ts) rest on documented behaviour, not on the code's.
 */
import { describe, expect, it } from 'vitest'
import { cacheKeyOf, FakeWorkersCache, type Origin } from '../helpers/workers-cache'

/** An origin answering with the given headers, counting its runs and the requests it got. */
function origin(headers: Record<string, string>, init: { status?: number; body?: string } = {}) {
  const seen: Request[] = []
  let runs = 0
  let failing = false
  const worker: Origin = (request) => {
    seen.push(request)
    runs++
    if (failing) return Promise.resolve(new Response('down', { status: 503 }))
    const etag = headers.etag
    if (etag && request.headers.get('if-none-match') === etag)
      return Promise.resolve(new Response(null, { status: 304, headers }))
    return Promise.resolve(
      new Response(init.body ?? `body ${runs}`, { status: init.status ?? 200, headers }),
    )
  }
  return {
    worker,
    seen,
    runs: () => runs,
    fail: (on: boolean) => {
      failing = on
    },
  }
}

const at = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
  new Request(`https://site.example${path}`, { method, headers })

async function get(edge: FakeWorkersCache, worker: Origin, path = '/a', headers = {}) {
  const res = await edge.serve(at(path, headers), worker)
  const body = await res.text()
  await edge.settled()
  return { status: res.status, cache: res.headers.get('cf-cache-status'), body, res }
}

describe('the stand-in, as Workers Cache is documented', () => {
  it('takes the most specific header: cloudflare-cdn-cache-control, then cdn-, then Cache-Control', async () => {
    const edge = new FakeWorkersCache()
    const o = origin({
      'cache-control': 'no-store',
      'cdn-cache-control': 'max-age=5',
      'cloudflare-cdn-cache-control': 'max-age=100',
    })
    const first = await get(edge, o.worker)
    expect(first.cache).toBe('MISS')
    // Cloudflare-CDN-Cache-Control is consumed; CDN-Cache-Control passes through.
    expect(first.res.headers.get('cloudflare-cdn-cache-control')).toBeNull()
    expect(first.res.headers.get('cdn-cache-control')).toBe('max-age=5')
    edge.advance(50)
    expect((await get(edge, o.worker)).cache).toBe('HIT')
    const cdnOnly = origin({ 'cache-control': 'no-store', 'cdn-cache-control': 'max-age=5' })
    await get(edge, cdnOnly.worker, '/b')
    edge.advance(6)
    expect((await get(edge, cdnOnly.worker, '/b')).cache).toBe('EXPIRED')
  })

  it('serves stale while revalidating in the background, unless s-maxage, must-revalidate or proxy-revalidate', async () => {
    const edge = new FakeWorkersCache()
    const swr = origin({ 'cache-control': 'max-age=10, stale-while-revalidate=60' })
    await get(edge, swr.worker)
    edge.advance(20)
    const stale = await get(edge, swr.worker)
    expect(stale).toMatchObject({ cache: 'UPDATING', body: 'body 1' })
    expect(swr.runs()).toBe(2) // the background refresh ran
    expect(await get(edge, swr.worker)).toMatchObject({ cache: 'HIT', body: 'body 2' })
    for (const forbidding of [
      's-maxage=10',
      'max-age=10, must-revalidate',
      'max-age=10, proxy-revalidate',
    ]) {
      const o = origin({ 'cache-control': `${forbidding}, stale-while-revalidate=60` })
      const path = `/${encodeURIComponent(forbidding)}`
      await get(edge, o.worker, path)
      edge.advance(20)
      expect(await get(edge, o.worker, path), forbidding).toMatchObject({
        cache: 'EXPIRED',
        body: 'body 2',
      })
    }
  })

  it('stands in for a failing Worker within stale-if-error, by default indefinitely, never with s-maxage', async () => {
    const edge = new FakeWorkersCache()
    const windowed = origin({ 'cache-control': 'max-age=10, stale-if-error=30' })
    const byDefault = origin({ 'cache-control': 'max-age=10' })
    const strict = origin({ 'cache-control': 's-maxage=10, stale-if-error=30' })
    for (const [path, o] of [
      ['/w', windowed],
      ['/d', byDefault],
      ['/s', strict],
    ] as const) {
      await get(edge, o.worker, path)
      o.fail(true)
    }
    edge.advance(20)
    expect(await get(edge, windowed.worker, '/w')).toMatchObject({ cache: 'STALE', body: 'body 1' })
    expect(await get(edge, byDefault.worker, '/d')).toMatchObject({
      cache: 'STALE',
      body: 'body 1',
    })
    expect((await get(edge, strict.worker, '/s')).status).toBe(503)
    edge.advance(100_000)
    expect((await get(edge, windowed.worker, '/w')).status).toBe(503)
    expect(await get(edge, byDefault.worker, '/d')).toMatchObject({
      cache: 'STALE',
      body: 'body 1',
    })
  })

  it('revalidates with the stored ETag; a 304 keeps the body and makes it fresh again', async () => {
    const edge = new FakeWorkersCache()
    const o = origin({ 'cache-control': 'max-age=10', etag: '"v1"' })
    await get(edge, o.worker)
    edge.advance(11)
    const again = await get(edge, o.worker)
    expect(again).toMatchObject({ status: 200, cache: 'REVALIDATED', body: 'body 1' })
    expect(o.seen[1]?.headers.get('if-none-match')).toBe('"v1"')
    expect((await get(edge, o.worker)).cache).toBe('HIT')
    // A client's own condition is answered from the copy.
    expect((await get(edge, o.worker, '/a', { 'if-none-match': '"v1"' })).status).toBe(304)
  })

  it('fills GET from a cold HEAD and answers HEAD from a GET fill, without a body', async () => {
    const edge = new FakeWorkersCache()
    const o = origin({ 'cache-control': 'max-age=60' })
    const head = await edge.serve(at('/h', {}, 'HEAD'), o.worker)
    expect(head.headers.get('cf-cache-status')).toBe('MISS')
    expect(await head.text()).toBe('')
    expect(o.seen[0]?.method).toBe('GET')
    expect(await get(edge, o.worker, '/h')).toMatchObject({ cache: 'HIT', body: 'body 1' })
    expect(o.runs()).toBe(1)
  })

  it('bypasses Set-Cookie, private, no-store, and Authorization unless public', async () => {
    const edge = new FakeWorkersCache()
    const cases: [Record<string, string>, Record<string, string>, string][] = [
      [{ 'cache-control': 'max-age=60', 'set-cookie': 'a=1' }, {}, 'BYPASS'],
      [{ 'cache-control': 'private, max-age=60' }, {}, 'BYPASS'],
      [{ 'cache-control': 'no-store' }, {}, 'BYPASS'],
      [{ 'cache-control': 'max-age=60' }, { authorization: 'Bearer x' }, 'BYPASS'],
      [{ 'cache-control': 'public, max-age=60' }, { authorization: 'Bearer x' }, 'MISS'],
      [{ 'cache-control': 'max-age=60, private="set-cookie"', 'set-cookie': 'a=1' }, {}, 'MISS'],
    ]
    for (const [i, [response, request, expected]] of cases.entries()) {
      const res = await get(edge, origin(response).worker, `/c${i}`, request)
      expect(res.cache, JSON.stringify(response)).toBe(expected)
    }
    // The exempted cookie is not in the stored copy.
    const kept = await get(edge, origin({}).worker, '/c5')
    expect(kept.cache).toBe('HIT')
    expect(kept.res.headers.get('set-cookie')).toBeNull()
  })

  it('keeps tags printable ASCII, matches them case-insensitively, drops invalid ones silently', async () => {
    const edge = new FakeWorkersCache()
    const long = 'x'.repeat(1025) // over-length (Unicode is dropped too, but workerd warns about it)
    await get(
      edge,
      origin({ 'cache-control': 'max-age=60', 'cache-tag': `Post-1,a b,${long}` }).worker,
      '/t1',
    )
    await get(edge, origin({ 'cache-control': 'max-age=60', 'cache-tag': long }).worker, '/t2')
    expect((await edge.context.purge({ tags: ['a b', long] })).success).toBe(true)
    expect(edge.keys()).toEqual(['/t1', '/t2']) // an invalid tag names nothing
    await edge.context.purge({ tags: ['POST-1'] })
    expect(edge.keys()).toEqual(['/t2'])
    expect((await get(edge, origin({}).worker, '/t2')).res.headers.get('cache-tag')).toBeNull()
  })

  it('keys by entrypoint, path and query as sent, version, not host or method; cf.cacheKey replaces the URL part', () => {
    const key = (url: string, more: Partial<Parameters<typeof cacheKeyOf>[0]> = {}) =>
      cacheKeyOf({ url, headers: new Headers(), entrypoint: 'default', version: 'v1', ...more })
    expect(key('https://a.example/p?x=1')).toBe(key('https://b.example/p?x=1'))
    expect(key('https://a.example/p?x=1&y=2')).not.toBe(key('https://a.example/p?y=2&x=1'))
    expect(key('https://a.example/p/')).not.toBe(key('https://a.example/p'))
    expect(key('https://a.example/p', { version: 'v2' })).not.toBe(key('https://a.example/p'))
    expect(key('https://a.example/p', { entrypoint: 'Admin' })).not.toBe(key('https://a.example/p'))
    const poisoned = { headers: new Headers({ 'x-forwarded-host': 'evil.example' }) }
    expect(key('https://a.example/p', poisoned)).not.toBe(key('https://a.example/p'))
    expect(key('https://a.example/p?utm_source=x', { cacheKey: '/p' })).toBe(
      key('https://a.example/other', { cacheKey: '/p' }),
    )
    expect(key('https://a.example/p', { cacheKey: '' })).toBe(key('https://a.example/p'))
  })

  it('serves a copy under its cf.cacheKey, and starts cold after a deployment', async () => {
    const edge = new FakeWorkersCache()
    const o = origin({ 'cache-control': 'max-age=60' })
    await edge.serve(at('/p?utm_source=a'), o.worker, { cacheKey: '/p' })
    const other = await edge.serve(at('/p?utm_source=b'), o.worker, { cacheKey: '/p' })
    expect(other.headers.get('cf-cache-status')).toBe('HIT')
    edge.deploy('version-2')
    const cold = await edge.serve(at('/p?utm_source=b'), o.worker, { cacheKey: '/p' })
    expect(cold.headers.get('cf-cache-status')).toBe('MISS')
  })

  it('stores a variant per Vary value, and never with Vary: *', async () => {
    const edge = new FakeWorkersCache()
    const o = origin({ 'cache-control': 'max-age=60', vary: 'Accept-Language' })
    await get(edge, o.worker, '/v', { 'accept-language': 'ko' })
    expect((await get(edge, o.worker, '/v', { 'accept-language': 'ko' })).cache).toBe('HIT')
    expect((await get(edge, o.worker, '/v', { 'accept-language': 'en' })).cache).toBe('MISS')
    expect(
      (await get(edge, origin({ 'cache-control': 'max-age=60', vary: '*' }).worker, '/s')).cache,
    ).toBe('BYPASS')
  })

  it('purges only the calling entrypoint, refuses over 100 operations, and rate-limits at the Free tier', async () => {
    const edge = new FakeWorkersCache()
    await get(edge, origin({ 'cache-control': 'max-age=60', 'cache-tag': 't' }).worker, '/e')
    await edge.contextFor('Admin').purge({ tags: ['t'] })
    expect(edge.keys()).toEqual(['/e'])
    const many = Array.from({ length: 101 }, (_, i) => `t${i}`)
    expect((await edge.context.purge({ tags: many })).success).toBe(false)
    const results = []
    for (let i = 0; i < 30; i++) results.push((await edge.context.purge({ tags: ['x'] })).success)
    expect(results.filter(Boolean).length).toBe(24) // 25 in the bucket, one spent on the Admin call
    edge.advance(12) // a token every 12 s
    expect((await edge.context.purge({ tags: ['t'] })).success).toBe(true)
    expect(edge.keys()).toEqual([])
  })

  it('marks entries stale on invalidate(), revalidating them with their ETag', async () => {
    const edge = new FakeWorkersCache()
    const o = origin({ 'cache-control': 'max-age=600', 'cache-tag': 'p', etag: '"e"' })
    await get(edge, o.worker)
    await edge.context.invalidate({ tags: ['p'] })
    expect(await get(edge, o.worker)).toMatchObject({ cache: 'REVALIDATED', body: 'body 1' })
  })
})
