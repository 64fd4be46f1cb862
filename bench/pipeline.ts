/**
 * The render paths, in Node, by CPU time (process.cpuUsage over many renders: what a Worker is billed
 * and limited by, and steadier than wall time on a busy machine):
 *
 * - source → page: bytes → parse → sanitize/transform → HTML page. What a publish or the first read
 *   of a source costs.
 * - derived → page: the stored derived article (JSON) → HTML page. What every later cache miss costs.
 *
 * For the seed article and synthetic 100 KB and 1 MB articles grown from its body.
 */
import { readFile } from 'node:fs/promises'
import { parseDerived, rebase, serializeDerived, storedArticle } from '../src/articles/derived'
import { buildArticle } from '../src/pipeline'
import { articlePage } from '../src/render/article-page'
import type { SourceFile } from '../src/source/store'

export const SITE = {
  siteName: 'Edge Press',
  twitterSite: '',
  homeUrl: 'https://news.example/ko/',
  timeZone: 'Asia/Seoul',
}
const ORIGIN = 'https://news.example'
/** A source hash as derived records carry one (they refuse anything but 64 hex digits). */
const BENCH_SHA256 = 'b'.repeat(64)

export function source(text: string, key = 'ko/putin-kim-pact'): SourceFile {
  const bytes = new TextEncoder().encode(text)
  return {
    key,
    bytes: bytes.buffer,
    etag: 'bench',
    store: 'kv',
    fileName: `${key}.html`,
    format: 'html',
    uploaded: new Date('2024-06-19T05:00:00Z'),
  }
}

/** The seed's front matter with its body repeated until the file is about `bytes` long. */
export function grown(seed: string, bytes: number): string {
  const [, front, body] = /^(---\n[\s\S]*?\n---\n)([\s\S]*)$/.exec(seed)!
  const parts = [front]
  let size = Buffer.byteLength(front!)
  for (let i = 0; size < bytes; i++) {
    const section = `<h2>섹션 ${i}</h2>\n${body}`
    parts.push(section)
    size += Buffer.byteLength(section)
  }
  return parts.join('')
}

/** Built for BASE_URL, as in production. */
const build = (file: SourceFile) =>
  storedArticle(buildArticle(file, { baseUrl: ORIGIN, timeZone: SITE.timeZone }), ORIGIN)

/** The derived article as the read path finds it in storage: bytes to parse. */
const derivedBytes = (file: SourceFile) => serializeDerived(build(file), BENCH_SHA256)

export const renderFromSource = (file: SourceFile) => articlePage(build(file), SITE)

export const renderFromDerived = (bytes: Uint8Array) =>
  articlePage(rebase(parseDerived(bytes, BENCH_SHA256)!, ORIGIN), SITE)

/** Compatibility for bench/compare.ts and bench/heap.ts: the whole source → page path. */
export const renderPage = renderFromSource

export async function sources() {
  const seed = await readFile('content/ko/2024-06-19-putin-kim-pact.html', 'utf8')
  const make = (text: string) => {
    const file = source(text)
    return { file, bytes: file.bytes.byteLength, derived: derivedBytes(file) }
  }
  return {
    seed: make(seed),
    '100k': make(grown(seed, 100 * 1024)),
    '1m': make(grown(seed, 1024 * 1024)),
  }
}

export interface PathResult {
  name: string
  path: 'source → page' | 'derived → page'
  bytes: number
  /** CPU microseconds per article, averaged over the runs. */
  cpuUs: number
  /** CPU microseconds per KB of source. */
  usPerKb: number
  runs: number
}

/**
 * CPU time per render: the lowest average over five rounds of as many runs as fit in about
 * `budgetMs / 5` of CPU each (at least 3 runs a round). The lowest round is the one least disturbed
 * by whatever else the machine was doing; rounds, not single runs, so timer resolution does not matter.
 */
async function cpuPerRun(
  render: () => Promise<unknown>,
  budgetMs: number,
): Promise<{ cpuUs: number; runs: number }> {
  for (let i = 0; i < 20; i++) await render() // warm the JIT
  let best = Infinity
  let runs = 0
  for (let round = 0; round < 5; round++) {
    let n = 0
    let spent = 0
    const started = process.cpuUsage()
    while (n < 3 || spent < (budgetMs / 5) * 1000) {
      await render()
      n++
      const cpu = process.cpuUsage(started)
      spent = cpu.user + cpu.system
    }
    best = Math.min(best, spent / n)
    runs += n
  }
  return { cpuUs: best, runs }
}

export async function benchPipeline(): Promise<{ coldMs: number; results: PathResult[] }> {
  const all = await sources()
  // Cold: the very first render in this process, module loading done but nothing warmed by the JIT.
  const start = performance.now()
  await renderFromSource(all.seed.file)
  const coldMs = performance.now() - start
  const results: PathResult[] = []
  for (const [name, { file, bytes, derived }] of [
    ['seed article', all.seed],
    ['100 KB article', all['100k']],
    ['1 MB article', all['1m']],
  ] as const) {
    for (const [path, render] of [
      ['source → page', () => renderFromSource(file)],
      ['derived → page', () => renderFromDerived(derived)],
    ] as const) {
      const { cpuUs, runs } = await cpuPerRun(render, name === '1 MB article' ? 4_000 : 2_000)
      results.push({ name, path, bytes, cpuUs, usPerKb: cpuUs / (bytes / 1024), runs })
    }
  }
  return { coldMs, results }
}
