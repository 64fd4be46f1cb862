/**
 * npm run bench: the pipeline in Node, HTTP against wrangler dev (baseline, hit, miss), the bundle,
 * and the share cards (og.ts).
 * Prints a report and writes bench/results/latest.json. Loopback only; not part of the tests.
 *
 * `npm run bench -- index [sizes]` measures the article index in D1 at 1k, 100k and 1M articles
 * (bench/index.ts; sizes e.g. `1000,100000`). It is not part of the default run: the first run
 * generates ~3 GB of databases (about 7 minutes, cached in bench/.cache/ afterwards) and every run
 * takes several minutes more.
 *
 * `npm run bench -- import [posts]` runs import:wordpress on a generated 100,000-post export
 * (bench/import.ts; a few minutes). `node --expose-gc --import tsx bench/run.ts import` also gives
 * the heap the import keeps after a full garbage collection.
 */
import { execFileSync } from 'node:child_process'
import { commandLine, usageError } from '../scripts/lib/args'
import { NODE_LOADERS } from './loaders'
import { mkdir, writeFile } from 'node:fs/promises'
import { benchBundle } from './bundle'
import { benchHttp } from './http'
import { compareWithGenerators } from './compare'
import { benchHit } from './hit'
import { benchHostile, type HostileCase } from './hostile'
import { benchHugo } from './hugo'
import { benchImages } from './images'
import { benchImport } from './import'
import type { Timing } from './index'
import { benchLoad } from './load'
import { benchPipeline } from './pipeline'
import { benchOgBundle, benchOgFonts, benchOgHttp, benchOgNode } from './og'

const PARTS = [
  'pipeline',
  'hit',
  'http',
  'load',
  'bundle',
  'hugo',
  'compare',
  'hostile',
  'og',
  'images',
  'index',
  'write',
  'import',
  'profile',
] as const
const help = {
  usage: `usage: npm run bench [-- <part> [sizes]]   parts: ${PARTS.join(' ')}
       index and write take sizes (e.g. 1000,100000); import a post count;
       profile takes the article (seed, 100k or 1m) and the path (source or derived)`,
}
const { positionals } = commandLine({}, help)
const only = positionals[0] as (typeof PARTS)[number] | undefined
if (only !== undefined && !PARTS.includes(only)) usageError(`no bench part ${only}`, help)
/** The sizes given after the part (`1000,100000`), each a positive whole number. */
function sizesGiven(): number[] | undefined {
  const given = positionals[1]
  if (given === undefined) return undefined
  const sizes = given.split(',').map(Number)
  if (!sizes.every((n) => Number.isInteger(n) && n > 0))
    usageError(`sizes are positive whole numbers, comma-separated: got ${given}`, help)
  return sizes
}
const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
const report: Record<string, unknown> = { date: new Date().toISOString(), node: process.version }

if (!only || only === 'pipeline' || only === 'hugo') {
  // Hugo first, alone: its build uses both cores, which would disturb the pipeline's measurements.
  const hugo = await benchHugo()
  report.hugo = hugo
  const { coldMs, results } = await benchPipeline()
  report.pipeline = { coldMs, results }
  console.log('\nRender paths (Node, CPU time per article: process.cpuUsage over many renders)')
  console.log(`  first render in a fresh process: ${fmt(coldMs, 1)} ms`)
  for (const r of results) {
    const vsHugo = hugo ? `  ${fmt(r.cpuUs / hugo.perArticleUs, 2)}× Hugo` : ''
    console.log(
      `  ${r.name.padEnd(15)} ${r.path.padEnd(15)} ${fmt(r.bytes / 1024, 1).padStart(7)} KB  ${fmt(r.cpuUs).padStart(8)} µs  ${fmt(r.usPerKb, 1).padStart(7)} µs/KB${vsHugo}`,
    )
  }
  if (hugo)
    console.log(
      `  Hugo ${hugo.version} building ${fmt(hugo.copies)} copies of the seed to memory: ${fmt(hugo.buildMs)} ms, ${fmt(hugo.perArticleUs)} µs per article`,
    )
  else console.log('  (hugo not on PATH: `apt-get install hugo` to compare)')
}

