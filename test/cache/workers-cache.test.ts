/**
 * The production path: Workers Cache in front of the Worker, keeping responses by the headers the
 * Worker sends and dropping them when a publish purges their tags, in every location at once.
 * Workers Cache has no local implementation, so a stand-in that follows its documented behaviour
 * sits in front (test/helpers/workers-cache.ts); the Worker, KV, R2 and D1 are the real ones.
 */
import {
  createExecutionContext,
  createScheduledController,
  waitOnExecutionContext,
} from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { beforeEach, describe, expect, it } from 'vitest'
import { scheduled } from '../../src/scheduled'
import { putKv } from '../helpers/content'
import { client } from '../helpers/request'
import { FakeWorkersCache } from '../helpers/workers-cache'

const TOKEN = 'workers-cache-token-0123'
let n = 0
let origin: string
let edge: FakeWorkersCache
let site: ReturnType<typeof client>
const auth = { authorization: `Bearer ${TOKEN}` }

const source = (title: string, categories: string[], tags: string[] = []) =>
  `---\ntitle: ${title}\ndate: 2024-06-0${categories.length + 1}\ncategories: [${categories.join(', ')}]\ntags: [${tags.join(', ')}]\n---\n<p>${title} 본문입니다.</p>\n`

const put = (path: string, body: string) =>
  site.call(`/admin/articles/${path}`, { method: 'PUT', body, headers: auth })

/**
 * The Cron Trigger firing where Workers Cache exists: its work as the cached entrypoint runs it
 * (index.ts `Site.reconcile`), whose purges reach the site's cache.
 */
async function tick() {
  const ctx = createExecutionContext()
  Object.assign(ctx, { cache: edge.context })
  await scheduled(
    createScheduledController({ cron: '*/5 * * * *', scheduledTime: Date.now() }),
    { ...env, BASE_URL: origin },
    ctx,
  )
  await waitOnExecutionContext(ctx)
}

beforeEach(async () => {
  origin = `https://wc-${++n}.example`
  edge = new FakeWorkersCache()
  site = client(origin, { BASE_URL: origin, ADMIN_TOKEN: TOKEN }, edge)
  // Each test its own slugs, so the shared index of this file does not mix them.
  await put(`ko/alpha-${n}`, source('알파 원래', ['World'], ['Summit']))
  await put(`en/alpha-${n}`, source('Alpha original', ['World']))
  await put(`ko/beta-${n}`, source('베타 기사', ['Economy']))
})

