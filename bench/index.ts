/**
 * The article index in D1 at 1,000, 100,000 and 1,000,000 articles (issue 13's targets): listing
 * pages, the feed, a sitemap part, an article's versions, search, and publishing one article, each
 * through the project's own code (src/listing/) against a real local D1 (Miniflare, reached from
 * Node through wrangler's getPlatformProxy, as content:push reaches it).
 *
 * Filling a million rows one publish at a time would take hours, so each database is created by
 * Miniflare with the committed migrations, closed, bulk-filled with node:sqlite in publication order
 * with the ranks and search ids indexArticle would have given each row (and the FTS text from the
 * project's own searchText), and reopened by Miniflare. The filled databases are cached under
 * bench/.cache/ (git-ignored) and reused; delete the folder to regenerate.
 *
 * Two clocks per call: wall time in Node around the project's function (includes the loopback hop
 * into workerd, a constant floor shown as `SELECT 1`), and D1's own `meta.duration` summed over the
 * call's statements (SQL time inside workerd; whole milliseconds locally). Publishes are undone with
 * unindexArticle after each run, so the cached database stays as generated.
 */
import { existsSync } from 'node:fs'
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import type { PlatformProxy } from 'wrangler'
import { migrate, readMigrations } from '../scripts/lib/migrate'
import { platformProxy } from '../scripts/lib/wrangler'
import type { Db } from '../src/listing/db'
import { labelsOf, type IndexRow } from '../src/listing/entry'
import { byRank, counts, listingPage, newest, versionsOf } from '../src/listing/read'
import { search, type SearchOrder } from '../src/listing/search'
import { languageToken, searchQuery } from '../src/listing/search-text'
import { indexArticle, unindexArticle } from '../src/listing/write'
import { ArticleGenerator, CATEGORIES, TAGS } from './index-data'

export const INDEX_SIZES = [1_000, 100_000, 1_000_000]
const CACHE = 'bench/.cache'
/** Bump when the generator or the schema changes: cached databases of another version are rebuilt. */
const GENERATOR_VERSION = 1
/** The newest generated article; older ones every ~10 minutes before it (a busy newsroom's pace). */
const END_MS = Date.parse('2026-11-01T00:00:00Z')
const SPACING_MS = 600_000
const RUNS = 30
const CONFIG = { storageTimeoutMs: 600_000 }
const LANG = 'ko'
const LANGUAGES = ['ko', 'en', 'ja']
const FEED_SIZE = 20
const SITEMAP_LIMIT = 1_000
const PAGE_SIZE = 12

// ---------------------------------------------------------------------------------------------
// Building the databases

interface Built {
  n: number
  dir: string
  file: string
  bytes: number
  generatedMs: number
  cached: boolean
  /** Bytes per table and index (SQLite's dbstat), when this SQLite has it. */
  parts?: Record<string, number>
}

async function openProxy(dir: string): Promise<PlatformProxy<Env>> {
  const configPath = join(dir, 'wrangler.json')
  await writeFile(
    configPath,
    JSON.stringify({
      name: 'bench-index',
      compatibility_date: '2025-09-01',
      d1_databases: [
        { binding: 'ARTICLES_DB', database_name: 'bench-index', database_id: 'bench-index' },
      ],
    }),
  )
  return platformProxy({ remote: false, configPath, persistTo: join(dir, 'state') })
}

async function sqliteFile(dir: string): Promise<string> {
  const found: string[] = []
  const walk = async (path: string): Promise<void> => {
    for (const entry of await readdir(path, { withFileTypes: true })) {
      const full = join(path, entry.name)
      if (entry.isDirectory()) await walk(full)
      else if (
        full.includes('miniflare-D1DatabaseObject') &&
        entry.name.endsWith('.sqlite') &&
        entry.name !== 'metadata.sqlite'
      )
        found.push(full)
    }
  }
  await walk(join(dir, 'state'))
  if (found.length !== 1) throw new Error(`expected one D1 database under ${dir}, found ${found}`)
  return found[0]!
}

