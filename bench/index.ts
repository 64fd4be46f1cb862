/**
 * The article index in D1 at 1,000, 100,000 and 1,000,000 articles (issue 13's targets): listing
 * pages, the feed, a sitemap part, an article's versions, search, and publishing one article, each
 * through the project's own code (src/listing/) against a real local D1 (Miniflare, reached from
 * Node through wrangler's getPlatformProxy, as content:push reaches it).
 *
 * Filling a million rows one publish at a time would take hours, so each database is created by
 * Miniflare with the committed migrations, closed, bulk-filled with node:sqlite in publication order
 * with the search ids indexArticle would have given each row (and the FTS text from the project's
 * own searchText) and their day counts, and reopened by Miniflare. The filled databases are cached under
 * bench/.cache/ (git-ignored) and reused; delete the folder to regenerate.
 *
 * Two clocks per call: wall time in Node around the project's function (includes the loopback hop
 * into workerd, a constant floor shown as `SELECT 1`), and D1's own `meta.duration` summed over the
 * call's statements (SQL time inside workerd; whole milliseconds locally). Publishes are undone with
 * unindexArticle after each run, so the cached database stays as generated.
 */
import { existsSync } from 'node:fs'
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite'
import type { PlatformProxy } from 'wrangler'
import { unstable_splitSqlQuery as splitSqlQuery } from 'wrangler'
import { migrateLocal, migrationsDir } from '../scripts/lib/migrate'
import { platformProxy } from '../scripts/lib/wrangler'
import type { Db } from '../src/listing/db'
import { labelKey, labelsOf, type IndexRow } from '../src/listing/entry'
import { relatedLabels } from '../src/listing/related'
import { around, linkedTo, type Around } from '../src/listing/around'
import { indexedVersions } from '../src/listing/indexed'
import { byRank, counts, listingPage, newest, versionsOf } from '../src/listing/read'
import { search, type SearchOrder } from '../src/listing/search'
import { languageToken, searchQuery } from '../src/listing/search-text'
import { COLUMNS, columnValues, indexArticle, unindexArticle } from '../src/listing/write'
import { ArticleGenerator, CATEGORIES, TAGS } from './index-data'

export const INDEX_SIZES = [1_000, 100_000, 1_000_000]
const CACHE = 'bench/.cache'
/** Bump when the generator or the schema changes: cached databases of another version are rebuilt. */
const GENERATOR_VERSION = 5
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

/** The bench database's own config and state, with the committed migrations applied. */
async function openProxy(dir: string): Promise<PlatformProxy<Env>> {
  const configPath = join(dir, 'wrangler.toml')
  await writeFile(
    configPath,
    [
      'name = "bench-index"',
      'compatibility_date = "2025-09-01"',
      '[[d1_databases]]',
      'binding = "ARTICLES_DB"',
      'database_name = "bench-index"',
      'database_id = "bench-index"',
      `migrations_dir = ${JSON.stringify(resolve('migrations'))}`,
    ].join('\n'),
  )
  const persistTo = join(dir, 'state/v3')
  const proxy = await platformProxy({ remote: false, configPath, persistTo })
  // Migrated as npm start migrates: by wrangler, when a migration is pending.
  await migrateLocal({ db: proxy.env.ARTICLES_DB, configPath, persistTo })
  return proxy
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
  if (found.length !== 1)
    throw new Error(`expected one D1 database under ${dir}, found ${found.join(', ')}`)
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
  await (await openProxy(dir)).dispose()
  // ...then, closed, it is filled directly, and counted by migration 0020's own backfill.
  const file = await sqliteFile(dir)
  const dayCounts = await readFile(join(await migrationsDir(), '0020_day_counts.sql'), 'utf8')
  const counting = splitSqlQuery(dayCounts).filter((sql) => /^INSERT INTO listing_/m.test(sql))
  fill(file, { n, counting, log })
  const generatedMs = performance.now() - started
  const bytes = (await stat(file)).size
  const built: Built = { n, dir, file, bytes, generatedMs, cached: false, parts: dbstat(file) }
  await writeFile(metaPath, JSON.stringify({ ...built, version: GENERATOR_VERSION }, null, 2))
  return built
}

