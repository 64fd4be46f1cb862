/**
 * Every query the index runs on the read and the write path is a seek or a bounded range: SQLite's
 * own plan for each statement, as the code binds it, names no full scan of a table or index (which
 * grows with the archive), and the rows D1 reads for it stay a few dozen in a section of 1,500
 * (a scan of the section, correlated or not, reads them all).
 */
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { around, linkedTo, linkedToAll } from '../../src/listing/around'
import type { Db } from '../../src/listing/db'
import type { IndexRow } from '../../src/listing/entry'
import { indexedVersions } from '../../src/listing/indexed'
import { byRank, counts, listingPage, newest, versionsOf } from '../../src/listing/read'
import { relatedLabels } from '../../src/listing/related'
import { indexArticles, unindexArticles } from '../../src/listing/write'

const CONFIG = { storageTimeoutMs: 10_000 }

interface Ran {
  sql: string
  params: unknown[]
}

/** The real database, noting each statement as it is bound, and the rows D1 read for them. */
function recording(ran: Ran[], read: { rows: number }): Db {
  const real = env.ARTICLES_DB
  const counted = <T extends D1Result>(result: T) => {
    read.rows += result.meta.rows_read
    return result
  }
  const statement = (sql: string, params: unknown[] = []): D1PreparedStatement => {
    const all = async () =>
      counted(
        await real
          .prepare(sql)
          .bind(...params)
          .all(),
      )
    return {
      sql,
      params,
      bind: (...values: unknown[]) => {
        ran.push({ sql, params: values })
        return statement(sql, values)
      },
      all,
      run: all,
      first: async (column?: string) => {
        const row = (await all()).results[0]
        return column ? (row?.[column] ?? null) : (row ?? null)
      },
    } as unknown as D1PreparedStatement
  }
  return {
    prepare: (sql) => statement(sql),
    batch: async (statements) =>
      (
        await real.batch(
          statements.map((s) => {
            const { sql, params } = s as unknown as Ran
            return real.prepare(sql).bind(...params)
          }),
        )
      ).map(counted) as never,
  }
}

