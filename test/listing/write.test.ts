import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { indexDb } from '../../src/listing/db'
import type { IndexRow } from '../../src/listing/entry'
import { byRank, counts, listingPage, type ListingFilter } from '../../src/listing/read'
import { indexArticles, unindexArticles } from '../../src/listing/write'
import { publishSource } from '../helpers/content'

const CONFIG = { storageTimeoutMs: 10_000 }

/** Every slug of a listing, newest first, page after page, as readers page through it. */
async function listed(lang: string, filter: ListingFilter): Promise<string[]> {
  const slugs: string[] = []
  for (let page = 1; ; page++) {
    const found = await listingPage(indexDb(env), CONFIG, { lang, filter, page })
    if (!found) break
    slugs.push(...found.page.items.map((item) => item.slug))
    if (page >= found.page.pages) break
  }
  return slugs
}

/** Listings whose day counts disagree with the rows they count (none, when the index is consistent). */
async function miscounted(): Promise<unknown[]> {
  const { results } = await env.ARTICLES_DB.prepare(
    `WITH rows AS (
       SELECT lang, '' AS kind, '' AS key, sort_ms FROM articles
       UNION ALL SELECT lang, kind, key, sort_ms FROM labels),
     truth AS (SELECT lang, kind, key, (sort_ms + 62167219200000) / 86400000 AS day, COUNT(*) AS n FROM rows GROUP BY 1, 2, 3, 4),
     counted AS (SELECT lang, kind, key, day, n FROM listing_days WHERE n > 0)
     SELECT * FROM (SELECT * FROM truth EXCEPT SELECT * FROM counted)
     UNION ALL SELECT * FROM (SELECT * FROM counted EXCEPT SELECT * FROM truth)
     UNION ALL SELECT lang, kind, key, block, n FROM (
       SELECT lang, kind, key, day / 32 AS block, SUM(n) AS n FROM listing_days GROUP BY 1, 2, 3, 4
       EXCEPT SELECT lang, kind, key, block, n FROM listing_blocks)
     UNION ALL SELECT lang, kind, key, 'total', n FROM (
       SELECT lang, kind, key, SUM(n) AS n FROM listing_days GROUP BY 1, 2, 3
       EXCEPT SELECT lang, kind, key, n FROM listing_totals)`,
  ).all()
  return results
}

const searchTitles = async (q: string) => {
  const rows = await env.ARTICLES_DB.prepare(
    `SELECT a.slug FROM search JOIN articles AS a ON a.search_id = search.rowid
     WHERE search MATCH ?1 AND a.slug LIKE 'edit-%' ORDER BY a.slug`,
  )
    .bind(`"${q}"`)
    .all<{ slug: string }>()
  return rows.results.map((r) => r.slug)
}

const source = (title: string, date: string, tags: string) =>
  `---\ntitle: ${title}\ndate: ${date}\ncategories: 편집시험\ntags: [${tags}]\n---\n<p>${title} 본문입니다.</p>`

describe('editing an indexed article', () => {
  it('keeps its place when date and labels stay, moves it when they change, and never leaves the index inconsistent', async () => {
    const section = { kind: 'category', name: '편집시험' } as const
    await publishSource('ko/edit-old', source('첫째 기사', '2020-01-01', '가'))
    await publishSource('ko/edit-mid', source('둘째 기사', '2020-01-02', '가, 나'))
    await publishSource('ko/edit-new', source('셋째 기사', '2020-01-03', '나'))
    expect(await listed('ko', section)).toEqual(['edit-new', 'edit-mid', 'edit-old'])
    expect(await listed('ko', { kind: 'tag', name: '가' })).toEqual(['edit-mid', 'edit-old'])

    // A correction: new title and body, same date and labels.
    await publishSource('ko/edit-mid', source('고친 제목', '2020-01-02', '가, 나'))
    const page = await listingPage(indexDb(env), CONFIG, { lang: 'ko', filter: section, page: 1 })
    expect(page?.page.items.map((i) => [i.slug, i.title])).toEqual([
      ['edit-new', '셋째 기사'],
      ['edit-mid', '고친 제목'],
      ['edit-old', '첫째 기사'],
    ])
    // Search knows the new words and forgets the old ones.
    expect(await searchTitles('고친')).toEqual(['edit-mid'])
    expect(await searchTitles('둘째')).toEqual([])

    // A new date moves it to the top; a new tag list changes its label listings.
    await publishSource('ko/edit-mid', source('고친 제목', '2020-01-04', '다'))
    expect(await listed('ko', section)).toEqual(['edit-mid', 'edit-new', 'edit-old'])
    expect(await listed('ko', { kind: 'tag', name: '가' })).toEqual(['edit-old'])
    expect(await listed('ko', { kind: 'tag', name: '다' })).toEqual(['edit-mid'])
    expect(await searchTitles('고친')).toEqual(['edit-mid'])
    expect(await miscounted()).toEqual([])
  })
})