if (!only || only === 'hit') {
  const { results, ratios } = await benchHit()
  report.hit = { results, ratios }
  console.log(
    "\nThe in-Worker cache's hit, app code only (Node, CPU per request, in-memory caches)",
  )
  for (const r of results)
    console.log(
      `  ${r.name.padEnd(28)} ${fmt(r.bytes / 1024, 1).padStart(6)} KB  ${fmt(r.cpuUs, 1).padStart(7)} µs`,
    )
  console.log(
    `  hit/healthz ${fmt(ratios.hitToHealthz!, 2)}   hit/same-size constant ${fmt(ratios.hitToSameSize!, 2)}   (target ≤ 1.2)`,
  )
}

if (!only || only === 'compare') {
  const { fields, tools } = await compareWithGenerators()
  report.compare = { fields, tools }
  console.log(
    "\nThe seed article's preview fields, by generator (✓ present and right, · missing or wrong, - not installed)",
  )
  const names = Object.keys(tools)
  console.log(`  ${''.padEnd(28)}${names.map((n) => n.padEnd(26)).join('')}`)
  fields.forEach((field, i) =>
    console.log(
      `  ${field.padEnd(28)}${names.map((n) => (tools[n] ? (tools[n][i] ? '✓' : '·') : '-').padEnd(26)).join('')}`,
    ),
  )
  console.log(
    `  ${'total'.padEnd(28)}${names.map((n) => (tools[n] ? `${tools[n].filter(Boolean).length}/${fields.length}` : '-').padEnd(26)).join('')}`,
  )
}

if (!only || only === 'http') {
  const { results, coldFirstRequestMs, serverTiming } = await benchHttp()
  report.http = { results, coldFirstRequestMs, serverTiming }
  console.log('\nHTTP against wrangler dev on loopback (20 connections)')
  console.log(
    `  first request, cold isolate, cache miss: ${fmt(coldFirstRequestMs, 1)} ms (Server-Timing: ${serverTiming})`,
  )
  for (const r of results) {
    console.log(
      `  ${r.name.padEnd(28)} ${fmt(r.rps).padStart(7)} req/s  p50 ${fmt(r.p50Ms).padStart(4)} ms  p99 ${fmt(r.p99Ms).padStart(4)} ms  workerd CPU ${fmt(r.cpuMs, 1).padStart(5)} ms/req  (${r.requests} requests, ${r.errors} errors)`,
    )
  }
  const [baseline, sameSize, hit, miss, handPut] = results as [
    (typeof results)[0],
    (typeof results)[0],
    (typeof results)[0],
    (typeof results)[0],
    (typeof results)[0],
  ]
  const ratios = {
    hitToBaseline: hit.rps / baseline.rps,
    hitToSameSize: hit.rps / sameSize.rps,
    missToBaseline: miss.rps / baseline.rps,
    handPutToBaseline: handPut.rps / baseline.rps,
  }
  report.ratios = ratios
  console.log(
    `  hit/baseline ${fmt(ratios.hitToBaseline, 2)}   hit/page-sized constant ${fmt(ratios.hitToSameSize, 2)} (target ≥ 0.9)   miss/baseline ${fmt(ratios.missToBaseline, 2)}   put by hand, first read/baseline ${fmt(ratios.handPutToBaseline, 2)}   (throughput ratios)`,
  )
}

if (!only || only === 'load') {
  const { rounds, baselineRssMb, baselineHeapMb } = await benchLoad()
  report.load = { rounds, baselineRssMb, baselineHeapMb }
  console.log(
    '\nLoad: 1,000 articles, 100 connections, 2 × 30 s; 50% hits, 20% first-time misses, 15% 304, 15% 404',
  )
  console.log(
    `  before: this server's process tree ${fmt(baselineRssMb)} MB resident, the Worker isolate's JS heap ${fmt(baselineHeapMb, 1)} MB (after GC)`,
  )
  console.log(
    '  (workerd grows its resident memory under load on any Worker, a one-route one too: that is the dev runtime; the isolate heap is what meets the 128 MB limit)',
  )
  const heap = JSON.parse(
    execFileSync(process.execPath, ['--expose-gc', ...NODE_LOADERS, 'bench/heap.ts'], {
      encoding: 'utf8',
    })
      .trim()
      .split('\n')
      .at(-1)!,
  ) as { rendersPerRound: number; heapMb: number[] }
  report.heap = heap
  console.log(
    `  render path heap after GC (Node, every 3,000 renders): ${heap.heapMb.join(' → ')} MB`,
  )
  rounds.forEach((r, i) => {
    const codes = Object.entries(r.statuses)
      .map(([code, count]) => `${code}: ${count}`)
      .join(', ')
    const fivexx = Object.entries(r.statuses)
      .filter(([code]) => code.startsWith('5'))
      .reduce((sum, [, count]) => sum + count, 0)
    console.log(
      `  round ${i + 1}: ${fmt(r.rps)} req/s  p50 ${r.p50Ms} ms  p99 ${r.p99Ms} ms  (${r.requests} requests; ${codes}; 5xx ${fivexx}; errors ${r.errors}, timeouts ${r.timeouts})  process tree ${fmt(r.treeRssMb)} MB, isolate heap ${fmt(r.isolateHeapMb, 1)} MB`,
    )
  })
}

