/**
 * The edge cache as readers and crawlers meet it, against Miniflare's real KV and Cache API.
 * Faults are injected by wrapping the real bindings; time moves with Vitest's fake Date.
 */
import { env } from 'cloudflare:workers'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { cacheKey } from '../../src/cache/tags'
import { sha256Hex } from '../../src/source/store'
import { publishSource, putKv } from '../helpers/content'
import { client } from '../helpers/request'
import { SEED } from '../helpers/seed'

let origin: string
let n = 0
beforeEach(() => {
  origin = `https://cache-${++n}.example` // each test its own cache entries
})
afterEach(() => {
  vi.useRealTimers()
})

/** A request through the Worker on this test's origin, waiting for its background work. */
const get = (path: string, init: RequestInit = {}, bindings: Partial<Env> = {}) =>
  client(origin).call(path, init, bindings)

const failingKv = (message = 'KV is down'): KVNamespace =>
  new Proxy(env.ARTICLES_KV, {
    get: (target, prop) =>
      prop === 'get' || prop === 'getWithMetadata'
        ? () => Promise.reject(new Error(message))
        : (Reflect.get(target, prop) as unknown),
  })
const hangingKv = (): KVNamespace =>
  new Proxy(env.ARTICLES_KV, {
    get: (target, prop) =>
      prop === 'get' || prop === 'getWithMetadata'
        ? () => new Promise(() => {})
        : (Reflect.get(target, prop) as unknown),
  })
const kvOnly = { SOURCES: 'kv' } as Partial<Env>
const later = (seconds: number) => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(Date.now() + seconds * 1000)
}
const SEED_V2 = SEED.replace('title: ', 'title: 긴급 ')

