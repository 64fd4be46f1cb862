/**
 * Sources put into KV or R2 by hand reach the listings through the scheduled reconciler: new,
 * changed and deleted ones, in pages, continuing across runs.
 */
import {
  createExecutionContext,
  createScheduledController,
  waitOnExecutionContext,
} from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { beforeEach, describe, expect, it } from 'vitest'
import worker from '../../src'
import { siteConfig } from '../../src/config'
import { indexDb } from '../../src/listing/db'
import { reconcile } from '../../src/publish/reconcile'
import { publishSource } from '../helpers/content'
import { readPage } from '../helpers/html'
import { client } from '../helpers/request'

let n = 0
let site: ReturnType<typeof client>
beforeEach(() => {
  site = client(`https://reconcile-${++n}.example`)
})
const homeTitles = async (lang: string) =>
  readPage((await site.get(`/${lang}/`)).body)
    .all('.front-latest :is(h2, h3) a')
    .map((a) => a.textContent)
const indexed = async (lang: string) =>
  (
    await env.ARTICLES_DB.prepare(
      'SELECT slug, source_sha256 FROM articles WHERE lang = ? ORDER BY slug',
    )
      .bind(lang)
      .all<{ slug: string; source_sha256: string }>()
  ).results

/** The Cron Trigger firing, as Cloudflare calls it. */
async function tick() {
  const ctx = createExecutionContext()
  await worker.scheduled(
    createScheduledController({ cron: '*/5 * * * *', scheduledTime: Date.now() }),
    env,
    ctx,
  )
  await waitOnExecutionContext(ctx)
}

describe('the reconciler', () => {
  it('indexes a source put into KV by hand, and it then lists on the home page', async () => {
    await env.ARTICLES_KV.put(
      'en/by-hand',
      '---\ntitle: Put by hand\ndate: 2026-01-01\n---\n<p>Straight into KV.</p>',
    )
    expect((await indexed('en')).map((r) => r.slug)).not.toContain('by-hand')
    await tick()
    expect(await homeTitles('en')).toContain('Put by hand')
    // …and records its hash, so the next run skips it.
    const { metadata } = await env.ARTICLES_KV.getWithMetadata<{ sha256?: string }>('en/by-hand')
    expect(metadata?.sha256).toMatch(/^[0-9a-f]{64}$/)
  })

  it('indexes a source put into R2 by hand', async () => {
    await env.ARTICLES_R2.put(
      'ja/r2-by-hand',
      '---\ntitle: R2に直接\ndate: 2026-01-02\n---\n<p>本文</p>',
    )
    await tick()
    expect(await homeTitles('ja')).toContain('R2に直接')
  })

  it('follows a source replaced by hand, and drops one deleted by hand', async () => {
    await publishSource(
      'ko/replaced-by-hand',
      '---\ntitle: 처음 제목\ndate: 2026-01-03\n---\n<p>x</p>',
    )
    await publishSource(
      'ko/deleted-by-hand',
      '---\ntitle: 지워질 기사\ndate: 2026-01-04\n---\n<p>x</p>',
    )
    await env.ARTICLES_KV.put(
      'ko/replaced-by-hand',
      '---\ntitle: 손으로 바꾼 제목\ndate: 2026-01-03\n---\n<p>y</p>',
    )
    await env.ARTICLES_KV.delete('ko/deleted-by-hand')
    await tick()
    const titles = await homeTitles('ko')
    expect(titles).toContain('손으로 바꾼 제목')
    expect(titles).not.toContain('처음 제목')
    expect(titles).not.toContain('지워질 기사')
    expect((await site.get('/ko/replaced-by-hand')).body).toContain('<h1>손으로 바꾼 제목</h1>')
  })

  it('agrees with the publishing writer: the same source gives the same row either way', async () => {
    const text =
      '---\ntitle: 같은 기사\ndate: 2026-02-01\ncategories: [뉴스]\ntags: [하나, 둘]\n---\n<p>본문</p>'
    await publishSource('ko/same-a', text, 'ko/same-a.html', '2026-02-01T00:00:00.000Z')
    await env.ARTICLES_KV.put('ko/same-b', text, {
      metadata: {
        fileName: 'ko/same-b.html',
        format: 'html',
        firstUploaded: '2026-02-01T00:00:00.000Z',
        uploaded: '2026-02-01T00:00:00.000Z',
      },
    })
    await tick()
    const rows = (
      await env.ARTICLES_DB.prepare(
        "SELECT * FROM articles WHERE lang = 'ko' AND slug IN ('same-a', 'same-b') ORDER BY slug",
      ).all<Record<string, unknown>>()
    ).results
    const comparable = (row: Record<string, unknown>) => {
      const { id, slug, rank, search_id, file_name, ...rest } = row
      void [id, slug, rank, search_id, file_name]
      return rest
    }
    expect(rows).toHaveLength(2)
    expect(comparable(rows[1]!)).toEqual(comparable(rows[0]!))
  })

  it('leaves broken sources out, says why, and keeps going', async () => {
    await env.ARTICLES_KV.put('en/broken-by-hand', '---\ntitle: [unclosed\n---\n')
    await env.ARTICLES_KV.put(
      'en/fine-by-hand',
      '---\ntitle: Fine by hand\ndate: 2026-03-01\n---\n<p>ok</p>',
    )
    const report = await reconcile(env, { db: indexDb(env), config: siteConfig(env) })
    expect(report.broken.join('\n')).toMatch(/en\/broken-by-hand.*invalid YAML/)
    expect((await indexed('en')).map((r) => r.slug)).toContain('fine-by-hand')
  })

  it('works through a large store in budgeted runs, continuing where it stopped', async () => {
    for (let i = 0; i < 25; i++)
      await env.ARTICLES_KV.put(
        `ja/batch-${String(i).padStart(2, '0')}`,
        `---\ntitle: 一括 ${i}\ndate: 2026-04-01\n---\n<p>${i}</p>`,
      )
    const db = indexDb(env)
    const config = { ...siteConfig(env), languages: ['ja'], sources: ['kv' as const] }
    const first = await reconcile(env, { db, config, budget: { pages: 5, builds: 10 } })
    expect(first.indexed.length).toBe(10)
    await reconcile(env, { db, config, budget: { pages: 5, builds: 10 } })
    await reconcile(env, { db, config, budget: { pages: 5, builds: 10 } })
    expect((await indexed('ja')).filter((r) => r.slug.startsWith('batch-'))).toHaveLength(25)
  })
})