describe('responses for Workers Cache', () => {
  it('carry the edge rule and the tags of what they show', async () => {
    const page = await site.get(`/ko/alpha-${n}`)
    expect(page.header('cf-cache-status')).toBe('MISS')
    // Cloudflare reads and strips the edge rule; browsers keep a page a minute.
    expect(page.header('cache-control')).toBe('public, max-age=60')
    expect(page.header('cloudflare-cdn-cache-control')).toBeNull()
    expect((await site.get(`/ko/alpha-${n}`)).header('cf-cache-status')).toBe('HIT')
    expect(edge.keys()).toContain(`/ko/alpha-${n}`)
  })

  it('are served by the edge without running the Worker again', async () => {
    await site.get(`/ko/alpha-${n}`)
    const broken = { ARTICLES_KV: undefined, ARTICLES_R2: undefined } as unknown as Partial<Env>
    const again = await site.get(`/ko/alpha-${n}`, {}, broken)
    expect(again.status).toBe(200)
    expect(again.body).toContain('알파 원래')
  })

  it('never keep what is personal or secret: the admin list, errors, redirects by language', async () => {
    const list = await site.get('/admin/articles', auth)
    expect(list.status).toBe(200)
    const stranger = await site.get('/admin/articles')
    expect(stranger.status).toBe(401)
    expect(stranger.body).not.toContain('alpha')
    expect((await site.get('/ko/a%2Fb')).header('cf-cache-status')).toBe('BYPASS')
    const chosen = await site.get('/', { 'accept-language': 'en' })
    expect(chosen.status).toBe(302)
    expect((await site.get('/', { 'accept-language': 'ja' })).header('location')).toMatch(/\/ja\/$/)
  })

  it('stay out of Workers Cache without BASE_URL, whose key has no host', async () => {
    const hostless = client(origin, { ADMIN_TOKEN: TOKEN }, edge)
    const page = await hostless.get(`/ko/beta-${n}`)
    expect(page.status).toBe(200)
    expect(page.header('cf-cache-status')).toBe('BYPASS')
    expect(edge.keys()).not.toContain(`/ko/beta-${n}`)
  })

  it('are served as HEAD from a GET fill, and a cold HEAD fills the GET', async () => {
    const head = await site.call(`/ko/beta-${n}`, { method: 'HEAD' })
    expect(head.header('cf-cache-status')).toBe('MISS')
    expect(head.body).toBe('')
    const page = await site.get(`/ko/beta-${n}`)
    expect(page.header('cf-cache-status')).toBe('HIT')
    expect(page.body).toContain('베타 기사')
    const again = await site.call(`/ko/beta-${n}`, { method: 'HEAD' })
    expect(again.header('cf-cache-status')).toBe('HIT')
    expect(again.header('content-type')).toBe(page.header('content-type'))
    expect(again.header('etag')).toBe(page.header('etag'))
  })

  it('start from a cold cache after a deployment (the version is in the key)', async () => {
    await site.get(`/ko/alpha-${n}`)
    edge.deploy('version-2')
    expect((await site.get(`/ko/alpha-${n}`)).header('cf-cache-status')).toBe('MISS')
  })

  it("keep every tag through the cache's check: labels in any script, of any length", async () => {
    // A label of four-byte characters: past 1024 characters once percent-encoded.
    const label = '𠜎'.repeat(90)
    expect((await put(`ko/gamma-${n}`, source('감마', [label], ['정상 회담']))).status).toBe(201)
    const urls = [
      `/ko/gamma-${n}`,
      `/ko/category/${encodeURIComponent(label)}`,
      `/ko/tag/${encodeURIComponent('정상 회담')}`,
    ]
    for (const url of urls) {
      expect((await site.get(url)).status, url).toBe(200)
      expect((await site.get(url)).header('cf-cache-status'), url).toBe('HIT')
    }
    await put(`ko/gamma-${n}`, source('감마 수정', [label], ['정상 회담']))
    for (const url of urls) {
      const after = await site.get(url)
      expect(after.header('cf-cache-status'), url).toBe('MISS')
      expect(after.body, url).toContain('감마 수정')
    }
  })
})

describe('an edge copy past its time', () => {
  /** What the page costs without article storage: only the D1 index answers. */
  const storeless = { ARTICLES_KV: undefined, ARTICLES_R2: undefined } as unknown as Partial<Env>
  /** Nothing works: storage and the index both gone. */
  const down = { ...storeless, ARTICLES_DB: undefined } as unknown as Partial<Env>
  const EDGE = 86_400 // CACHE_EDGE_SECONDS
  const SWR = 3_600 // stale-while-revalidate, capped at an hour

  it('is served at once while the cache revalidates it with its ETag; the Worker answers 304', async () => {
    const first = await site.get(`/ko/alpha-${n}`)
    edge.advance(EDGE + 1)
    // Without KV and R2 only a 304 from the index can renew the copy: a full render would fail.
    const stale = await site.get(`/ko/alpha-${n}`, {}, storeless)
    expect(stale.header('cf-cache-status')).toBe('UPDATING')
    expect(stale.body).toBe(first.body)
    expect(edge.revalidations.map((r) => r.headers.get('if-none-match'))).toEqual([
      first.header('etag'),
    ])
    const renewed = await site.get(`/ko/alpha-${n}`, {}, storeless)
    expect(renewed.header('cf-cache-status')).toBe('HIT')
    expect(renewed.body).toBe(first.body)
  })

  it('past stale-while-revalidate waits for the conditional revalidation: a 304 keeps the body', async () => {
    const first = await site.get(`/ko/alpha-${n}`)
    edge.advance(EDGE + SWR + 1)
    const again = await site.get(`/ko/alpha-${n}`, {}, storeless)
    expect(again.status).toBe(200)
    expect(again.header('cf-cache-status')).toBe('REVALIDATED')
    expect(again.body).toBe(first.body)
    expect(again.header('cache-control')).toBe('public, max-age=60')
  })

  it('whose source changed is replaced by the full new page', async () => {
    await site.get(`/ko/beta-${n}`)
    await putKv(
      env.ARTICLES_KV,
      `ko/beta-${n}`,
      source('베타 조용히', ['Economy']),
      `ko/beta-${n}.html`,
    )
    await tick() // the Cron Trigger indexes the hand edit (and purges it; the test does not rely on it)
    edge.advance(EDGE + SWR + 1)
    const again = await site.get(`/ko/beta-${n}`)
    expect(['MISS', 'EXPIRED']).toContain(again.header('cf-cache-status'))
    expect(again.body).toContain('베타 조용히')
  })

  it('stands in for a failing Worker within stale-if-error, then lets the error through', async () => {
    const first = await site.get(`/ko/alpha-${n}`)
    edge.advance(EDGE + SWR + 1)
    const stale = await site.get(`/ko/alpha-${n}`, {}, down)
    expect(stale.status).toBe(200)
    expect(stale.header('cf-cache-status')).toBe('STALE')
    expect(stale.body).toBe(first.body)
    edge.advance(86_400) // CACHE_ERROR_SECONDS later
    expect((await site.get(`/ko/alpha-${n}`, {}, down)).status).toBeGreaterThanOrEqual(500)
  })

  it('of a 404 is never served for a failing Worker (stale-if-error=0)', async () => {
    expect((await site.get(`/ko/nowhere-${n}`)).status).toBe(404)
    expect((await site.get(`/ko/nowhere-${n}`)).header('cf-cache-status')).toBe('HIT')
    edge.advance(601)
    expect((await site.get(`/ko/nowhere-${n}`, {}, down)).status).toBeGreaterThanOrEqual(500)
  })
})

