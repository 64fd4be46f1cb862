/**
 * Reading the article index: every query reads the page it shows, never the archive. A listing page
 * is found from the listing's day counts and read as one range on the date index (see
 * migrations/0020_day_counts.sql); feeds read the date index from its newest end; the language
 * switcher and redirects look a slug up.
 */
import type { SiteConfig } from '../config'
import type { Author } from '../schema/article'
import type { ArticleRow, IndexEntry } from '../schema/listing'
import { query, type Db } from './db'
import { labelKey, labelList } from './entry'

export const PAGE_SIZE = 12

export type ListingFilter = { kind: 'home' } | { kind: 'category' | 'tag' | 'author'; name: string }

export interface Page<T> {
  items: T[]
  page: number
  pages: number
  total: number
}

/** An article row as D1 returns it (declared once: ArticleRow). */
export type ArticleRecord = ArticleRow

/** A row as listings render it. */
export function toEntry(record: ArticleRecord): IndexEntry {
  return {
    slug: record.slug,
    title: record.title,
    description: record.description,
    datePublished: record.published_at,
    ...(record.modified_at && { dateModified: record.modified_at }),
    ...(record.image_url && {
      image: {
        url: record.image_url,
        alt: record.image_alt ?? '',
        ...(record.image_width && { width: record.image_width }),
        ...(record.image_height && { height: record.image_height }),
      },
    }),
    categories: labelList(record.categories),
    tags: labelList(record.tags),
    contentLang: record.content_lang,
    translations: [],
  }
}

export const authorsOf = (record: ArticleRecord) => JSON.parse(record.authors) as Author[]

type Config = Pick<SiteConfig, 'storageTimeoutMs'>

/** Listings are counted per day, and per block of this many days (migrations/0020_day_counts.sql). */
const DAY_MS = 86_400_000
const BLOCK_DAYS = 32
/** Days are counted from 0000-01-01 UTC, so none is negative. */
const DAY_ZERO_MS = -62_167_219_200_000

/** Which listing: a language's own (`kind` and `key` '') or a category's or tag's. */
interface Listing {
  lang: string
  kind: '' | 'category' | 'tag' | 'author'
  key: string
}

/** Newest first, or oldest first. */
type Direction = 'newest' | 'oldest'

/**
 * Where the article `skip` places from one end of a listing is: its day, and how many of that day's
 * articles come before it from that end. Walks the block counts from that end, one seek each, to the
 * block that holds it (page 1 stops at the first), then that block's day counts (at most 32). Also
 * the listing's size and, for a label, its name as the newest article writes it.
 */
function locateSql(direction: Direction): string {
  const [pick, order, beyond, first, last] =
    direction === 'newest'
      ? ['MAX', 'DESC', '<', `found.block * ${BLOCK_DAYS} + ${BLOCK_DAYS - 1}`, '<=']
      : ['MIN', 'ASC', '>', `found.block * ${BLOCK_DAYS}`, '>=']
  const listing = 'y.lang = ?1 AND y.kind = ?2 AND y.key = ?3'
  /** The next count after `bound` in a count table, and its n: a seek each (a join here is not). */
  const next = (table: string, column: string, bound: string) =>
    `(SELECT ${pick}(y.${column}) FROM ${table} AS y WHERE ${listing} AND y.${column} ${bound}),
     (SELECT y.n FROM ${table} AS y WHERE ${listing} AND y.${column} ${bound} ORDER BY y.${column} ${order} LIMIT 1)`
  const none = direction === 'newest' ? `${beyond} 1e18` : `${beyond} -1`
  return `WITH RECURSIVE
    blocks(block, n, before) AS (
      SELECT ${next('listing_blocks', 'block', none)}, 0
      UNION ALL
      SELECT ${next('listing_blocks', 'block', `${beyond} blocks.block`)}, blocks.before + blocks.n
      FROM blocks WHERE blocks.before + blocks.n <= ?4),
    found AS (SELECT block, before FROM blocks WHERE before + n > ?4),
    days(day, n, before) AS (
      SELECT ${next('listing_days', 'day', `${last} ${first}`)}, found.before FROM found
      UNION ALL
      SELECT ${next('listing_days', 'day', `${beyond} days.day`)}, days.before + days.n
      FROM days WHERE days.before + days.n <= ?4)
    SELECT (SELECT COALESCE(MAX(t.n), 0) FROM listing_totals AS t WHERE t.lang = ?1 AND t.kind = ?2 AND t.key = ?3) AS total,
      (SELECT name FROM labels WHERE lang = ?1 AND kind = ?2 AND key = ?3 ORDER BY sort_ms DESC, slug ASC LIMIT 1) AS name,
      at.day, at.within
    FROM (SELECT 1) LEFT JOIN (SELECT day, ?4 - before AS within FROM days WHERE before + n > ?4) AS at`
}

interface Located {
  total: number
  name: string | null
  /** Absent when `skip` is past the end. */
  day: number | null
  within: number | null
}

async function locate(
  db: Db,
  config: Config,
  where: { listing: Listing; skip: number; direction: Direction },
): Promise<Located> {
  const { listing, skip, direction } = where
  const found = await query(
    db
      .prepare(locateSql(direction))
      .bind(listing.lang, listing.kind, listing.key, skip)
      .first<Located>(),
    config,
    'a place in a listing',
  )
  return found ?? { total: 0, name: null, day: null, within: null }
}

/**
 * `count` articles of a listing from a located day on (newest first: from that day's end, backwards;
 * oldest first: from its start, forwards): one range read on the date index.
 */
