/**
 * Workers Cache keys on path and query string: without a canonical key every `?fbclid=` click from
 * Facebook and every `?utm_*` newsletter link would be its own entry and its own run of the Worker.
 * The front entrypoint forwards reads to the cached one (`Site`) through `ctx.exports` with
 * `cf.cacheKey`; here the Workers Cache stand-in sits in front of `Site` as Cloudflare's does.
 */
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { app, front } from '../../src'
import { publishSource } from '../helpers/content'
import { FakeWorkersCache } from '../helpers/workers-cache'

const ORIGIN = 'https://cache-key.example'
const edge = new FakeWorkersCache()
let runs: string[] = []

/** A request as Cloudflare delivers it: to the front entrypoint, whose `ctx.exports.Site` is cached. */
async function get(path: string): Promise<Response> {
  const ctx = createExecutionContext()
  const siteEnv = { ...env, BASE_URL: ORIGIN }
  const Site = {
    fetch: (request: Request, init: { cf?: { cacheKey?: string } } = {}) =>
      edge.serve(
        request,
        async (forwarded) => {
          runs.push(new URL(forwarded.url).pathname + new URL(forwarded.url).search)
          const inner = createExecutionContext()
          Object.assign(inner, { cache: edge.contextFor('Site') })
          const response = await app.fetch(forwarded, siteEnv, inner)
          await waitOnExecutionContext(inner)
          return response
        },
        { entrypoint: 'Site', cacheKey: init.cf?.cacheKey },
      ),
  }
  Object.assign(ctx, { exports: { Site } })
  const response = await front(new Request(`${ORIGIN}${path}`), siteEnv, ctx)
  await waitOnExecutionContext(ctx)
  return response
}

beforeAll(async () => {
  await publishSource('ko/x', '---\ntitle: 캐시 키\ndate: 2024-01-01\n---\n<p>본문</p>')
})

describe('canonical cache keys', () => {
  it('make /ko/x?fbclid=1 and /ko/x?fbclid=2 one entry and one run of the site', async () => {
    runs = []
    const first = await get('/ko/x?fbclid=1')
    const second = await get('/ko/x?fbclid=2')
    const third = await get('/ko/x?utm_source=kakao&utm_medium=social&gclid=z')
    expect(first.status).toBe(200)
    expect(first.headers.get('cf-cache-status')).toBe('MISS')
    expect(second.headers.get('cf-cache-status')).toBe('HIT')
    expect(third.headers.get('cf-cache-status')).toBe('HIT')
    expect(await third.text()).toContain('<h1>캐시 키</h1>')
    expect(runs).toEqual(['/ko/x'])
    expect(edge.keys().filter((k) => k.startsWith('/ko/x'))).toEqual(['/ko/x'])
  })

  it('keep what a route reads, in one order: the search query splits, tracking does not', async () => {
    runs = []
    await get('/ko/search?q=%ED%82%A4&fbclid=1&page=1')
    await get('/ko/search?page=1&q=%ED%82%A4&utm_campaign=x')
    await get('/ko/search?q=other')
    expect(runs).toEqual(['/ko/search?page=1&q=%ED%82%A4', '/ko/search?q=other'])
  })
})