export async function buildIndexDatabase(n: number, log: (line: string) => void): Promise<Built> {
  const dir = join(CACHE, `index-${n}`)
  const metaPath = join(dir, 'meta.json')
  if (existsSync(metaPath)) {
    const meta = JSON.parse(await readFile(metaPath, 'utf8')) as Built & { version: number }
    if (meta.version === GENERATOR_VERSION && existsSync(meta.file))
      return { ...meta, cached: true }
  }
  await rm(dir, { recursive: true, force: true })
  await mkdir(dir, { recursive: true })
  const started = performance.now()
  // Miniflare creates the database and applies the migrations as npm start would...
  const proxy = await openProxy(dir)
  await migrate(proxy.env.ARTICLES_DB, await readMigrations())
  await proxy.dispose()
  // ...then, closed, it is filled directly.
  const file = await sqliteFile(dir)
  fill(file, n, log)
  const generatedMs = performance.now() - started
  const bytes = (await stat(file)).size
  const built: Built = { n, dir, file, bytes, generatedMs, cached: false, parts: dbstat(file) }
  await writeFile(metaPath, JSON.stringify({ ...built, version: GENERATOR_VERSION }, null, 2))
  return built
}

/** The rows indexArticle would have written, publishing the articles oldest first. */
function fill(file: string, n: number, log: (line: string) => void) {
  const db = new DatabaseSync(file)
  db.exec('PRAGMA journal_mode = DELETE; PRAGMA synchronous = OFF; PRAGMA cache_size = -1000000')
  const insertArticle = db.prepare(
    `INSERT INTO articles (id, lang, slug, title, description, published_at, modified_at, sort_ms, image_url, image_alt,
       image_width, image_height, content_lang, categories, tags, authors, source_sha256, store, file_name, first_seen,
       rank, search_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const insertLabel = db.prepare(
    'INSERT INTO labels (lang, kind, key, name, article_id, sort_ms, slug, rank) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  )
  const insertSearch = db.prepare(
    'INSERT INTO search (rowid, lang, title, description, body) VALUES (?, ?, ?, ?, ?)',
  )
  const generator = new ArticleGenerator(13)
  const labelRanks = new Map<string, number>()
  const lastSlot = { slot: -1, next: 0 }
  const started = performance.now()
  db.exec('BEGIN')
  for (let i = 0; i < n; i++) {
    // Publication times strictly increase, so rank i + 1 is the row's place from the oldest.
    const ms = END_MS - (n - 1 - i) * SPACING_MS - Math.floor((i * 7919) % 300) * 1000
    const row = generator.article(i, ms)
    const sortMs = Date.parse(row.publishedAt)
    // write.ts: search ids start at (publication second × 65,536) and take the next free one.
    const slot = Math.floor(sortMs / 1000) * 65_536
    const searchId = slot === lastSlot.slot ? lastSlot.next : slot
    Object.assign(lastSlot, { slot, next: searchId + 1 })
    const id = i + 1
    insertArticle.run(
      id,
      row.lang,
      row.slug,
      row.title,
      row.description,
      row.publishedAt,
      row.modifiedAt ?? null,
      sortMs,
      row.image?.url ?? null,
      row.image?.alt ?? null,
      row.image?.width ?? null,
      row.image?.height ?? null,
      row.contentLang,
      JSON.stringify(row.categories),
      JSON.stringify(row.tags),
      JSON.stringify(row.authors),
      row.sourceSha256,
      row.store,
      row.fileName ?? null,
      row.firstSeen,
      id,
      searchId,
    )
    for (const label of labelsOf(row)) {
      const k = `${label.kind}\u0000${label.key}`
      const rank = (labelRanks.get(k) ?? 0) + 1
      labelRanks.set(k, rank)
      insertLabel.run(row.lang, label.kind, label.key, label.name, id, sortMs, row.slug, rank)
    }
    insertSearch.run(
      searchId,
      languageToken(row.lang),
      row.search.title,
      row.search.description,
      row.search.body,
    )
    if ((i + 1) % 100_000 === 0) {
      db.exec('COMMIT; BEGIN')
      const s = (performance.now() - started) / 1000
      log(
        `  ${(i + 1).toLocaleString('en-US')} / ${n.toLocaleString('en-US')} rows, ${s.toFixed(0)} s`,
      )
    }
  }
  db.exec('COMMIT')
  db.exec('PRAGMA journal_mode = WAL')
  db.close()
}

function dbstat(file: string): Record<string, number> | undefined {
  const db = new DatabaseSync(file)
  try {
    const rows = db
      .prepare('SELECT name, SUM(pgsize) AS bytes FROM dbstat GROUP BY name ORDER BY bytes DESC')
      .all() as { name: string; bytes: number }[]
    return Object.fromEntries(rows.map((r) => [r.name, r.bytes]))
  } catch {
    return undefined
  } finally {
    db.close()
  }
}

// ---------------------------------------------------------------------------------------------
// Measuring

/** D1's own time (meta.duration) of every statement a call ran. */
class Meter {
  ms = 0
  add(meta: { duration?: number }) {
    this.ms += meta.duration ?? 0
  }
}

/** The database as the project's code sees it (a `Db`), counting D1's meta.duration of each call. */
function metered(db: D1Database, meter: Meter): Db {
  const real = new WeakMap<object, D1PreparedStatement>()
  const wrap = (statement: D1PreparedStatement): D1PreparedStatement => {
    const wrapped = {
      bind: (...values: unknown[]) => wrap(statement.bind(...values)),
      all: async () => {
        const result = await statement.all()
        meter.add(result.meta)
        return result
      },
      // D1's first() runs the same query and returns its first row; all() exposes its meta.
      first: async (column?: string) => {
        const result = await statement.all<Record<string, unknown>>()
        meter.add(result.meta)
        const row = result.results[0] ?? null
        return column === undefined ? row : (row?.[column] ?? null)
      },
      run: async () => {
        const result = await statement.run()
        meter.add(result.meta)
        return result
      },
      raw: (options?: { columnNames?: boolean }) => statement.raw(options as { columnNames: true }),
    } as unknown as D1PreparedStatement
    real.set(wrapped, statement)
    return wrapped
  }
  return {
    prepare: (sql) => wrap(db.prepare(sql)),
    batch: async <T>(statements: D1PreparedStatement[]) => {
      const results = await db.batch<T>(statements.map((s) => real.get(s) ?? s))
      for (const result of results) meter.add(result.meta)
      return results
    },
  }
}

export interface Timing {
  runs: number
  /** Wall time in Node, ms. */
  p50: number
  p90: number
  /** D1 meta.duration summed over the call's statements, ms. */
  dbP50: number
  dbP90: number
  dbMean: number
  /** What the call returned, in brief (rows on the page, matches…). */
  note?: string
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!

function summarize(wall: number[], db: number[], note?: string): Timing {
  const w = [...wall].sort((a, b) => a - b)
  const d = [...db].sort((a, b) => a - b)
  return {
    runs: w.length,
    p50: quantile(w, 0.5),
    p90: quantile(w, 0.9),
    dbP50: quantile(d, 0.5),
    dbP90: quantile(d, 0.9),
    dbMean: d.reduce((a, b) => a + b, 0) / d.length,
    ...(note !== undefined && { note }),
  }
}

interface Opened {
  built: Built
  proxy: PlatformProxy<Env>
  raw: D1Database
  meter: Meter
  db: Db
  /** Facts each query needs at this size. */
  pages: number
  categoryPages: number
  tagPages: number
  newestSlug: string
}

/** One call of `fn`, timed both ways. */
async function once(o: Opened, fn: (db: Db) => Promise<unknown>) {
  o.meter.ms = 0
  const started = performance.now()
  const value = await fn(o.db)
  return { wall: performance.now() - started, db: o.meter.ms, value }
}

/**
 * `fn` at every size, interleaved (run r at 1k, 100k, 1M, then run r + 1), after 3 warm-up calls
 * each, so drift on the machine falls on all sizes alike. Slow calls get fewer runs (at least 3),
 * so no query takes more than ~20 s per size.
 */
async function measure(
  opened: Opened[],
  fn: (o: Opened) => ((db: Db) => Promise<unknown>) | undefined,
  note: (value: unknown) => string = () => '',
  runs = RUNS,
): Promise<(Timing | undefined)[]> {
  const calls = opened.map((o) => fn(o))
  const wall = opened.map(() => [] as number[])
  const db = opened.map(() => [] as number[])
  const notes: string[] = opened.map(() => '')
  let budget = runs
  for (const [i, o] of opened.entries()) {
    const call = calls[i]
    if (!call) continue
    for (let w = 0; w < 3; w++) {
      const { wall: ms, value } = await once(o, call)
      notes[i] = note(value)
      budget = Math.min(budget, Math.max(3, Math.floor(20_000 / Math.max(ms, 1))))
      if (ms > 5_000) break
    }
  }
  for (let r = 0; r < budget; r++)
    for (const [i, o] of opened.entries()) {
      const call = calls[i]
      if (!call) continue
      const t = await once(o, call)
      wall[i]!.push(t.wall)
      db[i]!.push(t.db)
    }
  return opened.map((_, i) => (calls[i] ? summarize(wall[i]!, db[i]!, notes[i]) : undefined))
}

export interface IndexBenchResult {
  sizes: number[]
  databases: {
    n: number
    bytes: number
    bytesPer1000: number
    generatedMs: number
    cached: boolean
    parts?: Record<string, number>
  }[]
  /** Per query, one timing per size (undefined where the query does not apply). */
  listing: Record<string, (Timing | undefined)[]>
  search: Record<string, (Timing | undefined)[]>
  publish: Record<string, (Timing | undefined)[]>
}

export async function benchIndex(
  sizes = INDEX_SIZES,
  log: (line: string) => void = (line) => console.log(line),
): Promise<IndexBenchResult> {
  const built: Built[] = []
  for (const n of sizes) {
    log(`index bench: the database of ${n.toLocaleString('en-US')} articles…`)
    const b = await buildIndexDatabase(n, log)
    log(
      b.cached
        ? `  cached (${(b.bytes / 1e6).toFixed(0)} MB; generated in ${(b.generatedMs / 1000).toFixed(0)} s)`
        : `  generated in ${(b.generatedMs / 1000).toFixed(0)} s, ${(b.bytes / 1e6).toFixed(0)} MB`,
    )
    built.push(b)
  }
  const opened: Opened[] = []
  try {
    for (const b of built) {
      const proxy = await openProxy(b.dir)
      const raw = proxy.env.ARTICLES_DB
      const meter = new Meter()
      const facts = await raw
        .prepare(
          `SELECT (SELECT COUNT(*) FROM articles) AS n, (SELECT MAX(rank) FROM articles WHERE lang = ?1) AS top,
             (SELECT MAX(rank) FROM labels WHERE lang = ?1 AND kind = 'category' AND key = ?2) AS category,
             (SELECT MAX(rank) FROM labels WHERE lang = ?1 AND kind = 'tag' AND key = ?3) AS tag,
             (SELECT slug FROM articles WHERE lang = ?1 AND rank = (SELECT MAX(rank) FROM articles WHERE lang = ?1)) AS slug`,
        )
        .bind(LANG, CATEGORIES[0]!.toLowerCase(), TAGS[0]!.toLowerCase())
        .first<{ n: number; top: number; category: number; tag: number; slug: string }>()
      if (!facts || facts.n !== b.n || facts.top !== b.n)
        throw new Error(
          `${b.dir}: expected ${b.n} articles ranked 1..${b.n}, found ${facts?.n} (top rank ${facts?.top}); delete the folder to regenerate`,
        )
      opened.push({
        built: b,
        proxy,
        raw,
        meter,
        db: metered(raw, meter),
        pages: Math.ceil(b.n / PAGE_SIZE),
        categoryPages: Math.ceil(facts.category / PAGE_SIZE),
        tagPages: Math.ceil(facts.tag / PAGE_SIZE),
        newestSlug: facts.slug,
      })
    }

    const rows = (v: unknown) => {
      const page = (v as { page?: { items: unknown[]; pages: number } } | undefined)?.page
      return page ? `${page.items.length} rows, page of ${page.pages}` : 'none'
    }
    const listing: IndexBenchResult['listing'] = {}
    const home = { kind: 'home' } as const
    const category = { kind: 'category', name: CATEGORIES[0]! } as const
    const tag = { kind: 'tag', name: TAGS[0]! } as const
    log('  listing queries…')
    listing['SELECT 1 (the loopback floor)'] = await measure(
      opened,
      () => (db) => db.prepare('SELECT 1').all(),
    )
    listing['home, page 1'] = await measure(
      opened,
      () => (db) => listingPage(db, CONFIG, LANG, home, 1),
      rows,
    )
    listing['home, page 500'] = await measure(
      opened,
      (o) => (o.pages >= 500 ? (db) => listingPage(db, CONFIG, LANG, home, 500) : undefined),
      rows,
    )
    listing['home, last page'] = await measure(
      opened,
      (o) => (db) => listingPage(db, CONFIG, LANG, home, o.pages),
      rows,
    )
    listing[`category "${category.name}", page 1`] = await measure(
      opened,
      () => (db) => listingPage(db, CONFIG, LANG, category, 1),
      rows,
    )
    listing[`category "${category.name}", last page`] = await measure(
      opened,
      (o) => (db) => listingPage(db, CONFIG, LANG, category, o.categoryPages),
      rows,
    )
    listing[`tag "${tag.name}", page 1`] = await measure(
      opened,
      () => (db) => listingPage(db, CONFIG, LANG, tag, 1),
      rows,
    )
    listing[`tag "${tag.name}", last page`] = await measure(
      opened,
      (o) => (db) => listingPage(db, CONFIG, LANG, tag, o.tagPages),
      rows,
    )
    listing[`feed (newest ${FEED_SIZE})`] = await measure(
      opened,
      () => (db) => newest(db, CONFIG, LANG, FEED_SIZE),
      (v) => `${(v as unknown[]).length} rows`,
    )
    // As src/routes/feeds.ts reads part 1: the counts of every language, then the ranks it lists.
    const sitemapPart = (db: Db, from: number) =>
      counts(db, CONFIG, LANGUAGES).then(() =>
        byRank(db, CONFIG, LANG, from, from + SITEMAP_LIMIT - LANGUAGES.length - 1),
      )
    listing['sitemap part 1 (counts + 997 ranks)'] = await measure(
      opened,
      () => (db) => sitemapPart(db, 1),
      (v) => `${(v as unknown[]).length} rows`,
    )
    listing['sitemap, newest part'] = await measure(
      opened,
      (o) => (db) => sitemapPart(db, Math.max(1, o.built.n - SITEMAP_LIMIT + LANGUAGES.length + 1)),
      (v) => `${(v as unknown[]).length} rows`,
    )
    listing['versions of a slug (article page)'] = await measure(
      opened,
      (o) => (db) => versionsOf(db, CONFIG, o.newestSlug),
      (v) => `${(v as unknown[]).length} rows`,
    )

    log('  search…')
    const searchResults: IndexBenchResult['search'] = {}
    const searches: [string, SearchOrder][] = [
      ['협정', 'newest'],
      ['푸틴', 'newest'],
      ['東京', 'newest'],
      ['푸틴 협정', 'newest'],
      ['정부', 'newest'],
      ['협정', 'best'],
      ['푸틴', 'best'],
      ['東京', 'best'],
      ['정부', 'best'],
    ]
    for (const [text, order] of searches) {
      const matches = await Promise.all(
        opened.map((o) =>
          o.raw
            .prepare('SELECT COUNT(*) AS n FROM search WHERE search MATCH ?')
            .bind(searchQuery(text, LANG)!)
            .first<{ n: number }>(),
        ),
      )
      const timings = await measure(
        opened,
        () => (db) => search(db, CONFIG, LANG, text, 1, order),
        (v) => `${(v as { items: unknown[] }).items.length} shown`,
      )
      searchResults[`${text} (${order})`] = timings.map(
        (t, i) => t && { ...t, note: `${matches[i]!.n.toLocaleString('en-US')} matches` },
      )
    }

    log('  publishing…')
    const publishResults: IndexBenchResult['publish'] = {}
    const generator = new ArticleGenerator(2026)
    let serial = 0
    const article = (ms: number): IndexRow => {
      const { body: _body, ...row } = generator.article(0, ms)
      return { ...row, slug: `bench-publish-${++serial}` }
    }
    const DAY = 86_400_000
    const cases: [string, (o: Opened) => number, number][] = [
      ['newest', () => END_MS + 60_000, RUNS],
      ['back-dated 1 day', () => END_MS - DAY + 30_000, 10],
      ['back-dated 1 year', () => END_MS - 365 * DAY + 30_000, 5],
      ['back-dated before the oldest', (o) => END_MS - o.built.n * SPACING_MS - DAY, 3],
    ]
    for (const [name, when, runs] of cases) {
      const newer = await Promise.all(
        opened.map(async (o) => {
          const r = await o.raw
            .prepare('SELECT COUNT(*) AS n FROM articles WHERE lang = ? AND sort_ms > ?')
            .bind(LANG, when(o))
            .first<{ n: number }>()
          return r!.n
        }),
      )
      const samples = opened.map(() => ({ wall: [] as number[], db: [] as number[] }))
      const undo = opened.map(() => ({ wall: [] as number[], db: [] as number[] }))
      // One publish and its undo per size as a warm-up; then the runs, interleaved across sizes.
      // Each publish is undone at once (unindexArticle, timed too), so every run publishes into the
      // same index and the cached database stays as generated.
      let budget = runs
      for (let r = -1; r < budget; r++)
        for (const [i, o] of opened.entries()) {
          const row = article(when(o))
          const put = await once(o, (db) => indexArticle(db, row))
          const back = await once(o, (db) => unindexArticle(db, row.lang, row.slug))
          if (r < 0) {
            budget = Math.min(budget, Math.max(3, Math.floor(20_000 / (put.wall + back.wall))))
            continue
          }
          samples[i]!.wall.push(put.wall)
          samples[i]!.db.push(put.db)
          undo[i]!.wall.push(back.wall)
          undo[i]!.db.push(back.db)
        }
      publishResults[name] = opened.map((_, i) => {
        const back = summarize(undo[i]!.wall, undo[i]!.db)
        return summarize(
          samples[i]!.wall,
          samples[i]!.db,
          `${newer[i]!.toLocaleString('en-US')} newer articles move down a rank; unindexArticle p50 ${back.p50.toFixed(1)} ms wall, ${back.dbP50.toFixed(1)} ms db`,
        )
      })
    }
    return {
      sizes,
      databases: built.map((b) => ({
        n: b.n,
        bytes: b.bytes,
        bytesPer1000: (b.bytes / b.n) * 1000,
        generatedMs: b.generatedMs,
        cached: b.cached,
        ...(b.parts && { parts: b.parts }),
      })),
      listing,
      search: searchResults,
      publish: publishResults,
    }
  } finally {
    for (const o of opened) await o.proxy.dispose()
  }
}