if (!only || only === 'hostile') {
  const { cases, hung } = await benchHostile()
  report.hostile = { cases, hung }
  const rendered = cases.filter((c) => !c.refused)
  const seed = cases.find((c) => c.kind === 'seed-html')
  const worst = [...rendered].sort((a, b) => b.usPerKb - a.usPerKb)
  const ratio = (c: HostileCase) => Math.max(c.pageBytes!, c.jsonBytes!) / c.bytes
  console.log(
    `\nHostile sources at the size limit (1 MB), source → page, CPU time: ${cases.length} classes, ${cases.length - rendered.length} refused with a reason, ${rendered.length} rendered`,
  )
  if (hung) console.log(`  ✗ ${hung}`)
  if (seed) console.log(`  the seed, repeated to 1 MB: ${fmt(seed.usPerKb)} µs/KB`)
  for (const c of worst.slice(0, 5))
    console.log(
      `  ${c.kind.padEnd(26)} ${fmt(c.usPerKb).padStart(6)} µs/KB (${fmt(c.usPerKb / (seed?.usPerKb ?? 1), 1)}× the seed)  largest response ${fmt(ratio(c), 2)}× the source`,
    )
  const biggest = [...rendered].sort((a, b) => ratio(b) - ratio(a))[0]
  if (biggest)
    console.log(
      `  largest page or JSON against its source: ${biggest.kind} ${fmt(ratio(biggest), 2)}× (limit 4× + 64 KB)`,
    )
}

if (!only || only === 'bundle') {
  const bundle = await benchBundle()
  report.bundle = bundle
  console.log(
    `\nWorker bundle (wrangler deploy --dry-run): ${fmt(bundle.rawBytes / 1024, 1)} KB raw, ${fmt(bundle.gzipBytes / 1024, 1)} KB gzipped (≤ 300 KB)`,
  )
  const share = (bytes: number) =>
    `${fmt(bytes / 1024, 1)} KB (${fmt((100 * bytes) / bundle.rawBytes)}%)`
  console.log(
    `  largest parts, raw: ${bundle.packages
      .slice(0, 8)
      .map((p) => `${p.name} ${share(p.bytes)}`)
      .join(', ')}`,
  )
  for (const d of bundle.duplicates)
    console.log(
      `  bundled more than once: ${d.name} from ${d.folders.map((f) => `${f.folder} (${fmt(f.bytes / 1024, 1)} KB)`).join(', ')}`,
    )
}