describe('a cached article', () => {
  beforeEach(() => putKv(env.ARTICLES_KV, 'ko/putin-kim-pact', SEED, 'ko/putin-kim-pact.html'))

  it('is rendered once, then served from the cache without reading storage', async () => {
    const first = await get('/ko/putin-kim-pact')
    expect(first.header('x-cache')).toBe('MISS')
    expect(first.header('server-timing')).toMatch(
      /storage;dur=[\d.]+.*parse;dur=[\d.]+.*render;dur=[\d.]+/,
    )
    const second = await get('/ko/putin-kim-pact', {}, { ARTICLES_KV: failingKv(), ...kvOnly })
    expect(second.header('x-cache')).toBe('HIT')
    expect(second.header('server-timing')).toContain('cache;desc="HIT"')
    expect(second.header('server-timing')).not.toContain('storage')
    expect(second.body).toBe(first.body)
    expect(second.header('etag')).toBe(first.header('etag'))
  })

  it('keeps the HTML and JSON variants apart, each with its own ETag', async () => {
    const html = await get('/ko/putin-kim-pact')
    const json = await get('/api/articles/ko/putin-kim-pact')
    expect(json.header('content-type')).toMatch(/^application\/json/)
    expect(html.header('content-type')).toMatch(/^text\/html/)
    expect(json.header('etag')).not.toBe(html.header('etag'))
    expect((await get('/api/articles/ko/putin-kim-pact')).header('x-cache')).toBe('HIT')
  })

  it('ignores query strings, so nobody can plant or multiply entries', async () => {
    await get('/ko/putin-kim-pact?utm_source=kakao')
    const plain = await get('/ko/putin-kim-pact')
    expect(plain.header('x-cache')).toBe('HIT')
    expect(plain.body).not.toContain('utm_source')
  })

  it('answers If-None-Match and If-Modified-Since with 304 and no body; HEAD with the headers only', async () => {
    const first = await get('/ko/putin-kim-pact')
    const etag = first.header('etag')!
    expect(etag).toMatch(/^"[\w.-]+"$/)
    const lastModified = first.header('last-modified')!
    expect(new Date(lastModified).toUTCString()).toBe(lastModified)

    const byTag = await get('/ko/putin-kim-pact', { headers: { 'if-none-match': etag } })
    expect(byTag.status).toBe(304)
    expect(byTag.body).toBe('')
    expect(byTag.header('etag')).toBe(etag)
    const byDate = await get('/ko/putin-kim-pact', {
      headers: { 'if-modified-since': lastModified },
    })
    expect(byDate.status).toBe(304)
    const changed = await get('/ko/putin-kim-pact', {
      headers: { 'if-none-match': '"something-else"' },
    })
    expect(changed.status).toBe(200)

    const head = await get('/ko/putin-kim-pact', { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.header('etag')).toBe(etag)
    expect(head.header('content-type')).toBe('text/html; charset=UTF-8')
    expect(head.res.body).toBeNull()
  })

  it('changes its ETag when a translation appears, so a client holding the old page gets the new one', async () => {
    await putKv(env.ARTICLES_KV, 'ko/etag-twin', SEED, 'ko/etag-twin.html')
    const before = await get('/ko/etag-twin')
    await publishSource('en/etag-twin', '---\ntitle: The English version\n---\n<p>Body.</p>')
    later(61) // past the freshness window, as a reader coming back later
    const after = await get('/ko/etag-twin', {
      headers: { 'if-none-match': before.header('etag')! },
    })
    expect(after.status).toBe(200)
    expect(after.body).toContain('hreflang="en"')
    expect(after.header('etag')).not.toBe(before.header('etag'))
  })

  it('tells browsers to revalidate soon and shared caches to keep it longer', async () => {
    const { header } = await get('/ko/putin-kim-pact')
    expect(header('cache-control')).toBe(
      'public, max-age=10, s-maxage=30, stale-while-revalidate=30, stale-if-error=86400',
    )
  })
})

describe('a change to the source', () => {
  // Published as content:push and the API do, but with no purge reaching this data centre: only the
  // cache's own freshness rules bring the change.
  beforeEach(() => publishSource('ko/putin-kim-pact', SEED))

  it('is not shown while the cached copy is fresh', async () => {
    await get('/ko/putin-kim-pact')
    await publishSource('ko/putin-kim-pact', SEED_V2)
    later(20)
    const res = await get('/ko/putin-kim-pact')
    expect(res.header('x-cache')).toBe('HIT')
    expect(res.body).not.toContain('긴급 푸틴')
  })

  it('is rendered in the background once the copy is 30 s old, and served from then on', async () => {
    await get('/ko/putin-kim-pact')
    await publishSource('ko/putin-kim-pact', SEED_V2)
    later(40)
    const stale = await get('/ko/putin-kim-pact')
    expect(stale.header('x-cache')).toBe('STALE')
    expect(stale.header('age')).toBe('40')
    expect(stale.body).not.toContain('긴급 푸틴')
    const next = await get('/ko/putin-kim-pact')
    expect(next.header('x-cache')).toBe('HIT')
    expect(next.body).toContain('<h1>긴급 푸틴 김정은')
  })

  it('is served at once when the copy is older than 60 s: no reader sees an older version', async () => {
    await get('/ko/putin-kim-pact')
    await publishSource('ko/putin-kim-pact', SEED_V2)
    later(61)
    const res = await get('/ko/putin-kim-pact')
    expect(res.header('x-cache')).toBe('MISS')
    expect(res.body).toContain('<h1>긴급 푸틴')
  })

  it('that is broken and put by hand leaves the previous version served', async () => {
    await get('/ko/putin-kim-pact')
    await putKv(
      env.ARTICLES_KV,
      'ko/putin-kim-pact',
      '---\ntitle: [broken\n---\n',
      'ko/putin-kim-pact.html',
    )
    later(61)
    const res = await get('/ko/putin-kim-pact')
    expect(res.status).toBe(200)
    expect(res.body).toContain('푸틴 김정은 북·러 침략시 상호지원 협정에 동의')
  })

  it('that is broken, with nothing derived to fall back on, is covered by the cached copy, marked STALE', async () => {
    await get('/ko/putin-kim-pact')
    await putKv(
      env.ARTICLES_KV,
      'ko/putin-kim-pact',
      '---\ntitle: [broken\n---\n',
      'ko/putin-kim-pact.html',
    )
    await env.ARTICLES_KV.delete('_/derived/ko/putin-kim-pact') // as after a renderer upgrade
    later(61)
    const res = await get('/ko/putin-kim-pact')
    expect(res.status).toBe(200)
    expect(res.header('x-cache')).toBe('STALE')
    expect(res.body).toContain('푸틴 김정은 북·러 침략시 상호지원 협정에 동의')
  })
})

describe('a storage failure', () => {
  beforeEach(() => publishSource('ko/putin-kim-pact', SEED))

  it('is covered by the cached copy, marked STALE', async () => {
    await get('/ko/putin-kim-pact')
    later(3600)
    const res = await get('/ko/putin-kim-pact', {}, { ARTICLES_KV: failingKv(), ...kvOnly })
    expect(res.status).toBe(200)
    expect(res.header('x-cache')).toBe('STALE')
    expect(res.body).toContain('<h1>푸틴 김정은')
  })

  it('without a cached copy is a localized 503 with Retry-After, never a stack trace, and is not cached', async () => {
    const res = await get(
      '/ko/putin-kim-pact',
      {},
      { ARTICLES_KV: failingKv('secret internals at kv.ts:42'), ...kvOnly },
    )
    expect(res.status).toBe(503)
    expect(res.header('retry-after')).toBe('30')
    expect(res.header('cache-control')).toBe('no-store')
    expect(res.body).toContain('잠시 후 다시 시도해 주세요')
    expect(res.body).not.toContain('kv.ts')
    const after = await get('/ko/putin-kim-pact')
    expect(after.status).toBe(200)
    expect(after.header('x-cache')).toBe('MISS')
  })

  it('that returns a truncated value is a fault too: the cached copy, or a 503, never half an article', async () => {
    const whole = await env.ARTICLES_KV.getWithMetadata('ko/putin-kim-pact', 'text')
    const sha256 = await sha256Hex(new TextEncoder().encode(whole.value!).buffer as ArrayBuffer)
    await get('/ko/putin-kim-pact')
    await env.ARTICLES_KV.put('ko/putin-kim-pact', whole.value!.slice(0, 200), {
      metadata: { ...(whole.metadata as object), sha256 },
    })
    await env.ARTICLES_KV.delete('_/derived/ko/putin-kim-pact') // so the source itself must be read
    later(3600)
    const stale = await get('/ko/putin-kim-pact', {}, kvOnly)
    expect(stale.header('x-cache')).toBe('STALE')
    expect(stale.body).toContain('김정은 국무위원장의 강조')
    origin = 'https://truncated.example' // no cached copy here
    const res = await get('/ko/putin-kim-pact', {}, kvOnly)
    expect(res.status).toBe(503)
  })

  it('that hangs counts as a failure after STORAGE_TIMEOUT_MS', async () => {
    const res = await get(
      '/ko/putin-kim-pact',
      {},
      {
        ARTICLES_KV: hangingKv(),
        STORAGE_TIMEOUT_MS: '200',
        ...kvOnly,
      },
    )
    expect(res.status).toBe(503)
  })
})

describe('a missing article', () => {
  it('is remembered as a short-lived 404, so a storm on a dead link reads storage once', async () => {
    const first = await get('/ko/no-such-article')
    expect(first.status).toBe(404)
    expect(first.header('x-cache')).toBe('MISS')
    expect(first.header('cache-control')).toBe('public, max-age=30')
    const second = await get('/ko/no-such-article', {}, { ARTICLES_KV: failingKv(), ...kvOnly })
    expect(second.status).toBe(404)
    expect(second.header('x-cache')).toBe('HIT')
    later(31)
    await putKv(env.ARTICLES_KV, 'ko/no-such-article', SEED, 'ko/no-such-article.html')
    expect((await get('/ko/no-such-article')).status).toBe(200)
  })

  it('and a draft never leave their content in the cache', async () => {
    await putKv(
      env.ARTICLES_KV,
      'ko/draft',
      '---\ntitle: 비공개 초안\npublished: false\n---\n<p>아직 비밀</p>',
      'ko/draft.html',
    )
    const res = await get('/ko/draft')
    expect(res.status).toBe(404)
    const cached = await (
      await caches.open('articles')
    ).match(cacheKey(origin, { kind: 'article', variant: 'html', lang: 'ko', slug: 'draft' }))
    expect(await cached?.text()).not.toContain('아직 비밀')
  })

  it('a bad slug is refused and not cached', async () => {
    const res = await get('/ko/a%2Fb')
    expect(res.status).toBe(400)
    expect(res.header('x-cache')).toBeNull()
    expect(res.header('cache-control')).toBe('no-store')
  })
})
