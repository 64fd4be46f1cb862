/**
 * One change, every way in: the publishing API, the writer as content:push and the test helpers call
 * it, and the reconciler (a source replaced by hand, found by the Cron Trigger) leave the same stored
 * state, and none leaves a listing stale — a category move drops the old category's and tag's cached
 * pages. A reader's request finds only sources the index has never seen (a replaced one is served
 * from its derived article until the reconciler comes): that case is the last test here.
 * content:push and live saves run in Node: test/node/content-push.test.ts.
 */
import {
  createExecutionContext,
  createScheduledController,
  waitOnExecutionContext,
} from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { scheduled } from '../../src/scheduled'
import { buildOrigin } from '../../src/articles/derived'
import { purgeTags } from '../../src/cache/purge'
import { siteConfig } from '../../src/config'
import { indexDb } from '../../src/listing/db'
import { reconcile } from '../../src/publish/reconcile'
import { writeArticles } from '../../src/publish/write'
import { internalStore } from '../../src/source/internal'
import { kvDriver } from '../../src/source/kv'
import { sourceStore } from '../../src/source/store'
import { readPage } from '../helpers/html'
import { client } from '../helpers/request'

const TOKEN = 'writer-secret-0123456789'

const source = (title: string, category: string, tag: string) =>
  `---\ntitle: ${title}\ndate: 2024-05-01 09:00:00 +0900\ncategories: [${category}]\ntags: [${tag}]\n---\n<p>${title} 본문</p>`

const titlesOn = async (site: ReturnType<typeof client>, path: string) =>
  readPage((await site.get(path)).body)
    // Listing cards, or the front page's lead and latest stories.
    .all('.card h2 a, .front-latest :is(h2, h3) a')
    .map((a) => a.textContent)

/** The Cron Trigger firing on a site whose BASE_URL is `origin` (so it purges that origin's pages). */
async function tick(origin: string) {
  const ctx = createExecutionContext()
  // The cron's handler itself (the deployed one reaches it through the Site entrypoint).
  await scheduled(
    createScheduledController({ cron: '*/5 * * * *', scheduledTime: Date.now() }),
    { ...env, BASE_URL: origin },
    ctx,
  )
  await waitOnExecutionContext(ctx)
}

/** Each entry point: how it puts a source at `ko/<slug>` (and makes the site take it in). */
const entries: Record<
  string,
  (site: ReturnType<typeof client>, origin: string, slug: string, text: string) => Promise<void>
> = {
  'the publishing API': async (site, _origin, slug, text) => {
    const res = await site.call(`/admin/articles/ko/${slug}`, {
      method: 'PUT',
      body: text,
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'text/html' },
    })
    expect(res.status).toBeLessThan(300)
  },
  'the writer (content:push, live saves, test helpers)': async (_site, origin, slug, text) => {
    const config = siteConfig(env)
    const driver = kvDriver(env.ARTICLES_KV)
    const db = indexDb(env)
    await writeArticles({
      target: {
        stores: [
          { store: sourceStore(driver, { maxBytes: 1e6 }), internal: internalStore(driver) },
        ],
        db,
        origin: buildOrigin(config),
      },
      config,
      changes: [
        {
          kind: 'publish',
          key: `ko/${slug}`,
          bytes: new TextEncoder().encode(text),
          fileName: `ko/${slug}.html`,
        },
      ],
      purge: (tags) => purgeTags(tags, { origins: [origin], languages: config.languages, db }),
    })
  },
  'the reconciler (put by hand)': async (_site, origin, slug, text) => {
    await env.ARTICLES_KV.put(`ko/${slug}`, text)
    await tick(origin)
  },
}

let n = 0
describe('every entry point', () => {
  const rows: Record<string, Record<string, unknown>> = {}

  for (const [name, put] of Object.entries(entries)) {
    it(`${name}: a category and tag move leaves no listing stale`, async () => {
      const i = ++n
      const origin = `https://write-${i}.example`
      const site = client(origin, { ADMIN_TOKEN: TOKEN })
      const slug = `moved-${i}`
      const [oldCategory, newCategory, oldTag, newTag] = [
        `옛분류${i}`,
        `새분류${i}`,
        `옛태그${i}`,
        `새태그${i}`,
      ]
      await put(site, origin, slug, source(`처음 ${i}`, oldCategory, oldTag))
      // Readers load (and so cache) the listings that show it.
      expect(await titlesOn(site, `/ko/category/${oldCategory}`)).toEqual([`처음 ${i}`])
      expect(await titlesOn(site, `/ko/tag/${oldTag}`)).toEqual([`처음 ${i}`])
      expect(await titlesOn(site, '/ko/')).toContain(`처음 ${i}`)

      await put(site, origin, slug, source(`옮김 ${i}`, newCategory, newTag))

      expect((await site.get(`/ko/category/${oldCategory}`)).status).toBe(404)
      expect((await site.get(`/ko/tag/${oldTag}`)).status).toBe(404)
      expect(await titlesOn(site, `/ko/category/${newCategory}`)).toEqual([`옮김 ${i}`])
      expect(await titlesOn(site, `/ko/tag/${newTag}`)).toEqual([`옮김 ${i}`])
      const home = await titlesOn(site, '/ko/')
      expect(home).toContain(`옮김 ${i}`)
      expect(home).not.toContain(`처음 ${i}`)

      // Stored: the source with its hash and first upload, and the same index row whoever wrote it.
      const { metadata } = await env.ARTICLES_KV.getWithMetadata<Record<string, string>>(
        `ko/${slug}`,
      )
      expect(metadata?.sha256).toMatch(/^[0-9a-f]{64}$/)
      expect(metadata?.firstUploaded).toBeTruthy()
      expect(metadata?.modified).toBeTruthy() // the content changed: a real update
      const row = await env.ARTICLES_DB.prepare(
        'SELECT title, published_at, categories, tags, modified_at IS NOT NULL AS modified, source_sha256 FROM articles WHERE lang = ? AND slug = ?',
      )
        .bind('ko', slug)
        .first<Record<string, unknown>>()
      expect(row?.source_sha256).toBe(metadata?.sha256)
      rows[name] = {
        ...row,
        title: String(row?.title).replace(String(i), 'N'),
        categories: String(row?.categories).replace(String(i), 'N'),
        tags: String(row?.tags).replace(String(i), 'N'),
        source_sha256: undefined,
      }
    })
  }

  it('all wrote the same row', () => {
    const [first, ...rest] = Object.values(rows)
    expect(rest).toHaveLength(Object.keys(entries).length - 1)
    for (const row of rest) expect(row).toEqual(first)
  })
})

