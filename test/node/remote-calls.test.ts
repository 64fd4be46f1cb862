/**
 * content:push --remote pays Cloudflare per thousand articles, not per article: the writes of a push
 * of 2,500 new articles, as the remote path makes them (scripts/lib/storage.ts writeRemote, with
 * the KV bulk writes of kv-bulk.ts), counted by local stand-ins of what each call would reach
 * (helpers/cloudflare-api.ts). No network.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readSiteConfig } from '../../scripts/lib/config'
import { checkContent } from '../../scripts/lib/content'
import { migrateLocal } from '../../scripts/lib/migrate'
import type { Written } from '../../scripts/lib/storage'
import { writeWorker, type WriteWorker } from '../../scripts/lib/write-worker'
import { cloudflareStandIn, pushRemotely, type CloudflareStandIn } from './helpers/cloudflare-api'

const N = 2_500
const CATEGORIES = ['정치', '경제', '사회', '국제', '문화']

/** `n` short Korean articles, dated over five years in a shuffled order, in five sections. */
async function generate(dir: string, n: number) {
  await mkdir(join(dir, 'ko'), { recursive: true })
  for (let i = 0; i < n; i++) {
    const day = (i * 7_919) % (5 * 365)
    const date = new Date(Date.UTC(2021, 0, 1) + day * 86_400_000 + (i % 24) * 3_600_000)
    const text = [
      '---',
      `title: "기사 ${i}: 정부 발표와 시장 반응"`,
      `date: ${date.toISOString().slice(0, 19).replace('T', ' ')} +0900`,
      `categories: [${CATEGORIES[i % CATEGORIES.length]}]`,
      `tags: [태그${i % 40}, 속보]`,
      'author: 김기자',
      `excerpt: "기사 ${i}의 요약: 정부가 새 정책을 발표했다."`,
      '---',
      '',
      `정부는 ${i}번째 발표에서 새 정책을 내놓았다. 시장은 곧바로 반응했다.`,
      '',
    ].join('\n')
    await writeFile(join(dir, 'ko', `a${i}.md`), text)
  }
}

describe('content:push --remote', () => {
  let work: string
  let local: WriteWorker
  let cloudflare: CloudflareStandIn
  let written: Written

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'remote-calls-'))
    await generate(join(work, 'content'), N)
    const config = await readSiteConfig()
    const checked = await checkContent(join(work, 'content'), config)
    expect(checked.errors).toEqual([])
    const persistTo = join(work, 'state/v3')
    local = await writeWorker({ persistTo })
    await migrateLocal({ db: local.env.ARTICLES_DB, persistTo })
    cloudflare = await cloudflareStandIn(local.env)
    written = await pushRemotely(cloudflare, { checked, config })
  }, 180_000)

  afterAll(async () => {
    await cloudflare?.close()
    await local?.dispose()
    await rm(work, { recursive: true, force: true })
  })

  it(`publishes ${N.toLocaleString('en-US')} new articles with a few dozen calls to Cloudflare, not thousands`, () => {
    expect(written.failed).toEqual([])
    expect(written.changes).toHaveLength(N)
    // Three chunks of at most a thousand; each a handful of D1 batches and one KV bulk write.
    expect(cloudflare.total(), JSON.stringify(cloudflare.calls)).toBeLessThanOrEqual(
      12 * Math.ceil(N / 1_000),
    )
    expect(cloudflare.calls['KV bulk write']).toBe(Math.ceil(N / 1_000))
    // Each article's source and its derived copy.
    expect(cloudflare.values).toBe(2 * N)
  })

  it('leaves every article listed and searchable, and each queued for search engines once', async () => {
    const count = (sql: string) =>
      local.env.ARTICLES_DB.prepare(sql)
        .first<{ n: number }>()
        .then((r) => r!.n)
    expect(await count("SELECT COUNT(*) AS n FROM articles WHERE lang = 'ko'")).toBe(N)
    expect(await count('SELECT COUNT(*) AS n FROM search')).toBe(N)
    expect(
      await count(
        "SELECT COUNT(*) AS n FROM notify_queue WHERE channel = 'indexnow' AND path LIKE '/ko/a%'",
      ),
    ).toBe(N)
    // The section and tag feeds each article is in, once each.
    expect(await count("SELECT COUNT(*) AS n FROM notify_queue WHERE channel = 'websub'")).toBe(
      1 + CATEGORIES.length + 40 + 1,
    )
  })
})
