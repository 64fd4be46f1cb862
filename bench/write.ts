/**
 * npm run bench -- write [sizes]: content:push of generated Korean articles (dates in random order)
 * into empty local stores, at 300, 3,000 and 30,000 articles by default: articles/s and whether it
 * stays linear; Hugo building the same files in the same run when `hugo` is on PATH; and the
 * Cloudflare API calls a remote push of the same articles makes, counted by local stand-ins
 * (test/node/helpers/cloudflare-api.ts).
 */
import { execFileSync } from 'node:child_process'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { push } from '../scripts/content-push'
import { hasHugo } from './hugo'
import { ArticleGenerator, isoSeoul, random } from './index-data'
import { withTempDir } from './temp'

export const WRITE_SIZES = [300, 3_000, 30_000]

export interface WriteRun {
  n: number
  ms: number
  perSecond: number
  /** Hugo building the same files to memory, whole process; undefined without Hugo. */
  hugoMs?: number
}

const YEAR = 365 * 24 * 3_600_000
const quote = (text: string) => JSON.stringify(text)

/** `n` Markdown articles under `dir/ko/`, dated over ten years in random order. */
export async function generateArticles(dir: string, n: number, seed = 7): Promise<void> {
  const generate = new ArticleGenerator(seed)
  const next = random(seed + 1)
  const newest = Date.parse('2026-11-01T00:00:00Z')
  await mkdir(join(dir, 'ko'), { recursive: true })
  const files: Promise<void>[] = []
  for (let i = 0; i < n; i++) {
    const ms = newest - Math.floor(next() * 10 * YEAR)
    const a = generate.article(i, ms)
    const body = [a.body, a.search.description, a.body, a.search.title].join('\n\n')
    const text = [
      '---',
      `title: ${quote(a.title)}`,
      `date: ${isoSeoul(ms).replace('T', ' ').replace('+09:00', ' +0900')}`,
      `categories: [${a.categories.map(quote).join(', ')}]`,
      `tags: [${a.tags.map(quote).join(', ')}]`,
      `author: ${quote(a.authors[0]!.name)}`,
      `excerpt: ${quote(a.description)}`,
      '---',
      '',
      `## ${a.title}`,
      '',
      body,
      '',
    ].join('\n')
    files.push(writeFile(join(dir, 'ko', `a${i.toString(36)}.md`), text))
    if (files.length >= 200) await Promise.all(files.splice(0))
  }
  await Promise.all(files)
}

/**
 * content:push of `n` generated articles into empty local stores, timed from start to finish. The
 * index's tables are made first, untimed: migrating is a one-time set-up (the first `npm start`),
 * and wrangler's apply (seconds, whatever the size) would otherwise weigh on the small runs.
 */
export async function benchWritePush(n: number): Promise<WriteRun> {
  return withTempDir('bench-write-', async (work) => {
    const content = join(work, 'content')
    await generateArticles(content, n)
    const persistTo = join(work, 'state/v3')
    const { writeWorker } = await import('../scripts/lib/write-worker')
    const { migrateLocal } = await import('../scripts/lib/migrate')
    const local = await writeWorker({ persistTo })
    await migrateLocal({ db: local.env.ARTICLES_DB, persistTo }).finally(() => local.dispose())
    const start = performance.now()
    const result = await push({
      dir: content,
      remote: false,
      persistTo,
      probeImages: false,
      log: () => {},
    })
    const ms = performance.now() - start
    if (result.added.length !== n) throw new Error(`pushed ${result.added.length} of ${n}`)
    return { n, ms, perSecond: (n * 1000) / ms, hugoMs: await hugoBuild(content) }
  })
}

/** Hugo building the same files to memory (the fastest of two), or undefined without Hugo. */
async function hugoBuild(content: string): Promise<number | undefined> {
  if (!hasHugo()) return undefined
  const site = join(content, '..', 'hugo')
  await mkdir(join(site, 'layouts/_default'), { recursive: true })
  await writeFile(
    join(site, 'hugo.toml'),
    `baseURL = "https://news.example/"\nlanguageCode = "ko-kr"\ntitle = "Edge Press"\ncontentDir = ${quote(content)}\n`,
  )
  await writeFile(
    join(site, 'layouts/_default/single.html'),
    '<!doctype html><html lang="ko"><head><meta charset="utf-8"><title>{{ .Title }}</title>{{ template "_internal/opengraph.html" . }}{{ template "_internal/twitter_cards.html" . }}{{ template "_internal/schema.html" . }}</head><body><h1>{{ .Title }}</h1>{{ .Content }}</body></html>',
  )
  await writeFile(join(site, 'layouts/_default/list.html'), '')
  const times: number[] = []
  for (let i = 0; i < 2; i++) {
    const start = performance.now()
    execFileSync('hugo', ['--quiet', '--renderToMemory', '--source', site], { stdio: 'pipe' })
    times.push(performance.now() - start)
  }
  return Math.min(...times)
}

export async function benchWrite(sizes = WRITE_SIZES): Promise<{ runs: WriteRun[] }> {
  const runs: WriteRun[] = []
  for (const n of sizes) runs.push(await benchWritePush(n))
  return { runs }
}

/**
 * The calls a `content:push --remote` of `n` new articles makes to Cloudflare: the remote path's
 * own writes (scripts/lib/storage.ts `writeRemote`, with kv-bulk.ts's bulk writes) against local
 * stand-ins that count each call which, through wrangler's remote bindings or the REST API, is one
 * request to Cloudflare (test/node/helpers/cloudflare-api.ts; test/node/remote-calls.test.ts holds
 * the bound).
 */
export async function benchRemoteCalls(
  n: number,
): Promise<{ n: number; calls: Record<string, number> }> {
  const { checkContent } = await import('../scripts/lib/content')
  const { readSiteConfig } = await import('../scripts/lib/config')
  const { writeWorker } = await import('../scripts/lib/write-worker')
  const { migrateLocal } = await import('../scripts/lib/migrate')
  const { cloudflareStandIn, pushRemotely } = await import('../test/node/helpers/cloudflare-api')
  return withTempDir('bench-remote-', async (work) => {
    await generateArticles(join(work, 'content'), n)
    const config = await readSiteConfig()
    const checked = await checkContent(join(work, 'content'), config)
    const persistTo = join(work, 'state/v3')
    const local = await writeWorker({ persistTo })
    await migrateLocal({ db: local.env.ARTICLES_DB, persistTo })
    const cloudflare = await cloudflareStandIn(local.env)
    try {
      const written = await pushRemotely(cloudflare, { checked, config })
      if (written.changes.length !== n) throw new Error(`wrote ${written.changes.length} of ${n}`)
      return { n, calls: { ...cloudflare.calls } }
    } finally {
      await cloudflare.close()
      await local.dispose()
    }
  })
}
