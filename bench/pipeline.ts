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

/** A listing page (home and a category) from a 10,000-article index: parse the JSON, filter, render. */
export async function benchListing(
  count = 10_000,
): Promise<{ indexBytes: number; homeUs: number; categoryUs: number }> {
  const { LanguageIndex } = await import('../src/schema/listing')
  const { filterEntries, paginate } = await import('../src/listing/select')
  const { ListingPage } = await import('../src/render/ListingPage')
  const index = {
    version: 1,
    lang: 'ko',
    articles: Array.from({ length: count }, (_, i) => ({
      slug: `article-${i}`,
      title: `기사 제목 ${i}: 북·러 협정과 한반도 정세`,
      description:
        '김정은과 푸틴, 북한 국무위원장과 러시아 대통령이 북한 김일성 광장에서 새로운 협정 협력에 서명하며 새로운 수준의 관계를 강조했다.',
      datePublished: new Date(Date.UTC(2024, 0, 1) - i * 3_600_000).toISOString(),
      image: { url: `https://img.example/${i}.jpg`, alt: '사진', width: 1200, height: 630 },
      categories: [i % 10 === 0 ? '뉴스' : '생활'],
      tags: ['태그'],
      contentLang: 'ko',
      translations: [],
    })),
  }
  const json = JSON.stringify(index)
  const render = async (filter: Parameters<typeof filterEntries>[1]) => {
    const parsed = LanguageIndex.parse(JSON.parse(json))
    const page = paginate(filterEntries(parsed.articles, filter, 'ko'), 1)!
    return String(
      await ListingPage({
        lang: 'ko',
        siteName: 'Edge Press',
        origin: 'https://news.example',
        timeZone: 'Asia/Seoul',
        heading: 'Edge Press',
        basePath: '/ko/',
        page,
      }),
    )
  }
  const home = await measure(async () => {
    await render({ kind: 'home' })
  })
  const category = await measure(async () => {
    await render({ kind: 'category', name: '뉴스' })
  })
  return { indexBytes: json.length, homeUs: home.p50 / 1e3, categoryUs: category.p50 / 1e3 }
}
