/**
 * Pipeline benchmark in Node: source bytes → parse → sanitize/transform → full HTML page, for the
 * seed article and for synthetic 100 KB and 1 MB articles built from its body.
 */
import { readFile } from 'node:fs/promises'
import { measure } from 'mitata'
import { buildArticle } from '../src/pipeline'
import { articleDocument } from '../src/render/ArticlePage'
import type { SourceFile } from '../src/source/store'

const SITE = {
  siteName: 'Edge Press',
  twitterSite: '',
  homeUrl: 'https://news.example/ko/',
  timeZone: 'Asia/Seoul',
}

function source(text: string, key = 'ko/putin-kim-pact'): SourceFile {
  const bytes = new TextEncoder().encode(text)
  return {
    key,
    bytes: bytes.buffer as ArrayBuffer,
    etag: 'bench',
    store: 'kv',
    fileName: `${key}.html`,
    format: 'html',
    uploaded: new Date('2024-06-19T05:00:00Z'),
  }
}

/** The seed's front matter with its body repeated until the file is about `bytes` long. */
function grown(seed: string, bytes: number): string {
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

export const renderPage = async (file: SourceFile) =>
  articleDocument(
    buildArticle(file, { baseUrl: 'https://news.example', timeZone: SITE.timeZone }),
    SITE,
  )

export interface PipelineResult {
  name: string
  bytes: number
  /** Microseconds per article. */
  avgUs: number
  p50Us: number
  p99Us: number
  /** Microseconds per KB of source. */
  usPerKb: number
}

export async function benchPipeline(): Promise<{ coldMs: number; results: PipelineResult[] }> {
  const seed = await readFile('content/ko/putin-kim-pact.html', 'utf8')
  // Cold: the very first render in this process, module loading done but nothing warmed by the JIT.
  const start = performance.now()
  await renderPage(source(seed))
  const coldMs = performance.now() - start

  const cases = [
    ['seed article', seed],
    ['100 KB article', grown(seed, 100 * 1024)],
    ['1 MB article', grown(seed, 1024 * 1024)],
  ] as const
  const results: PipelineResult[] = []
  for (const [name, text] of cases) {
    const file = source(text)
    const stats = await measure(
      async () => {
        await renderPage(file)
      },
      { min_cpu_time: 1_000 * 1e6 },
    )
    const bytes = Buffer.byteLength(text)
    const avgUs = stats.avg / 1e3
    results.push({
      name,
      bytes,
      avgUs,
      p50Us: stats.p50 / 1e3,
      p99Us: stats.p99 / 1e3,
      usPerKb: avgUs / (bytes / 1024),
    })
  }
  return { coldMs, results }
}
