/**
 * One pass over every pathological class at one size, in this process: source → page, CPU time,
 * and how big the page and the JSON come out. Prints one JSON line per class (bench/hostile.ts runs
 * this in a child process, so a class that hangs cannot hang the benchmark).
 */
import { buildArticle, PLACEHOLDER_ORIGIN } from '../../src/pipeline'
import { AppError } from '../../src/errors'
import { storedArticle } from '../../src/articles/derived'
import { articlePage } from '../../src/render/article-page'
import { articleJson } from '../../src/render/json'
import { pageMeta } from '../../src/meta/page'
import { generate, formatOfKind, KINDS } from './generate'

const SITE = {
  siteName: 'Edge Press',
  twitterSite: '',
  homeUrl: 'https://news.example/ko/',
  timeZone: 'Asia/Seoul',
}
const bytes = Number(process.argv[2] ?? 1_000_000)
const only = process.argv[3]

for (const kind of KINDS) {
  if (only && kind.name !== only) continue
  const text = generate(kind.name, bytes)
  const source = new TextEncoder().encode(text)
  const format = formatOfKind(kind.name)
  const started = process.cpuUsage()
  let outcome: { refused: string } | { pageBytes: number; jsonBytes: number }
  try {
    const article = buildArticle(
      {
        key: 'ko/hostile',
        bytes: source.buffer,
        etag: 'x',
        store: 'kv',
        fileName: `ko/hostile.${format}`,
        format,
      },
      { baseUrl: PLACEHOLDER_ORIGIN, timeZone: SITE.timeZone },
    )
    const page = await articlePage(storedArticle(article, PLACEHOLDER_ORIGIN), SITE)
    const json = JSON.stringify(articleJson(article, pageMeta(article, SITE)))
    outcome = {
      pageBytes: page.byteLength,
      jsonBytes: new TextEncoder().encode(json).length,
    }
  } catch (error) {
    if (!(error instanceof AppError)) throw error
    outcome = { refused: error.describe() }
  }
  const cpu = process.cpuUsage(started)
  const cpuMs = (cpu.user + cpu.system) / 1000
  console.log(
    JSON.stringify({
      kind: kind.name,
      group: kind.group,
      bytes: source.length,
      cpuMs,
      usPerKb: (cpuMs * 1000) / (source.length / 1024),
      ...outcome,
    }),
  )
}