if (!only || only === 'og') {
  const KiB = (n: number) => `${fmt(n / 1024, 1)} KiB`
  const fonts = await benchOgFonts()
  const node = await benchOgNode()
  report.ogFonts = fonts
  report.ogNode = node
  console.log(
    '\nShare cards in Node (og/src render code, fonts from og/public/fonts; CPU per card, process.cpuUsage)',
  )
  console.log(
    `  ${'title'.padEnd(19)} ${'layout'.padEnd(18)} ${'first in process'.padStart(22)} ${'new fonts'.padStart(10)} ${'warm p50'.padStart(9)} ${'p90'.padStart(7)}   warm stages (wall p50)`,
  )
  for (const r of node)
    console.log(
      `  ${r.name.padEnd(19)} ${`${r.fontSize}px ${r.lines} lines${r.truncated ? ' …' : ''}`.padEnd(18)} ${`${fmt(r.firstProcess.initMs)} + ${fmt(r.firstProcess.firstMs)} ms`.padStart(22)} ${`${fmt(r.newFontsMs, 1)} ms`.padStart(10)} ${`${fmt(r.warm.p50, 1)} ms`.padStart(9)} ${`${fmt(r.warm.p90, 1)} ms`.padStart(7)}   satori ${fmt(r.stagesMs.satori, 1)} ms, resvg+PNG ${fmt(r.stagesMs.resvg, 1)} ms; PNG ${KiB(r.pngBytes)}`,
    )
  console.log(
    '  (first in process = wasm instantiation + the first card, in a fresh Node; new fonts = a warm process with its font cache cleared)',
  )
  console.log('\nFont subsets per card (WOFF, read from the ASSETS binding; cached per isolate)')
  for (const f of fonts) {
    const weights = [400, 700]
      .map((w) => `${f.files.filter((x) => x.path.endsWith(`-${w}.woff`)).length} at ${w}`)
      .join(', ')
    console.log(
      `  ${f.name.padEnd(19)} ${String(f.files.length).padStart(2)} files (${weights}) ${KiB(f.bytes).padStart(10)}   new after the cards above in one isolate: ${f.newFiles} files, ${KiB(f.newBytes)}`,
    )
  }

  const http = await benchOgHttp()
  report.ogHttp = http
  console.log(
    '\nShare cards under wrangler dev (both Workers, loopback, sequential; p50 / p90 of the least-disturbed round)',
  )
  console.log(
    `  first card of a fresh card isolate: ${fmt(http.firstCard.wallMs)} ms wall, ${fmt(http.firstCard.cpuMs)} ms workerd CPU`,
  )
  const healthz = http.results[0]!
  const pageHit = http.results[1]!
  for (const r of http.results)
    console.log(
      `  ${r.name.padEnd(24)} wall ${fmt(r.wall.p50, 1).padStart(6)} / ${fmt(r.wall.p90, 1).padStart(6)} ms   workerd CPU ${fmt(r.cpu.p50, 1).padStart(6)} / ${fmt(r.cpu.p90, 1).padStart(6)} ms   ${KiB(r.bytes).padStart(10)}   ×${fmt(r.wall.p50 / pageHit.wall.p50, 2)} page hit, ×${fmt(r.wall.p50 / healthz.wall.p50, 2)} healthz (wall)`,
    )

  const bundle = await benchOgBundle()
  report.ogBundle = bundle
  const MiB = 1024 * 1024
  console.log('\nBundles (wrangler deploy --dry-run, gzip -9) against the limits')
  console.log(
    `  site Worker:  ${KiB(bundle.site.rawBytes)} raw, ${KiB(bundle.site.gzipBytes)} gzipped (target ≤ 300 KB)`,
  )
  console.log(
    `  card Worker:  ${KiB(bundle.og.rawBytes)} raw, ${KiB(bundle.og.gzipBytes)} gzipped = ${fmt((100 * bundle.og.gzipBytes) / (3 * MiB), 0)}% of Free's 3 MiB, ${fmt((100 * bundle.og.gzipBytes) / (10 * MiB), 0)}% of Paid's 10 MiB (gzipped; the newer 64 MiB uncompressed: ${fmt((100 * bundle.og.rawBytes) / (64 * MiB), 1)}%)`,
  )
  for (const m of bundle.og.modules)
    console.log(
      `    ${m.name.padEnd(40)} ${KiB(m.rawBytes).padStart(12)} raw ${KiB(m.gzipBytes).padStart(12)} gz`,
    )
  console.log(
    `  card assets:  ${fmt(bundle.assets.files)} files, ${fmt(bundle.assets.bytes / MiB, 1)} MiB; largest ${bundle.assets.largest.path} ${KiB(bundle.assets.largest.bytes)} (limits: 20,000 files Free / 100,000 Paid, 25 MiB per file)`,
  )
}

