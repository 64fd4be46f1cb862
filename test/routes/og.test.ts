/**
 * Share cards end to end inside workerd: pages point their previews at /og/<lang>/<slug>.<version>.png,
 * and that route reaches the real card Worker (og/, built by vitest.config.ts) through the real
 * service binding. Expected URLs are worked out here from the source bytes, not by the code under
 * test; PNGs are judged by decoding them.
 */
import { env } from 'cloudflare:workers'
import { beforeEach, describe, expect, it } from 'vitest'
import { decode, inked, TITLE_BOX } from '../../og/test/png'
import { SEED } from '../helpers/seed'
import { readPage } from '../helpers/html'
import { client } from '../helpers/request'
import { FakeWorkersCache } from '../helpers/workers-cache'

const TOKEN = 'og-route-token-0123456789'
const auth = { authorization: `Bearer ${TOKEN}` }
const SEED_TITLE = '푸틴 김정은 북·러 침략시 상호지원 협정에 동의'

let n = 0
let origin: string
let site: ReturnType<typeof client>
beforeEach(() => {
  origin = `https://og-${++n}.example`
  site = client(origin, { BASE_URL: origin, ADMIN_TOKEN: TOKEN })
})

/** A Korean article with no image of its own. */
const plain = (title: string) =>
  `---\ntitle: ${title}\ndate: 2024-06-19 10:30:00 +0900\ncategories: [국제, News]\n---\n<p>${title} 본문입니다.</p>\n`

const publish = (via: ReturnType<typeof client>, key: string, text: string) =>
  via.call(`/admin/articles/${key}`, { method: 'PUT', body: text, headers: auth })

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('')
}

/** The card URL a source should get: its SHA-256's first 12 hex digits. */
const expectedCard = async (lang: string, slug: string, text: string) =>
  `${origin}/og/${lang}/${encodeURIComponent(slug)}.${(await sha256Hex(text)).slice(0, 12)}.png`

/** The card Worker binding, counting the calls that reach it. */
function countingOg() {
  const calls: string[] = []
  const og = {
    fetch: (input: RequestInfo | URL, init?: RequestInit) => {
      calls.push(String(input instanceof Request ? input.url : input))
      return env.OG.fetch(input, init)
    },
  } as Fetcher
  return { calls, bindings: { OG: og } as Partial<Env> }
}

describe('pages of articles without an image', () => {
  it('point og:image, twitter:image and JSON-LD at the versioned card, 1200×630 PNG', async () => {
    const text = plain('서울 첫 폭염주의보 발령')
    expect((await publish(site, `ko/heat-${n}`, text)).status).toBe(201)
    const card = await expectedCard('ko', `heat-${n}`, text)
    const page = readPage((await site.get(`/ko/heat-${n}`)).body)
    expect(page.meta('og:image')).toBe(card)
    expect(page.meta('og:image:secure_url')).toBe(card)
    expect(page.meta('og:image:type')).toBe('image/png')
    expect(page.meta('og:image:width')).toBe('1200')
    expect(page.meta('og:image:height')).toBe('630')
    expect(page.meta('og:image:alt')).toBe('서울 첫 폭염주의보 발령')
    expect(page.meta('twitter:card')).toBe('summary_large_image')
    expect(page.meta('twitter:image')).toBe(card)
    expect(page.meta('twitter:image:alt')).toBe('서울 첫 폭염주의보 발령')
    const ld = page.jsonLd() as { image: { url: string; width: number; height: number }[] }
    expect(ld.image[0]).toMatchObject({ url: card, width: 1200, height: 630 })
    // The JSON API carries the same tags.
    const json = (await site.get(`/api/articles/ko/heat-${n}`)).json<{
      meta: { tags: { property?: string; content: string }[] }
    }>()
    expect(json.meta.tags).toContainEqual({ property: 'og:image', content: card })
  })

  it('get a new card URL when the source changes', async () => {
    const first = plain('첫 번째 제목')
    const second = plain('두 번째 제목')
    await publish(site, `ko/edit-${n}`, first)
    const before = readPage((await site.get(`/ko/edit-${n}`)).body).meta('og:image')
    await publish(site, `ko/edit-${n}`, second)
    const after = readPage((await site.get(`/ko/edit-${n}`)).body).meta('og:image')
    expect(before).toBe(await expectedCard('ko', `edit-${n}`, first))
    expect(after).toBe(await expectedCard('ko', `edit-${n}`, second))
    expect(after).not.toBe(before)
  })

  it('show the card in every mock-up of the inspector, with no image warnings', async () => {
    const text = plain('인스펙터 확인용 기사')
    await publish(site, `ko/inspect-${n}`, text)
    const card = await expectedCard('ko', `inspect-${n}`, text)
    const inspector = await site.get(`/preview/ko/inspect-${n}`)
    const mocks = readPage(inspector.body).all('.mock img')
    expect(mocks).toHaveLength(6)
    for (const img of mocks) expect(img.getAttribute('src')).toBe(card)
    expect(inspector.body).not.toContain('no og:image')
    expect(inspector.body).not.toContain('has no width/height')
  })
})