describe('a publish', () => {
  /** Every kind of cached response, some showing the changed article and some not. */
  const urls = () => ({
    showing: [
      `/ko/alpha-${n}`,
      `/api/articles/ko/alpha-${n}`,
      `/oembed?url=${encodeURIComponent(`${origin}/ko/alpha-${n}`)}`,
      `/oembed?url=${encodeURIComponent(`${origin}/ko/alpha-${n}`)}&maxwidth=400`,
      // The English version lists the Korean one in its switcher and hreflang.
      `/en/alpha-${n}`,
      `/api/articles/en/alpha-${n}`,
      '/ko/',
      '/ko/category/World',
      '/ko/category/world',
      '/ko/tag/Summit',
      '/ko/feed.xml',
      '/sitemap.xml',
      `/ko/search?q=${encodeURIComponent('알파')}`,
      `/api/search?lang=ko&q=${encodeURIComponent('알파')}`,
    ],
    notShowing: [
      `/ko/beta-${n}`,
      '/ko/category/Economy',
      '/en/',
      '/en/category/World',
      '/en/feed.xml',
      '/ja/',
    ],
  })

  it('purges everything that shows the article, everywhere, and nothing else', async () => {
    const { showing, notShowing } = urls()
    for (const url of [...showing, ...notShowing]) {
      const res = await site.get(url)
      expect(res.status, url).toBe(200)
      expect((await site.get(url)).header('cf-cache-status'), url).toBe('HIT')
    }
    const published = await put(`ko/alpha-${n}`, source('알파 수정', ['World'], ['Summit']))
    expect(published.status).toBe(200)
    expect(published.json<{ purged: { via: string; errors: string[] } }>().purged).toMatchObject({
      via: 'workers-cache',
      errors: [],
    })
    for (const url of showing)
      expect((await site.get(url)).header('cf-cache-status'), url).toBe('MISS')
    for (const url of notShowing)
      expect((await site.get(url)).header('cf-cache-status'), url).toBe('HIT')
    expect((await site.get('/ko/')).body).toContain('알파 수정')
    expect((await site.get(`/en/alpha-${n}`)).body).toContain('알파 수정')
  })

  it('that leaves a category purges that category too', async () => {
    await site.get('/ko/category/World')
    await put(`ko/alpha-${n}`, source('알파 이동', ['Economy']))
    const world = await site.get('/ko/category/World')
    expect(world.header('cf-cache-status')).toBe('MISS')
    expect(world.body).not.toContain('알파 이동')
  })

  it('whose purge is refused (rate limit) is purged again by the Cron Trigger', async () => {
    await site.get(`/ko/alpha-${n}`)
    // Someone used up the purge bucket (the Free tier's 25 calls, refilled at 5 a minute).
    while ((await edge.context.purge({ tags: ['unrelated'] })).success);
    const published = await put(`ko/alpha-${n}`, source('알파 재시도', ['World']))
    const { purged } = published.json<{ purged: { errors: string[]; retrying: number } }>()
    expect(purged.errors.join()).toContain('rate limit')
    expect(purged.retrying).toBeGreaterThan(0)
    // Until then the edge still has the old page…
    expect((await site.get(`/ko/alpha-${n}`)).body).toContain('알파 원래')
    edge.advance(60) // the bucket refills: five calls
    await tick()
    // …and after the next run, the new one.
    const after = await site.get(`/ko/alpha-${n}`)
    expect(after.header('cf-cache-status')).toBe('MISS')
    expect(after.body).toContain('알파 재시도')
    const left = await env.ARTICLES_DB.prepare('SELECT count(*) AS n FROM pending_purges').first<{
      n: number
    }>()
    expect(left?.n).toBe(0)
  })

  it('made by hand in KV is purged once the Cron Trigger indexes it', async () => {
    await site.get(`/ko/beta-${n}`)
    await putKv(
      env.ARTICLES_KV,
      `ko/beta-${n}`,
      source('베타 손수정', ['Economy']),
      `ko/beta-${n}.html`,
    )
    expect((await site.get(`/ko/beta-${n}`)).body).toContain('베타 기사')
    await tick()
    const after = await site.get(`/ko/beta-${n}`)
    expect(after.header('cf-cache-status')).toBe('MISS')
    expect(after.body).toContain('베타 손수정')
  })

  it('of a new article purges the pages whose footer now links to it', async () => {
    const dated = (title: string, date: string) =>
      `---\ntitle: ${title}\ndate: ${date}\ncategories: [Economy]\n---\n<p>${title}</p>\n`
    await put(`ko/delta-${n}`, dated('델타', '2026-01-01'))
    // The newest article: its page has no "next" yet.
    expect((await site.get(`/ko/delta-${n}`)).body).not.toContain('rel="next"')
    expect((await site.get(`/ko/delta-${n}`)).header('cf-cache-status')).toBe('HIT')
    await put(`ko/epsilon-${n}`, dated('엡실론', '2026-01-02'))
    const delta = await site.get(`/ko/delta-${n}`)
    expect(delta.header('cf-cache-status')).toBe('MISS')
    expect(delta.body).toContain(`href="/ko/epsilon-${n}"`)
  })

  it('unpublished or retitled purges the pages whose related block shows it (their labels’ tags)', async () => {
    const tagged = (title: string, date: string, tags: string[]) =>
      `---\ntitle: ${title}\ndate: ${date}\ntags: [${tags.join(', ')}]\n---\n<p>${title}</p>\n`
    const [topic, extra] = [`Topic${n}`, `Extra${n}`]
    await put(`ko/page-${n}`, tagged('지면', '2019-01-01', [topic]))
    // Four stories closer to the shown one than the page is: its own block shows them, not the
    // page, so only the page's tags can say the page shows it.
    for (const i of [1, 2, 3, 4])
      await put(`ko/twin-${i}-${n}`, tagged(`쌍 ${i}`, `2023-01-0${i}`, [topic, extra]))
    await put(`ko/shown-${n}`, tagged('관련 원래', '2023-05-01', [topic, extra]))
    expect((await site.get(`/ko/page-${n}`)).body).toContain(`href="/ko/shown-${n}"`)
    expect((await site.get(`/ko/page-${n}`)).header('cf-cache-status')).toBe('HIT')

    await put(`ko/shown-${n}`, tagged('관련 새 제목', '2023-05-01', [topic, extra]))
    const retitled = await site.get(`/ko/page-${n}`)
    expect(retitled.header('cf-cache-status')).toBe('MISS')
    expect(retitled.body).toContain('관련 새 제목')

    const deleted = await site.call(`/admin/articles/ko/shown-${n}`, {
      method: 'DELETE',
      headers: auth,
    })
    expect(deleted.status).toBe(200)
    const after = await site.get(`/ko/page-${n}`)
    expect(after.header('cf-cache-status')).toBe('MISS')
    expect(after.body).not.toContain(`/ko/shown-${n}`)
  })

  it('of a missing article purges its kept 404', async () => {
    const missing = await site.get(`/ko/later-${n}`)
    expect(missing.status).toBe(404)
    // Dead links are answered by the edge, not by the Worker and its index queries, each time.
    expect((await site.get(`/ko/later-${n}`)).header('cf-cache-status')).toBe('HIT')
    expect((await put(`ko/later-${n}`, source('나중', ['World']))).status).toBe(201)
    const published = await site.get(`/ko/later-${n}`)
    expect(published.status).toBe(200)
    expect(published.body).toContain('나중')
  })

  it('deleted purges its page, which then answers 404', async () => {
    await site.get(`/ko/beta-${n}`)
    const deleted = await site.call(`/admin/articles/ko/beta-${n}`, {
      method: 'DELETE',
      headers: auth,
    })
    expect(deleted.status).toBe(200)
    expect((await site.get(`/ko/beta-${n}`)).status).toBe(404)
  })
})