describe('a source put by hand and first read by a visitor', () => {
  it('is listed at once and recorded once, so the reconciler spends no build on it again', async () => {
    const origin = 'https://first-visitor.example'
    const site = client(origin)
    await site.get('/en/') // cached without it
    await env.ARTICLES_KV.put(
      'en/aaa-hand-read',
      '---\ntitle: Read first by a visitor\ndate: 2024-06-01\n---\n<p>x</p>',
    )
    expect((await site.get('/en/aaa-hand-read')).status).toBe(200)
    expect(await titlesOn(site, '/en/')).toContain('Read first by a visitor')
    const { metadata } =
      await env.ARTICLES_KV.getWithMetadata<Record<string, string>>('en/aaa-hand-read')
    expect(metadata?.sha256).toMatch(/^[0-9a-f]{64}$/)
    // Another source put by hand after it: with one build a run, the reconciler reaches it at once.
    await env.ARTICLES_KV.put(
      'en/zzz-hand-put',
      '---\ntitle: Put by hand later\ndate: 2024-06-02\n---\n<p>y</p>',
    )
    const config = { ...siteConfig(env), sources: ['kv' as const], languages: ['en'] }
    const report = await reconcile(env, {
      db: indexDb(env),
      config,
      budget: { pages: 10, builds: 1 },
    })
    expect(report.indexed).toEqual(['en/zzz-hand-put'])
  })
})

describe('a batch', () => {
  it('writes the articles it can, and names each one it cannot with its file and why', async () => {
    const config = siteConfig(env)
    // KV refusing writes to one article, as an outage of one key's shard would.
    const kv = new Proxy(env.ARTICLES_KV, {
      get: (target, prop) =>
        prop === 'put'
          ? (key: string, ...rest: unknown[]) =>
              key === 'en/batch-refused'
                ? Promise.reject(new Error('KV write failed'))
                : (target.put as (...a: unknown[]) => Promise<void>)(key, ...rest)
          : (Reflect.get(target, prop) as (...a: unknown[]) => unknown).bind(target),
    })
    const driver = kvDriver(kv)
    const progress: number[] = []
    const result = await writeArticles({
      target: {
        stores: [
          { store: sourceStore(driver, { maxBytes: 1e6 }), internal: internalStore(driver) },
        ],
        db: indexDb(env),
        origin: buildOrigin(config),
      },
      config,
      keepGoing: true,
      chunk: 2,
      progress: (done) => progress.push(done),
      changes: ['batch-one', 'batch-refused', 'batch-three'].map((slug) => ({
        kind: 'publish' as const,
        key: `en/${slug}`,
        bytes: new TextEncoder().encode(`---\ntitle: ${slug}\ndate: 2024-07-01\n---\n<p>x</p>`),
        fileName: `en/2024-07-01-${slug}.md`,
      })),
    })
    expect(result.failed.map((f) => [f.key, f.fileName])).toEqual([
      ['en/batch-refused', 'en/2024-07-01-batch-refused.md'],
    ])
    expect(result.failed[0]!.message).toMatch(/writing en\/batch-refused failed/)
    expect(result.changes.map((c) => c.key)).toEqual(['en/batch-one', 'en/batch-three'])
    expect(result.urls.map((url) => new URL(url).pathname)).toEqual([
      '/en/batch-one',
      '/en/batch-three',
    ])
    expect(progress).toEqual([2, 3])
    const site = client('https://batch.example')
    expect((await site.get('/en/batch-one')).status).toBe(200)
    expect((await site.get('/en/batch-three')).status).toBe(200)
    expect((await site.get('/en/batch-refused')).status).toBe(404)
    expect(await titlesOn(site, '/en/')).not.toContain('batch-refused')
  })
})