describe('SHARE_IMAGES', () => {
  it('missing (the default): an article with its own image keeps it', async () => {
    await publish(site, `ko/seed-${n}`, SEED)
    const page = readPage((await site.get(`/ko/seed-${n}`)).body)
    expect(page.meta('og:image')).toBe(
      'https://newsdao.kr/res/images/meta/newsdao_breakingnews.jpg',
    )
    expect(page.meta('twitter:image')).toBe(page.meta('og:image'))
  })

  it('always: even an article with its own image is shown with its card', async () => {
    await publish(site, `ko/seed-${n}`, SEED)
    const page = readPage((await site.get(`/ko/seed-${n}`, {}, { SHARE_IMAGES: 'always' })).body)
    expect(page.meta('og:image')).toBe(await expectedCard('ko', `seed-${n}`, SEED))
    expect(page.meta('og:image:alt')).toBe(SEED_TITLE)
    // The page itself still shows the article's own picture.
    expect(page.all('img').map((img) => img.getAttribute('src'))).toContain(
      'https://newsdao.kr/res/images/meta/newsdao_breakingnews.jpg',
    )
  })

  it('off: no generated image, and the route is gone', async () => {
    const text = plain('카드 없는 기사')
    await publish(site, `ko/off-${n}`, text)
    const off = { SHARE_IMAGES: 'off' } as Partial<Env>
    const page = readPage((await site.get(`/ko/off-${n}`, {}, off)).body)
    expect(page.meta('og:image')).toBeUndefined()
    expect(page.meta('twitter:card')).toBe('summary')
    const card = (await expectedCard('ko', `off-${n}`, text)).slice(origin.length)
    expect((await site.get(card, {}, off)).status).toBe(404)
  })
})

const pathOf = (url: string) => url.slice(origin.length)