async function readFrom(
  db: Db,
  config: Config,
  range: {
    listing: Listing
    at: { day: number; within: number }
    count: number
    direction: Direction
  },
): Promise<ArticleRecord[]> {
  const { listing, at, count, direction } = range
  const newestFirst = direction === 'newest'
  const bound = newestFirst
    ? { op: '<', ms: DAY_ZERO_MS + (at.day + 1) * DAY_MS, order: 'DESC', tie: 'ASC' }
    : { op: '>=', ms: DAY_ZERO_MS + at.day * DAY_MS, order: 'ASC', tie: 'DESC' }
  const sql =
    listing.kind === ''
      ? `SELECT * FROM articles WHERE lang = ?1 AND sort_ms ${bound.op} ?4
         ORDER BY sort_ms ${bound.order}, slug ${bound.tie} LIMIT ?5 OFFSET ?6`
      : `SELECT articles.* FROM labels JOIN articles ON articles.id = labels.article_id
         WHERE labels.lang = ?1 AND labels.kind = ?2 AND labels.key = ?3 AND labels.sort_ms ${bound.op} ?4
         ORDER BY labels.sort_ms ${bound.order}, labels.slug ${bound.tie} LIMIT ?5 OFFSET ?6`
  const { results } = await query(
    db
      .prepare(sql)
      .bind(listing.lang, listing.kind, listing.key, bound.ms, count, at.within)
      .all<ArticleRecord>(),
    config,
    'a listing page',
  )
  return results
}

/**
 * Page `page` (1-based) of a listing, newest first, and the label as the articles write it (`News`
 * for `news`). `undefined` past the last page, and for a category or tag no article has, so those
 * URLs are real 404s; page 1 of an empty home page is a page with nothing on it.
 */
export async function listingPage(
  db: Db,
  config: Config,
  asked: { lang: string; filter: ListingFilter; page: number },
): Promise<{ page: Page<IndexEntry>; label?: string } | undefined> {
  const { lang, filter, page } = asked
  const listing: Listing =
    filter.kind === 'home'
      ? { lang, kind: '', key: '' }
      : { lang, kind: filter.kind, key: labelKey(filter.name, lang) }
  if (!Number.isInteger(page) || page < 1) return undefined
  const at = await locate(db, config, {
    listing,
    skip: PAGE_SIZE * (page - 1),
    direction: 'newest',
  })
  const pages = Math.max(1, Math.ceil(at.total / PAGE_SIZE))
  if (listing.kind !== '' && at.total === 0) return undefined
  if (page > pages) return undefined
  const items =
    at.day === null || at.within === null
      ? []
      : await readFrom(db, config, {
          listing,
          at: { day: at.day, within: at.within },
          count: PAGE_SIZE,
          direction: 'newest',
        })
  return {
    page: { items: items.map(toEntry), page, pages, total: at.total },
    ...(at.name !== null && listing.kind !== '' && { label: at.name }),
  }
}

/** The newest articles of a language, for its feed. */
export async function newest(
  db: Db,
  config: Config,
  { lang, count }: { lang: string; count: number },
): Promise<ArticleRecord[]> {
  const { results } = await query(
    db
      .prepare('SELECT * FROM articles WHERE lang = ? ORDER BY sort_ms DESC, slug ASC LIMIT ?')
      .bind(lang, count)
      .all<ArticleRecord>(),
    config,
    'the newest articles',
  )
  return results
}

/** Every language version of a slug the index knows. */
export async function versionsOf(db: Db, config: Config, slug: string): Promise<ArticleRecord[]> {
  const { results } = await query(
    db.prepare('SELECT * FROM articles WHERE slug = ?').bind(slug).all<ArticleRecord>(),
    config,
    `the versions of ${slug}`,
  )
  return results
}

/** How many articles each language has. */
export async function counts(
  db: Db,
  config: Config,
  languages: readonly string[],
): Promise<Map<string, number>> {
  const rows = await query(
    db.batch(
      languages.map((lang) =>
        db
          .prepare(
            `SELECT ?1 AS lang, COALESCE(MAX(n), 0) AS n FROM listing_totals WHERE lang = ?1 AND kind = '' AND key = ''`,
          )
          .bind(lang),
      ),
    ),
    config,
    'the article counts',
  )
  return new Map(
    rows.map((r) => [
      (r.results[0] as { lang: string }).lang,
      (r.results[0] as { n: number | null }).n ?? 0,
    ]),
  )
}

/**
 * Articles of one language from the `from`-th oldest to the `to`-th (1-based, inclusive), oldest
 * first, with the other languages of each slug.
 */
export async function byRank(
  db: Db,
  config: Config,
  asked: { lang: string; from: number; to: number },
): Promise<(ArticleRecord & { versions: string })[]> {
  const { lang, from, to } = asked
  const listing: Listing = { lang, kind: '', key: '' }
  const at = await locate(db, config, {
    listing,
    skip: Math.max(0, from - 1),
    direction: 'oldest',
  })
  if (at.day === null || at.within === null || to < from) return []
  const { results } = await query(
    db
      .prepare(
        `SELECT a.*, (SELECT group_concat(b.lang) FROM articles AS b WHERE b.slug = a.slug) AS versions
         FROM articles AS a WHERE a.lang = ?1 AND a.sort_ms >= ?2
         ORDER BY a.sort_ms ASC, a.slug DESC LIMIT ?3 OFFSET ?4`,
      )
      .bind(lang, DAY_ZERO_MS + at.day * DAY_MS, to - Math.max(1, from) + 1, at.within)
      .all<ArticleRecord & { versions: string }>(),
    config,
    'a sitemap part',
  )
  return results
}