/** SQLite's plan lines for a statement that walk a whole table or index. */
async function scans(ran: Ran): Promise<string[]> {
  const { results } = await env.ARTICLES_DB.prepare(`EXPLAIN QUERY PLAN ${ran.sql}`)
    .bind(...ran.params)
    .all<{ detail: string }>()
  return results
    .map((r) => r.detail)
    .filter(
      (detail) =>
        /^SCAN /.test(detail) &&
        // json_each (the keys a write names), FTS, and the few rows a subquery or CTE produced.
        !/VIRTUAL TABLE|^SCAN \(subquery|^SCAN (blocks|found|mine|scored|days|at|l|k|r|s)( LEFT-JOIN)?$|CONSTANT ROW/.test(
          detail,
        ),
    )
}

/** The listings an article page's related block reads. */
const labels = (section: string, tags: string[]) =>
  relatedLabels({ lang: 'ja', sectionKeys: [section], tags })

const DAY = 86_400_000
const row = (slug: string, ms: number, category: string): IndexRow => ({
  lang: 'ja',
  slug,
  title: slug,
  description: '',
  publishedAt: new Date(ms).toISOString(),
  contentLang: 'ja',
  categories: [category],
  tags: ['タグ'],
  authors: [],
  sourceSha256: `sha-${slug}`,
  store: 'kv',
  firstSeen: '2024-01-01T00:00:00.000Z',
  search: { title: slug, description: '', body: '' },
})

/** 1,500 articles over ten years, one in ten in the small section, the rest in the large one. */
beforeAll(async () => {
  const rows = Array.from({ length: 1_500 }, (_, i) =>
    row(`p-${i}`, Date.UTC(2015, 0, 1) + i * 2.4 * DAY, i % 10 ? '大' : '小'),
  )
  await indexArticles(env.ARTICLES_DB, rows)
}, 60_000)

describe('the index queries', () => {
  // [name, call, how many articles it answers for (a chunk's read is bounded per article)]
  const calls: [string, (db: Db) => Promise<unknown>, number?][] = [
    [
      'an article page (around)',
      (db) =>
        around(db, CONFIG, { lang: 'ja', slug: 'p-751', labels: labels('大', ['タグ', 'ない']) }),
    ],
    [
      'an article in a small section (around)',
      (db) => around(db, CONFIG, { lang: 'ja', slug: 'p-750', labels: labels('小', ['タグ']) }),
    ],
    [
      'the pages showing an article (linkedTo)',
      (db) => linkedTo(db, { lang: 'ja', slug: 'p-751', config: CONFIG }),
    ],
    [
      'the pages showing a chunk of articles (linkedToAll)',
      (db) =>
        linkedToAll(
          db,
          ['p-751', 'p-750', 'p-3', 'p-1499'].map((slug) => ({ lang: 'ja', slug })),
          CONFIG,
        ),
      4,
    ],
    [
      'home, page 1',
      (db) => listingPage(db, CONFIG, { lang: 'ja', filter: { kind: 'home' }, page: 1 }),
    ],
    [
      'home, last page',
      (db) => listingPage(db, CONFIG, { lang: 'ja', filter: { kind: 'home' }, page: 125 }),
    ],
    [
      'a category, page 2',
      (db) =>
        listingPage(db, CONFIG, { lang: 'ja', filter: { kind: 'category', name: '大' }, page: 60 }),
    ],
    [
      'a tag, page 100',
      (db) =>
        listingPage(db, CONFIG, { lang: 'ja', filter: { kind: 'tag', name: 'タグ' }, page: 100 }),
    ],
    ['the feed', (db) => newest(db, CONFIG, { lang: 'ja', count: 20 })],
    ['the counts', (db) => counts(db, CONFIG, ['ja', 'ko'])],
    ['a sitemap part', (db) => byRank(db, CONFIG, { lang: 'ja', from: 701, to: 730 })],
    ['the versions of a slug', (db) => versionsOf(db, CONFIG, 'p-3')],
    ['the unindexed check', (db) => indexedVersions(db, CONFIG, ['ja/p-1', 'ja/nope', 'ko/p-2'])],
    [
      'a back-dated publish',
      (db) =>
        indexArticles(db, [
          row('p-new', Date.UTC(2019, 0, 1), '大'),
          row('p-7', Date.UTC(2021, 0, 1), '小'),
        ]),
    ],
    ['an unpublish', (db) => unindexArticles(db, [{ lang: 'ja', slug: 'p-new' }])],
  ]
  for (const [name, call, articles = 1] of calls)
    it(`${name}: seeks and bounded ranges only`, async () => {
      const ran: Ran[] = []
      const read = { rows: 0 }
      await call(recording(ran, read))
      expect(ran.length).toBeGreaterThan(0)
      // Fewer than the large section holds (1,350): a page or a few neighbours with their seeks,
      // and for a listing the walk over its counts (one per 32 days of the ten years: 114).
      expect(read.rows / articles).toBeLessThan(1_000)
      for (const statement of ran)
        expect({ sql: statement.sql, scans: await scans(statement) }).toEqual({
          sql: statement.sql,
          scans: [],
        })
    })

  it('a chunk of articles links to what each article links to on its own', async () => {
    // The oldest, the newest, both sections, and one the index lacks.
    const slugs = ['p-0', 'p-1499', 'p-750', 'p-751', 'p-10', 'p-1000', 'nope']
    const all = await linkedToAll(
      env.ARTICLES_DB,
      slugs.map((slug) => ({ lang: 'ja', slug })),
      CONFIG,
    )
    for (const slug of slugs) {
      const one = await linkedTo(env.ARTICLES_DB, { lang: 'ja', slug, config: CONFIG })
      expect({ slug, linked: (all.get(`ja/${slug}`) ?? []).sort() }).toEqual({
        slug,
        linked: one.sort(),
      })
    }
    expect(all.get('ja/p-751')!.length).toBeGreaterThan(2)
  })
})