describe('GET /og/<lang>/<slug>.<version>.png', () => {
  it("draws the seed's Korean title on a 1200×630 PNG, kept a year and served from the cache", async () => {
    await publish(site, `ko/seed-${n}`, SEED)
    const path = pathOf(await expectedCard('ko', `seed-${n}`, SEED))
    const { calls, bindings } = countingOg()
    const res = await site.get(path, {}, bindings)
    expect(res.status).toBe(200)
    expect(res.header('content-type')).toBe('image/png')
    expect(res.header('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(res.header('x-cache')).toBe('MISS')
    // Other sites show it (chat apps' web clients): not limited to our own pages.
    expect(res.header('cross-origin-resource-policy')).toBe('cross-origin')
    const img = decode(res.bytes)
    expect([img.width, img.height]).toEqual([1200, 630])
    expect(inked(img, TITLE_BOX)).toBeGreaterThan(10_000)
    // What the card Worker was asked to draw: the article's facts, from the index.
    const asked = new URL(calls[0]!).searchParams
    expect(Object.fromEntries(asked)).toEqual({
      title: SEED_TITLE,
      section: 'News',
      date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T[\d:]+\+09:00$/) as string, // first upload
      site: 'Edge Press',
      lang: 'ko',
    })
    const again = await site.get(path, {}, bindings)
    expect(again.header('x-cache')).toBe('HIT')
    expect(again.bytes).toEqual(res.bytes)
    expect(calls).toHaveLength(1) // a hit draws nothing
  })

  it('refuses unknown articles and malformed versions without drawing', async () => {
    const text = plain('있는 기사')
    await publish(site, `ko/known-${n}`, text)
    const version = (await sha256Hex(text)).slice(0, 12)
    const { calls, bindings } = countingOg()
    for (const path of [
      `/og/ko/unknown-${n}.${version}.png`, // no such article
      `/og/en/known-${n}.${version}.png`, // not in this language
      `/og/xx/known-${n}.${version}.png`, // not a language of the site
      `/og/ko/known-${n}.${version.slice(0, 11)}.png`, // not a version
      `/og/ko/known-${n}.${version.toUpperCase()}.png`,
      `/og/ko/known-${n}.png`,
      `/og/ko/known-${n}.${version}.jpg`,
    ]) {
      const res = await site.get(path, {}, bindings)
      expect(res.status, path).toBe(404)
    }
    expect(calls).toEqual([])
  })

  it('redirects an old version to the current card without drawing the old one', async () => {
    const first = plain('고쳐지기 전 제목')
    const second = plain('고쳐진 뒤 제목')
    await publish(site, `ko/moved-${n}`, first)
    const old = pathOf(await expectedCard('ko', `moved-${n}`, first))
    expect((await site.get(old)).status).toBe(200) // drawn and cached
    await publish(site, `ko/moved-${n}`, second) // purges the article, its card included
    const current = await expectedCard('ko', `moved-${n}`, second)
    const { calls, bindings } = countingOg()
    const res = await site.get(old, {}, bindings)
    expect(res.status).toBe(302)
    expect(res.header('location')).toBe(current)
    expect(res.header('cache-control')).toBe('private, no-store')
    expect(calls).toEqual([])
    expect((await site.get(pathOf(current), {}, bindings)).status).toBe(200)
    expect(calls).toHaveLength(1)
    // With the current card in the cache, the old URL still leads there, not to that copy.
    const again = await site.get(old, {}, bindings)
    expect(again.status).toBe(302)
    expect(calls).toHaveLength(1)
  })

  it('answers 503 when the card Worker is missing or failing, and pages still render', async () => {
    const text = plain('카드 Worker 없이')
    await publish(site, `ko/down-${n}`, text)
    const path = pathOf(await expectedCard('ko', `down-${n}`, text))
    const failing = {
      fetch: () => Promise.reject(new Error('connection refused')),
    } as unknown as Fetcher
    const broken = {
      fetch: () => Promise.resolve(new Response('oops', { status: 500 })),
    } as unknown as Fetcher
    for (const OG of [undefined, failing, broken]) {
      const res = await site.get(path, {}, { OG })
      expect(res.status).toBe(503)
      expect(res.header('retry-after')).toBe('30')
      expect(res.header('x-cache')).not.toBe('HIT')
    }
    // Not kept: the next request, with the Worker back, gets the card.
    expect((await site.get(path)).status).toBe(200)
    // Without the binding, pages go without a generated image.
    const page = readPage((await site.get(`/ko/down-${n}`, {}, { OG: undefined })).body)
    expect(page.meta('og:image')).toBeUndefined()
  })
})

describe('share cards behind Workers Cache', () => {
  it('carry the immutable rule and the article tag, so a publish purges them', async () => {
    const edge = new FakeWorkersCache()
    const cdn = client(origin, { BASE_URL: origin, ADMIN_TOKEN: TOKEN }, edge)
    const text = plain('엣지 캐시 카드')
    await publish(cdn, `ko/edge-${n}`, text)
    const path = pathOf(await expectedCard('ko', `edge-${n}`, text))
    const first = await cdn.get(path)
    expect(first.status).toBe(200)
    expect(first.header('cf-cache-status')).toBe('MISS')
    expect(first.header('cache-control')).toBe('public, max-age=31536000, immutable')
    expect((await cdn.get(path)).header('cf-cache-status')).toBe('HIT')
    await publish(cdn, `ko/edge-${n}`, plain('엣지 캐시 카드 수정'))
    expect(edge.purges.flat()).toContain(`a:ko/edge-${n}`)
    expect(edge.keys()).not.toContain(path)
    expect((await cdn.get(path)).status).toBe(302)
  })
})