if (only === 'index') {
  // Loaded only here: it brings node:sqlite (and its experimental warning) into the process.
  const { benchIndex, INDEX_SIZES } = await import('./index')
  const sizes = sizesGiven() ?? INDEX_SIZES
  const index = await benchIndex(sizes)
  report.index = index
  const size = (n: number) =>
    n >= 1_000_000 ? `${n / 1_000_000}M` : n >= 1_000 ? `${n / 1_000}k` : `${n}`
  const ms = (n: number | undefined, digits = 1) => (n === undefined ? '?' : fmt(n, digits))
  const cell = (t: Timing | undefined) =>
    t ? `${ms(t.sqlP50, 2)}/${ms(t.sqlP90, 2)} · ${ms(t.dbMean)} · ${ms(t.p50)}` : '—'
  const ratio = (ts: (Timing | undefined)[], key: 'sqlP50' | 'p50') => {
    const [first, last] = [ts[0]?.[key], ts.at(-1)?.[key]]
    return first && last && ts.length > 1 ? last / first : undefined
  }
  const notes = (ts: (Timing | undefined)[]) => {
    const t = ts.findLast(Boolean)
    const rows =
      t?.rowsRead === undefined
        ? ''
        : `D1 rows read/written ${fmt(t.rowsRead)}/${fmt(t.rowsWritten ?? 0)}`
    return [t?.note, rows].filter(Boolean).join('; ')
  }
  const span = sizes.length > 1 ? `${size(sizes.at(-1)!)}/${size(sizes[0]!)}` : ''
  const table = (title: string, rows: Record<string, (Timing | undefined)[]>) => {
    console.log(`\n  ${title}`)
    console.log(
      `  ${''.padEnd(48)}${sizes.map((n) => size(n).padEnd(36)).join('')}${span && `${span} sql · wall`.padEnd(24)}`,
    )
    for (const [name, ts] of Object.entries(rows)) {
      const r = [ratio(ts, 'sqlP50'), ratio(ts, 'p50')]
      const ratios = r[0] === undefined ? '—' : `${fmt(r[0], 2)}× · ${ms(r[1], 2)}×`
      console.log(
        `  ${name.padEnd(48)}${sizes.map((_, i) => `${cell(ts[i])} `.padEnd(36)).join('')}${span && `${ratios} `.padEnd(24)}${notes(ts)}`,
      )
    }
  }
  console.log(
    "\nThe article index in D1: ko articles, the project's src/listing code. Each cell, in ms: SQL p50/p90 (node:sqlite on the same file) · D1 meta.duration mean (whole ms) · wall p50 through D1 (Miniflare via getPlatformProxy, with its loopback hops)",
  )
  for (const d of index.databases)
    console.log(
      `  ${size(d.n).padStart(4)}: ${fmt(d.bytes / 1e6, 1)} MB, ${fmt(d.bytesPer1000 / 1e6, 2)} MB per 1,000 articles → ${fmt(10e9 / (d.bytesPer1000 / 1000) / 1e6, 2)}M such articles in 10 GB (${d.cached ? 'cached; generated' : 'generated'} in ${fmt(d.generatedMs / 1000)} s)`,
    )
  table('Listings, feed, sitemap (page misses)', index.listing)
  table('Search, page 1', index.search)
  table('Publishing one article (indexArticle: one D1 batch), and taking it out', index.publish)
  const last = sizes.length - 1
  const at100k = sizes.indexOf(100_000)
  const verdict = (ok: boolean) => (ok ? '✓' : '✗ MISSED')
  console.log('\n  Targets')
  for (const [name, ts] of Object.entries(index.listing).slice(1)) {
    const r = ratio(ts, 'sqlP50')
    if (r !== undefined)
      console.log(
        `  ${verdict(r <= 1.5)} ${name}: ${span} ${fmt(r, 2)}× (SQL p50; ≤ 1.5×), through D1 ${ms(ratio(ts, 'p50'), 2)}×`,
      )
  }
  const floor = Object.values(index.listing)[0]
  if (at100k >= 0)
    for (const [name, ts] of Object.entries(index.search)) {
      const t = ts[at100k]
      if (t)
        console.log(
          `  ${verdict(Math.max(t.sqlP50 ?? 0, t.dbP50 ?? 0) <= 30)} search ${name} at 100k: p50 ${ms(t.sqlP50, 2)} ms SQL, ${ms(t.dbP50)} ms D1 meta.duration (≤ 30 ms); wall through the local proxy ${ms(t.p50)} ms, its SELECT 1 ${ms(floor?.[at100k]?.p50)} ms`,
        )
    }
  for (const [name, ts] of Object.entries(index.publish)) {
    const t = ts[last]
    if (t && !name.endsWith('unindexArticle'))
      console.log(
        `  ${verdict(Math.max(t.sqlP50 ?? 0, t.dbMean ?? 0) <= 20)} publish ${name} at ${size(sizes[last]!)}: ${ms(t.sqlP50, 2)} ms SQL p50, ${ms(t.dbMean)} ms D1 meta.duration mean, ${ms(t.p50)} ms wall through D1 (≤ 20 ms database time)`,
      )
  }
}
if (only === 'write') {
  const { benchWrite, WRITE_SIZES } = await import('./write')
  const sizes = sizesGiven() ?? WRITE_SIZES
  const write = await benchWrite(sizes)
  report.write = write
  console.log(
    '\ncontent:push of generated Korean articles (dates in random order) into empty local stores',
  )
  const first = write.runs[0]
  for (const r of write.runs) {
    const linear =
      first && r !== first
        ? `  ${fmt(r.ms / r.n / (first.ms / first.n), 2)}× the per-article time at ${fmt(first.n)}`
        : ''
    const hugo =
      r.hugoMs === undefined ? '' : `  Hugo ${fmt(r.hugoMs)} ms (${fmt(r.ms / r.hugoMs, 1)}× Hugo)`
    console.log(
      `  ${fmt(r.n).padStart(6)} articles: ${fmt(r.ms / 1000, 1).padStart(6)} s  ${fmt(r.perSecond).padStart(6)} articles/s${linear}${hugo}`,
    )
  }
  if (write.runs.every((r) => r.hugoMs === undefined))
    console.log('  (hugo not on PATH: `apt-get install hugo` to compare)')
  const { benchRemoteCalls } = await import('./write')
  const remote = await benchRemoteCalls(3_000)
  report.writeRemote = remote
  const total = Object.values(remote.calls).reduce((a, b) => a + b, 0)
  console.log(
    `  content:push --remote of ${fmt(remote.n)} new articles: ${fmt(total)} calls to Cloudflare (${fmt(total / remote.n, 2)} per article; counted against local stand-ins): ${Object.entries(
      remote.calls,
    )
      .map(([call, count]) => `${call} ${fmt(count)}`)
      .join(', ')}`,
  )
}

