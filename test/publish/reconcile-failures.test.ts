/**
 * What an attacker with storage access (or an unlucky hand-put) did to the reconciler: one bad key
 * stopped every run before its cursor was saved; sources that fail every time spent the whole
 * rebuild budget; a slug in KV and R2 flipped between them; keys no URL reaches were listed.
 */
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { siteConfig } from '../../src/config'
import { indexDb } from '../../src/listing/db'
import { reconcile } from '../../src/publish/reconcile'
import { RETRY_BASE_MS } from '../../src/publish/reconcile-failures'
import { client } from '../helpers/request'

const db = indexDb(env)
const only = (lang: string) => ({ ...siteConfig(env), languages: [lang] })
const slugs = async (lang: string) =>
  (
    await env.ARTICLES_DB.prepare('SELECT slug FROM articles WHERE lang = ? ORDER BY slug')
      .bind(lang)
      .all<{ slug: string }>()
  ).results.map((r) => r.slug)
const article = (title: string) => `---\ntitle: ${title}\ndate: 2024-05-01\n---\n<p>${title}</p>`

describe('one bad key', () => {
  it('is recorded and skipped: the keys after it are indexed and the cursor is saved', async () => {
    // A stored hash that does not match the bytes (damaged, or edited by hand)…
    await env.ARTICLES_KV.put('en/a-wrong-hash', article('Wrong hash'), {
      metadata: { sha256: 'f'.repeat(64), fileName: 'en/a-wrong-hash.html', format: 'html' },
    })
    // …and a first upload date JavaScript can hold but no zone offset can be added to.
    await env.ARTICLES_KV.put('en/b-far-future', article('Far future'), {
      metadata: { firstUploaded: '+275760-09-13T00:00:00.000Z', format: 'html' },
    })
    await env.ARTICLES_KV.put('en/c-after', article('After them'))
    const now = new Date('2024-06-01T00:00:00Z')
    const report = await reconcile(env, { db, config: only('en'), now })
    expect(await slugs('en')).toEqual(['b-far-future', 'c-after'])
    expect(report.failures).toEqual([
      {
        key: 'en/a-wrong-hash',
        store: 'kv',
        reason: expect.stringMatching(/truncated or damaged/) as string,
        time: now.toISOString(),
      },
    ])
    const failure = await env.ARTICLES_DB.prepare(
      "SELECT reason, failed_at, attempts FROM reconcile_failures WHERE slug = 'a-wrong-hash'",
    ).first<{ reason: string; failed_at: string; attempts: number }>()
    expect(failure).toMatchObject({ failed_at: now.toISOString(), attempts: 1 })
    // The out-of-range date is treated as missing: the page reads, not a 500.
    const page = await client('https://bad-keys.example').get('/en/b-far-future')
    expect(page.status).toBe(200)
  })
})

describe('sources that fail every time', () => {
  it('wait with backoff, on a budget of their own, and never keep a good source out', async () => {
    const invalidUtf8 = new Uint8Array([...new TextEncoder().encode('---\ntitle: x\n---\n'), 0xff])
    for (let i = 0; i < 5; i++) await env.ARTICLES_R2.put(`ja/bad-${i}`, invalidUtf8)
    await env.ARTICLES_R2.put('ja/zz-good', article('良い記事'))
    const config = { ...only('ja'), sources: ['r2' as const] }
    const budget = { pages: 5, builds: 5, retries: 2 }
    const t0 = new Date('2024-06-01T00:00:00Z')
    const first = await reconcile(env, { db, config, budget, now: t0 })
    expect(first.failures).toHaveLength(5)
    expect(await slugs('ja')).toEqual([])
    // The next run: the failing five wait for their backoff, and the good one gets the budget.
    const second = await reconcile(env, {
      db,
      config,
      budget,
      now: new Date(t0.getTime() + 60_000),
    })
    expect(second.deferred).toBe(5)
    expect(second.failures).toHaveLength(0)
    expect(await slugs('ja')).toEqual(['zz-good'])
    // After the backoff they are tried again, two a run (the retry budget), and wait twice as long.
    const later = new Date(t0.getTime() + RETRY_BASE_MS + 1)
    const third = await reconcile(env, { db, config, budget, now: later })
    expect(third.failures).toHaveLength(2)
    const attempts = (
      await env.ARTICLES_DB.prepare(
        "SELECT attempts, retry_at FROM reconcile_failures WHERE lang = 'ja' ORDER BY slug",
      ).all<{ attempts: number; retry_at: number }>()
    ).results
    expect(attempts.map((a) => a.attempts)).toEqual([2, 2, 1, 1, 1])
    expect(attempts[0]!.retry_at).toBe(later.getTime() + 2 * RETRY_BASE_MS)
  })
})

describe('a slug in KV and in R2', () => {
  it('is indexed from the store SOURCES names first, as the read path serves it, run after run', async () => {
    await env.ARTICLES_KV.put('ko/both', article('KV 판'))
    await env.ARTICLES_R2.put('ko/both', article('R2 판'))
    const config = { ...only('ko'), sources: ['kv' as const, 'r2' as const] }
    for (let run = 0; run < 3; run++) {
      const report = await reconcile(env, { db, config })
      if (run === 0) expect(report.shadowed).toEqual(['ko/both'])
      const row = await env.ARTICLES_DB.prepare(
        "SELECT store, title FROM articles WHERE lang = 'ko' AND slug = 'both'",
      ).first<{ store: string; title: string }>()
      expect(row).toEqual({ store: 'kv', title: 'KV 판' })
    }
  })
})

describe('keys the router refuses', () => {
  it('are never indexed, and are reported', async () => {
    const refused = [
      'en/..',
      'en/.hidden',
      'en/tab\there',
      `en/${'한'.normalize('NFD')}글`,
      `en/${'x'.repeat(400)}`,
    ]
    for (const key of refused) await env.ARTICLES_KV.put(key, article('Unreachable'))
    const config = { ...only('en'), sources: ['kv' as const] }
    const report = await reconcile(env, { db, config })
    expect(report.refused.map((r) => r.key).sort()).toEqual([...refused].sort())
    expect((await slugs('en')).filter((s) => !['b-far-future', 'c-after'].includes(s))).toEqual([])
  })
})