const DAY = 86_400_000
/** A row of the batch tests: `ja` has no content/ articles, so these are its whole listings. */
const row = (slug: string, ms: number, tags: string[] = []): IndexRow => ({
  lang: 'ja',
  slug,
  title: `記事 ${slug}`,
  description: '',
  publishedAt: new Date(ms).toISOString(),
  contentLang: 'ja',
  categories: ['一括'],
  tags,
  authors: [],
  sourceSha256: `sha-${slug}`,
  store: 'kv',
  firstSeen: '2024-01-01T00:00:00.000Z',
  search: { title: slug, description: '', body: '' },
})

describe('writing many articles at once', () => {
  it('puts articles of any date, in any order, exactly where every listing page and sitemap part expects them', async () => {
    const db = indexDb(env)
    // 260 articles over ten years, written in a scrambled order and in three calls, so rows land
    // before, between and after ones already there; a few share a millisecond (then slug orders).
    const start = Date.UTC(2015, 0, 1)
    const rows = Array.from({ length: 260 }, (_, i) =>
      row(
        `b-${String(i).padStart(3, '0')}`,
        start + Math.floor(i / 3) * 45 * DAY + (i % 3 === 2 ? 0 : (i % 3) * 1000),
        i % 4 ? [] : ['四'],
      ),
    )
    const scrambled = rows.map((_, i) => rows[(i * 97) % rows.length]!)
    await indexArticles(db, scrambled.slice(0, 30))
    await indexArticles(db, scrambled.slice(30, 250))
    await indexArticles(db, scrambled.slice(250))
    const newestFirst = [...rows]
      .sort(
        (a, b) =>
          Date.parse(b.publishedAt) - Date.parse(a.publishedAt) || (a.slug < b.slug ? -1 : 1),
      )
      .map((r) => r.slug)
    expect(await listed('ja', { kind: 'home' })).toEqual(newestFirst)
    expect(await listed('ja', { kind: 'tag', name: '四' })).toEqual(
      newestFirst.filter((slug) => Number(slug.slice(2)) % 4 === 0),
    )
    expect((await counts(db, CONFIG, ['ja'])).get('ja')).toBe(260)
    // Oldest first by position, as the sitemap reads its parts.
    const part = await byRank(db, CONFIG, { lang: 'ja', from: 101, to: 150 })
    expect(part.map((r) => r.slug)).toEqual([...newestFirst].reverse().slice(100, 150))
    expect(await miscounted()).toEqual([])

    // Written again (a correction of every one), nothing doubles.
    await indexArticles(
      db,
      rows.map((r) => ({ ...r, title: `${r.title} 改` })),
    )
    expect(await listed('ja', { kind: 'home' })).toEqual(newestFirst)
    const first = await listingPage(db, CONFIG, { lang: 'ja', filter: { kind: 'home' }, page: 1 })
    expect(first?.page.items[0]?.title).toBe(`記事 ${newestFirst[0]} 改`)
    expect(first?.page.total).toBe(260)

    // Taken out in one call, with a key the index never had: it says how many it had.
    const gone = newestFirst.filter((_, i) => i % 2)
    expect(
      await unindexArticles(db, [
        ...gone.map((slug) => ({ lang: 'ja', slug })),
        { lang: 'ja', slug: 'never-indexed' },
      ]),
    ).toBe(gone.length)
    const kept = newestFirst.filter((_, i) => i % 2 === 0)
    expect(await listed('ja', { kind: 'home' })).toEqual(kept)
    expect(await listed('ja', { kind: 'category', name: '一括' })).toEqual(kept)
    expect(await miscounted()).toEqual([])
    await unindexArticles(
      db,
      kept.map((slug) => ({ lang: 'ja', slug })),
    )
    expect(
      await listingPage(db, CONFIG, {
        lang: 'ja',
        filter: { kind: 'category', name: '一括' },
        page: 1,
      }),
    ).toBeUndefined()
    expect(
      await listingPage(db, CONFIG, { lang: 'ja', filter: { kind: 'home' }, page: 1 }),
    ).toMatchObject({
      page: { items: [], total: 0 },
    })
  })

  it('refuses the whole call when one row has no date, and writes nothing', async () => {
    const db = indexDb(env)
    await expect(
      indexArticles(db, [
        row('ok', Date.UTC(2020, 0, 1)),
        { ...row('bad', 0), publishedAt: 'soon' },
      ]),
    ).rejects.toThrow('ja/bad: publishedAt is not a date: soon')
    expect(await listed('ja', { kind: 'home' })).not.toContain('ok')
  })
})
