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

  it('answer a revalidation of the current version with 304 from the index alone', async () => {
    const first = await client(origin, { BASE_URL: origin }, new FakeWorkersCache()).get(
      `/ko/alpha-${n}`,
    )
    const storeless = { ARTICLES_KV: undefined, ARTICLES_R2: undefined } as unknown as Partial<Env>
    const again = await client(origin, { BASE_URL: origin }, new FakeWorkersCache()).get(
      `/ko/alpha-${n}`,
      { 'if-none-match': first.header('etag')! },
      storeless,
    )
    expect(again.status).toBe(304)
    expect(again.header('cache-control')).toBe('public, max-age=60')
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
    edge.refuse = true
    const published = await put(`ko/alpha-${n}`, source('알파 재시도', ['World']))
    const { purged } = published.json<{ purged: { errors: string[]; retrying: number } }>()
    expect(purged.errors.join()).toContain('rate limit')
    expect(purged.retrying).toBeGreaterThan(0)
    // Until then the edge still has the old page…
    expect((await site.get(`/ko/alpha-${n}`)).body).toContain('알파 원래')
    edge.refuse = false
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
    await put(`ko/delta-${n}`, dated('델타', '2030-01-01'))
    // The newest article: its page has no "next" yet.
    expect((await site.get(`/ko/delta-${n}`)).body).not.toContain('rel="next"')
    expect((await site.get(`/ko/delta-${n}`)).header('cf-cache-status')).toBe('HIT')
    await put(`ko/epsilon-${n}`, dated('엡실론', '2030-01-02'))
    const delta = await site.get(`/ko/delta-${n}`)
    expect(delta.header('cf-cache-status')).toBe('MISS')
    expect(delta.body).toContain(`href="/ko/epsilon-${n}"`)
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