if (only === 'import') {
  const posts = sizesGiven()?.[0] ?? 100_000
  const r = await benchImport(posts)
  report.import = r
  console.log(
    `\nimport:wordpress, a generated export of ${fmt(r.posts)} posts (${fmt(r.exportMb)} MB), to a temporary folder`,
  )
  console.log(
    `  ${r.firstPostsPerSecond >= 1000 ? '✓' : '✗'} first import: ${fmt(r.firstMs / 1000, 1)} s, ${fmt(r.firstPostsPerSecond)} posts/s (≥ 1,000); ${fmt(r.firstPostsPerCpuSecond)} posts per CPU second`,
  )
  console.log(
    `  re-run (every file already there, none rewritten): ${fmt(r.rerunMs / 1000, 1)} s, ${fmt(r.rerunPostsPerSecond)} posts/s; heap at most ${fmt(r.heapMb)} MB, ${fmt(r.retainedMb)} MB kept after a full GC`,
  )
}
if (only === 'profile') {
  const [article = 'seed', path = 'source'] = positionals.slice(1)
  if (!['seed', '100k', '1m'].includes(article) || !['source', 'derived'].includes(path))
    usageError(`profile: unknown article ${article} or path ${path}`, help)
  const { profile } = await import('./profile')
  await profile(article as 'seed' | '100k' | '1m', path as 'source' | 'derived')
}

if (!only || only === 'images') {
  const KB = (n: number) => `${fmt(n / 1024, 1)} KB`
  const r = await benchImages()
  report.images = r
  console.log(
    `\nHosted pictures (en/seoul-heat-island, original ${KB(r.originalBytes)}), wrangler dev`,
  )
  for (const p of r.phone)
    console.log(
      `  ${p.avif <= 150 * 1024 ? '✓' : '✗'} 375 px phone at ${p.density}×: the ${p.width} w variant, AVIF ${KB(p.avif)}, WebP ${KB(p.webp)}, JPEG ${KB(p.jpeg)} (≤ 150 KB; the original is ${fmt(r.originalBytes / p.avif, 1)}× the AVIF)`,
    )
  for (const m of r.miss)
    console.log(
      `  MISS ${m.format.padEnd(10)} ${fmt(m.wallMs)} ms wall, ${fmt(m.cpuMs, 1)} ms workerd CPU`,
    )
  console.log(
    `  HIT  p50 ${fmt(r.hit.wallMsP50, 1)} ms wall, ${fmt(r.hit.cpuMsP50, 2)} ms workerd CPU`,
  )
  if (only === 'images') {
    const bundle = await benchBundle()
    report.bundle = bundle
    console.log(
      `  ${bundle.gzipBytes <= 300 * 1024 ? '✓' : '✗'} Worker bundle ${fmt(bundle.gzipBytes / 1024, 1)} KB gzipped (≤ 300 KB)`,
    )
  }
}
if (!only)
  console.log(
    '\n(The article index bench is not in the default run: `npm run bench -- index` — several minutes.)',
  )

await mkdir('bench/results', { recursive: true })
await writeFile('bench/results/latest.json', JSON.stringify(report, null, 2))