/** The rows indexArticle would have written, publishing the articles oldest first. */
function fill(file: string, how: { n: number; counting: string[]; log: (line: string) => void }) {
  const { n, counting, log } = how
  const db = new DatabaseSync(file)
  db.exec('PRAGMA journal_mode = DELETE; PRAGMA synchronous = OFF; PRAGMA cache_size = -1000000')
  const insertArticle = db.prepare(
    `INSERT INTO articles (id, lang, slug, sort_ms, ${COLUMNS.join(', ')}, search_id)
     VALUES (${Array.from({ length: COLUMNS.length + 5 }, () => '?').join(', ')})`,
  )
  const insertLabel = db.prepare(
    'INSERT INTO labels (lang, kind, key, name, article_id, sort_ms, slug) VALUES (?, ?, ?, ?, ?, ?, ?)',
  )
  const insertSearch = db.prepare(
    'INSERT INTO search (rowid, lang, title, description, body) VALUES (?, ?, ?, ?, ?)',
  )
  // The migrations' triggers count each row into its day as it is written; for a bulk fill the
  // counts are made once at the end instead (as migration 0020 makes them), and the triggers put back.
  const triggers = db
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
    .all() as { name: string; sql: string }[]
  for (const t of triggers) db.exec(`DROP TRIGGER ${t.name}`)
  const generator = new ArticleGenerator(13)
  const lastSlot = { slot: -1, next: 0 }
  const started = performance.now()
  db.exec('BEGIN')
  for (let i = 0; i < n; i++) {
    // Publication times strictly increase.
    const ms = END_MS - (n - 1 - i) * SPACING_MS - Math.floor((i * 7919) % 300) * 1000
    const row = generator.article(i, ms)
    const sortMs = Date.parse(row.publishedAt)
    // write.ts: search ids start at (publication second × 65,536) and take the next free one.
    const slot = Math.floor(sortMs / 1000) * 65_536
    const searchId = slot === lastSlot.slot ? lastSlot.next : slot
    Object.assign(lastSlot, { slot, next: searchId + 1 })
    const id = i + 1
    insertArticle.run(id, row.lang, row.slug, sortMs, ...columnValues(row), searchId)
    for (const label of labelsOf(row))
      insertLabel.run(row.lang, label.kind, label.key, label.name, id, sortMs, row.slug)
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
  for (const sql of counting) db.exec(sql)
  for (const t of triggers) db.exec(t.sql)
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
  rowsRead = 0
  rowsWritten = 0
  reset() {
    this.ms = this.rowsRead = this.rowsWritten = 0
  }
  add(meta: { duration?: number; rows_read?: number; rows_written?: number }) {
    this.ms += meta.duration ?? 0
    this.rowsRead += meta.rows_read ?? 0
    this.rowsWritten += meta.rows_written ?? 0
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

/**
 * The same file through node:sqlite as a `Db`: the project's own SQL, without workerd, the loopback
 * hop or D1's whole-millisecond clock, so growth with the archive shows at microsecond scale. A batch
 * is one transaction, as in D1.
 */
function sqliteDb(sqlite: DatabaseSync): Db {
  const cache = new Map<string, StatementSync>()
  const changes = sqlite.prepare('SELECT total_changes() AS n')
  const total = () => (changes.get() as { n: number }).n
  const execute = (sql: string, params: SQLInputValue[]) => {
    let statement = cache.get(sql)
    if (!statement) cache.set(sql, (statement = sqlite.prepare(sql)))
    const before = total()
    const results = statement.all(...params)
    return { success: true, results, meta: { duration: 0, changes: total() - before } }
  }
  const prepare = (sql: string, params: SQLInputValue[] = []): D1PreparedStatement =>
    ({
      sql,
      params,
      bind: (...values: SQLInputValue[]) => prepare(sql, values),
      all: () => Promise.resolve(execute(sql, params)),
      run: () => Promise.resolve(execute(sql, params)),
      first: (column?: string) => {
        const row = (execute(sql, params).results[0] ?? null) as Record<string, unknown> | null
        return Promise.resolve(column === undefined ? row : (row?.[column] ?? null))
      },
    }) as unknown as D1PreparedStatement
  return {
    prepare: (sql) => prepare(sql),
    batch: <T>(statements: D1PreparedStatement[]) => {
      sqlite.exec('BEGIN')
      try {
        const results = statements.map((s) => {
          const { sql, params } = s as unknown as { sql: string; params: SQLInputValue[] }
          return execute(sql, params)
        })
        sqlite.exec('COMMIT')
        return Promise.resolve(results as unknown as D1Result<T>[])
      } catch (error) {
        sqlite.exec('ROLLBACK')
        return Promise.reject(error instanceof Error ? error : new Error(String(error)))
      }
    },
  }
}

export interface Timing {
  /** SQL time: the project's function over node:sqlite on the same file, ms. */
  sqlP50?: number
  sqlP90?: number
  sqlRuns?: number
  /** Through D1 (Miniflare): wall time in Node around the project's function, ms. */
  p50?: number
  p90?: number
  runs?: number
  /** D1 meta.duration summed over the call's statements (whole ms locally), ms. */
  dbP50?: number
  dbP90?: number
  dbMean?: number
  /** D1's meta.rows_read and rows_written per call (what D1 bills), mean. */
  rowsRead?: number
  rowsWritten?: number
  /** What the call found (rows on the page, matches…). */
  note?: string
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!
const sorted = (values: number[]) => [...values].sort((a, b) => a - b)

/** What each query needs to know of a database. */
interface Facts {
  n: number
  pages: number
  categoryPages: number
  tagPages: number
  newestSlug: string
  /** An article whose section (first category) is the largest, and one whose is the smallest. */
  bigSection: Section
  smallSection: Section
  /** Keys content:push would check (half indexed, half not), as a no-op re-push asks of 1,000 files. */
  pushKeys: string[]
}

interface Section {
  slug: string
  name: string
  size: number
  /** The article's own tags, which its related block reads with its section. */
  tags: string[]
}

/** One database opened through one engine. */
interface Opened {
  facts: Facts
  db: Db
  /** D1's meta.duration, when through D1. */
  meter?: Meter
}

type Call = (db: Db) => Promise<unknown>

type Samples = { wall: number[]; db: number[]; read: number[]; written: number[] }
const empty = (): Samples => ({ wall: [], db: [], read: [], written: [] })
function add(samples: Samples, t: { wall: number; db: number; read: number; written: number }) {
  samples.wall.push(t.wall)
  samples.db.push(t.db)
  samples.read.push(t.read)
  samples.written.push(t.written)
}
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length

/** One call, timed: wall ms, and D1's meta.duration when through D1. */
async function once(o: Opened, fn: Call) {
  o.meter?.reset()
  const started = performance.now()
  const value = await fn(o.db)
  const wall = performance.now() - started
  return {
    wall,
    db: o.meter?.ms ?? 0,
    read: o.meter?.rowsRead ?? 0,
    written: o.meter?.rowsWritten ?? 0,
    value,
  }
}

/**
 * `fn` at every size, interleaved (run r at 1k, 100k, 1M, then run r + 1), after 3 warm-up calls
 * each, so drift on the machine falls on all sizes alike. Slow calls get fewer runs (at least 3),
 * so no query takes much more than ~20 s per size.
 */
async function measure(opened: Opened[], calls: (Call | undefined)[], runs = RUNS) {
  const samples = opened.map(empty)
  let budget = runs
  for (const [i, o] of opened.entries()) {
    const call = calls[i]
    if (!call) continue
    for (let w = 0; w < 3; w++) {
      const { wall } = await once(o, call)
      budget = Math.min(budget, Math.max(3, Math.floor(20_000 / Math.max(wall, 1))))
      if (wall > 5_000) break
    }
  }
  for (let r = 0; r < budget; r++)
    for (const [i, o] of opened.entries()) {
      const call = calls[i]
      if (!call) continue
      add(samples[i]!, await once(o, call))
    }
  return samples
}

interface Query {
  name: string
  group: 'listing' | 'search'
  call: (facts: Facts) => Call | undefined
  /** What the call found, from its result. */
  note?: (value: unknown) => string
}

function queries(): Query[] {
  const rows = (v: unknown) => {
    const page = (v as { page?: { items: unknown[]; pages: number } } | undefined)?.page
    return page
      ? `${page.items.length} rows, page of ${page.pages.toLocaleString('en-US')}`
      : 'none'
  }
  const count = (v: unknown) => `${(v as unknown[]).length} rows`
  const home = { kind: 'home' } as const
  const category = { kind: 'category', name: CATEGORIES[0]! } as const
  const tag = { kind: 'tag', name: TAGS[0]! } as const
  // As src/routes/feeds.ts reads a part: the counts of every language, then the ranks it lists.
  const sitemapPart = (db: Db, from: number) =>
    counts(db, CONFIG, LANGUAGES).then(() =>
      byRank(db, CONFIG, { lang: LANG, from, to: from + SITEMAP_LIMIT - LANGUAGES.length - 1 }),
    )
  // As an article page reads it: its section and its tags (src/routes/article.ts).
  const aroundOf = (s: Section) => (db: Db) =>
    around(db, CONFIG, {
      lang: LANG,
      slug: s.slug,
      labels: relatedLabels({ lang: LANG, sectionKeys: [labelKey(s.name, LANG)], tags: s.tags }),
    })
  const list: Query[] = [
    {
      name: 'SELECT 1 (the round-trip floor)',
      group: 'listing',
      call: () => (db) => db.prepare('SELECT 1').all(),
    },
    {
      name: 'article miss: around(), largest section',
      group: 'listing',
      call: (f) => aroundOf(f.bigSection),
      note: (v) => `${(v as Around).related.length} related`,
    },
    {
      name: 'article miss: around(), smallest section',
      group: 'listing',
      call: (f) => aroundOf(f.smallSection),
      note: (v) => `${(v as Around).related.length} related`,
    },
    {
      name: 'linkedTo, largest section',
      group: 'listing',
      call: (f) => (db) => linkedTo(db, { lang: LANG, slug: f.bigSection.slug, config: CONFIG }),
      note: count,
    },
    {
      name: 'linkedTo, smallest section',
      group: 'listing',
      call: (f) => (db) => linkedTo(db, { lang: LANG, slug: f.smallSection.slug, config: CONFIG }),
      note: count,
    },
    {
      name: 'content:push unindexed check, 1,000 keys',
      group: 'listing',
      call: (f) => (db) => indexedVersions(db, CONFIG, f.pushKeys),
      note: (v) => `${(v as Map<string, string>).size} indexed`,
    },
    {
      name: 'home, page 1',
      group: 'listing',
      call: () => (db) => listingPage(db, CONFIG, { lang: LANG, filter: home, page: 1 }),
      note: rows,
    },
    {
      name: 'home, page 500',
      group: 'listing',
      call: (f) =>
        f.pages >= 500
          ? (db) => listingPage(db, CONFIG, { lang: LANG, filter: home, page: 500 })
          : undefined,
      note: rows,
    },
    {
      name: 'home, last page',
      group: 'listing',
      call: (f) => (db) => listingPage(db, CONFIG, { lang: LANG, filter: home, page: f.pages }),
      note: rows,
    },
    {
      name: `category "${category.name}", page 1`,
      group: 'listing',
      call: () => (db) => listingPage(db, CONFIG, { lang: LANG, filter: category, page: 1 }),
      note: rows,
    },
    {
      name: `category "${category.name}", last page`,
      group: 'listing',
      call: (f) => (db) =>
        listingPage(db, CONFIG, { lang: LANG, filter: category, page: f.categoryPages }),
      note: rows,
    },
    {
      name: `tag "${tag.name}", page 1`,
      group: 'listing',
      call: () => (db) => listingPage(db, CONFIG, { lang: LANG, filter: tag, page: 1 }),
      note: rows,
    },
    {
      name: `tag "${tag.name}", last page`,
      group: 'listing',
      call: (f) => (db) => listingPage(db, CONFIG, { lang: LANG, filter: tag, page: f.tagPages }),
      note: rows,
    },
    {
      name: `feed (newest ${FEED_SIZE})`,
      group: 'listing',
      call: () => (db) => newest(db, CONFIG, { lang: LANG, count: FEED_SIZE }),
      note: count,
    },
    {
      name: 'sitemap part 1 (counts + 997 ranks)',
      group: 'listing',
      call: () => (db) => sitemapPart(db, 1),
      note: count,
    },
    {
      name: 'sitemap, newest part',
      group: 'listing',
      call: (f) => (db) => sitemapPart(db, Math.max(1, f.n - SITEMAP_LIMIT + LANGUAGES.length + 1)),
      note: count,
    },
    {
      name: 'versions of a slug (article page)',
      group: 'listing',
      call: (f) => (db) => versionsOf(db, CONFIG, f.newestSlug),
      note: count,
    },
  ]
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
  for (const [text, order] of searches)
    list.push({
      name: `${text} (${order})`,
      group: 'search',
      call: () => (db) => search(db, CONFIG, { lang: LANG, text, page: 1, order }),
    })
  return list
}

/** Publishing one article dated `at`; `edit` also times publishing it again (a correction). */
interface PublishCase {
  name: string
  at: (facts: Facts) => number
  runs: number
  edit: boolean
}
const DAY = 86_400_000
const PUBLISHES: PublishCase[] = [
  { name: 'newest', at: () => END_MS + 60_000, runs: RUNS, edit: true },
  { name: 'back-dated 1 day', at: () => END_MS - DAY + 30_000, runs: 10, edit: false },
  { name: 'back-dated 1 year', at: () => END_MS - 365 * DAY + 30_000, runs: 5, edit: true },
  {
    name: 'back-dated before the oldest',
    at: (f) => END_MS - f.n * SPACING_MS - DAY,
    runs: 3,
    edit: false,
  },
]

/**
 * Each case at every size: publish, (edit,) unindex, each timed, interleaved across sizes after one
 * untimed round. Unindexing at once keeps every run publishing into the same index, and the cached
 * database as generated.
 */
async function publishes(opened: Opened[], which: PublishCase) {
  const generator = new ArticleGenerator(2026)
  let serial = 0
  const article = (ms: number, title?: string): IndexRow => {
    const { body: _body, ...row } = generator.article(0, ms)
    return { ...row, slug: `bench-publish-${++serial}`, ...(title && { title }) }
  }
  const put = opened.map(empty)
  const edit = opened.map(empty)
  const back = opened.map(empty)
  let budget = which.runs
  for (let r = -1; r < budget; r++)
    for (const [i, o] of opened.entries()) {
      const row = article(which.at(o.facts))
      const p = await once(o, (db) => indexArticle(db, row))
      const e = which.edit
        ? await once(o, (db) => indexArticle(db, { ...row, title: `${row.title} (수정)` }))
        : undefined
      const b = await once(o, (db) => unindexArticle(db, row.lang, row.slug))
      if (r < 0) {
        const ms = p.wall + (e?.wall ?? 0) + b.wall
        budget = Math.min(budget, Math.max(3, Math.floor(20_000 / ms)))
        continue
      }
      for (const [list, t] of [
        [put, p],
        [edit, e],
        [back, b],
      ] as const)
        if (t) add(list[i]!, t)
    }
  return { put, edit: which.edit ? edit : undefined, back }
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

/** Adds one engine's samples to a row of timings. */
function record(
  row: (Timing | undefined)[],
  samples: Samples[],
  { engine, notes = [] }: { engine: 'sql' | 'd1'; notes?: string[] },
) {
  samples.forEach((s, i) => {
    if (s.wall.length === 0) return
    const t: Timing = row[i] ?? {}
    const wall = sorted(s.wall)
    if (engine === 'sql')
      Object.assign(t, {
        sqlP50: quantile(wall, 0.5),
        sqlP90: quantile(wall, 0.9),
        sqlRuns: wall.length,
      })
    else {
      const db = sorted(s.db)
      Object.assign(t, {
        p50: quantile(wall, 0.5),
        p90: quantile(wall, 0.9),
        runs: wall.length,
        dbP50: quantile(db, 0.5),
        dbP90: quantile(db, 0.9),
        dbMean: mean(db),
        rowsRead: mean(s.read),
        rowsWritten: mean(s.written),
      })
    }
    if (notes[i]) t.note = notes[i]
    row[i] = t
  })
}

async function factsOf(db: Db, n: number, where: string): Promise<Facts> {
  const facts = await db
    .prepare(
      `SELECT (SELECT COUNT(*) FROM articles) AS n,
         (SELECT n FROM listing_totals WHERE lang = ?1 AND kind = '' AND key = '') AS top,
         (SELECT n FROM listing_totals WHERE lang = ?1 AND kind = 'category' AND key = ?2) AS category,
         (SELECT n FROM listing_totals WHERE lang = ?1 AND kind = 'tag' AND key = ?3) AS tag,
         (SELECT slug FROM articles WHERE lang = ?1 ORDER BY sort_ms DESC, slug ASC LIMIT 1) AS slug`,
    )
    .bind(LANG, CATEGORIES[0]!.toLowerCase(), TAGS[0]!.toLowerCase())
    .first<{ n: number; top: number; category: number; tag: number; slug: string }>()
  if (!facts || facts.n !== n || facts.top !== n)
    throw new Error(
      `${where}: expected ${n} articles, found ${facts?.n} (counted ${facts?.top}); delete it to regenerate`,
    )
  const sections = await db
    .prepare(
      `SELECT key, name, COUNT(*) AS size FROM labels WHERE lang = ?1 AND kind = 'category' GROUP BY key ORDER BY size DESC`,
    )
    .bind(LANG)
    .all<{ key: string; name: string; size: number }>()
  const sectionOf = async (s: { key: string; name: string; size: number }): Promise<Section> => {
    // The newest article whose first category is this one (the page's section).
    const { results } = await db
      .prepare(
        `SELECT a.slug, a.categories, a.tags FROM labels l JOIN articles a ON a.id = l.article_id
         WHERE l.lang = ?1 AND l.kind = 'category' AND l.key = ?2 ORDER BY l.sort_ms DESC LIMIT 100`,
      )
      .bind(LANG, s.key)
      .all<{ slug: string; categories: string; tags: string }>()
    const own = results.find((r) => (JSON.parse(r.categories) as string[])[0] === s.name)
    if (!own) throw new Error(`${where}: no article has ${s.name} as its section`)
    return { slug: own.slug, name: s.name, size: s.size, tags: JSON.parse(own.tags) as string[] }
  }
  const ids = Array.from({ length: 500 }, (_, i) => 1 + Math.floor((i * n) / 500))
  const indexed = await db
    .prepare('SELECT slug FROM articles WHERE id IN (SELECT value FROM json_each(?1))')
    .bind(JSON.stringify(ids))
    .all<{ slug: string }>()
  const pushKeys = indexed.results.flatMap((r, i) => [
    `${LANG}/${r.slug}`,
    `${LANG}/not-indexed-${i}`,
  ])
  return {
    n,
    bigSection: await sectionOf(sections.results[0]!),
    smallSection: await sectionOf(sections.results.at(-1)!),
    pushKeys,
    pages: Math.ceil(n / PAGE_SIZE),
    categoryPages: Math.ceil(facts.category / PAGE_SIZE),
    tagPages: Math.ceil(facts.tag / PAGE_SIZE),
    newestSlug: facts.slug,
  }
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
  const list = queries()
  const listing: IndexBenchResult['listing'] = {}
  const searchResults: IndexBenchResult['search'] = {}
  const publishResults: IndexBenchResult['publish'] = {}
  const rowOf = (q: Query) => ((q.group === 'listing' ? listing : searchResults)[q.name] ??= [])

  // 1. The SQL alone: node:sqlite on the same files (closed again before Miniflare opens them).
  const files = built.map((b) => new DatabaseSync(b.file))
  const facts: Facts[] = []
  try {
    const opened: Opened[] = []
    for (const [i, b] of built.entries()) {
      const db = sqliteDb(files[i]!)
      facts.push(await factsOf(db, b.n, b.dir))
      opened.push({ facts: facts[i]!, db })
    }
    log('  the SQL alone (node:sqlite): listings, search, publishing…')
    for (const q of list) {
      const calls = opened.map((o) => q.call(o.facts))
      const notes = q.note
        ? await Promise.all(
            opened.map(async (o, i) => (calls[i] ? q.note!(await calls[i](o.db)) : '')),
          )
        : q.group === 'search'
          ? await Promise.all(
              opened.map(async (o) => {
                const text = q.name.replace(/ \((newest|best)\)$/, '')
                const m = await o.db
                  .prepare('SELECT COUNT(*) AS n FROM search WHERE search MATCH ?')
                  .bind(searchQuery(text, LANG)!)
                  .first<{ n: number }>()
                return `${m!.n.toLocaleString('en-US')} matches (${((m!.n / o.facts.n) * 100).toFixed(1)}%)`
              }),
            )
          : []
      record(rowOf(q), await measure(opened, calls), { engine: 'sql', notes })
    }
    for (const p of PUBLISHES) {
      const newer = opened.map(
        (o) =>
          (
            files[opened.indexOf(o)]!.prepare(
              'SELECT COUNT(*) AS n FROM articles WHERE lang = ? AND sort_ms > ?',
            ).get(LANG, p.at(o.facts)) as { n: number }
          ).n,
      )
      const { put, edit, back } = await publishes(opened, p)
      record((publishResults[p.name] ??= []), put, {
        engine: 'sql',
        notes: newer.map((n) => `${n.toLocaleString('en-US')} newer articles`),
      })
      if (edit)
        record((publishResults[`${p.name}: edit (publish again)`] ??= []), edit, { engine: 'sql' })
      record((publishResults[`${p.name}: unindexArticle`] ??= []), back, { engine: 'sql' })
    }
  } finally {
    for (const file of files) file.close()
  }

  // 2. Through D1: Miniflare's workerd, reached from Node through wrangler's platform proxy.
  const proxies: PlatformProxy<Env>[] = []
  try {
    const opened: Opened[] = []
    for (const [i, b] of built.entries()) {
      const proxy = await openProxy(b.dir)
      proxies.push(proxy)
      const meter = new Meter()
      opened.push({ facts: facts[i]!, db: metered(proxy.env.ARTICLES_DB, meter), meter })
    }
    log('  through D1 (Miniflare): listings, search, publishing…')
    for (const q of list)
      record(
        rowOf(q),
        await measure(
          opened,
          opened.map((o) => q.call(o.facts)),
        ),
        { engine: 'd1' },
      )
    for (const p of PUBLISHES) {
      const { put, edit, back } = await publishes(opened, p)
      record(publishResults[p.name]!, put, { engine: 'd1' })
      if (edit) record(publishResults[`${p.name}: edit (publish again)`]!, edit, { engine: 'd1' })
      record(publishResults[`${p.name}: unindexArticle`]!, back, { engine: 'd1' })
    }
  } finally {
    for (const proxy of proxies) await proxy.dispose()
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
}
