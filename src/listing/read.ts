/**
 * Reading the article index: every query reads the page it shows, never the archive. Listing pages
 * and feeds are range scans on `rank` (see migrations/0001_article_index.sql), the language switcher
 * and redirects a lookup by slug.
 */
import type { SiteConfig } from '../config'
import type { Author } from '../schema/article'
import type { IndexEntry } from '../schema/listing'
import type { StoreName } from '../source/driver'
import { query, type Db } from './db'
import { labelKey } from './entry'

export const PAGE_SIZE = 12

export type ListingFilter = { kind: 'home' } | { kind: 'category' | 'tag'; name: string }

export interface Page<T> {
  items: T[]
  page: number
  pages: number
  total: number
}

/** An article row as D1 returns it. */
export interface ArticleRecord {
  id: number
  lang: string
  slug: string
  title: string
  description: string
  published_at: string
  modified_at: string | null
  sort_ms: number
  image_url: string | null
  image_alt: string | null
  image_width: number | null
  image_height: number | null
  content_lang: string
  categories: string
  tags: string
  authors: string
  source_sha256: string
  store: StoreName
  file_name: string | null
  first_seen: string
  rank: number
}

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
    categories: JSON.parse(record.categories) as string[],
    tags: JSON.parse(record.tags) as string[],
    contentLang: record.content_lang,
    translations: [],
  }
}

export const authorsOf = (record: ArticleRecord) => JSON.parse(record.authors) as Author[]

type Config = Pick<SiteConfig, 'storageTimeoutMs'>

/**
 * Page `page` (1-based) of a listing, newest first, and the label as the articles write it (`News`
 * for `news`). `undefined` past the last page, and for a category or tag no article has, so those
 * URLs are real 404s; page 1 of an empty home page is a page with nothing on it.
 */
export async function listingPage(
  db: Db,
  config: Config,
  lang: string,
  filter: ListingFilter,
  page: number,
): Promise<{ page: Page<IndexEntry>; label?: string } | undefined> {
  if (filter.kind === 'home') {
    const total =
      (
        await query(
          db
            .prepare('SELECT MAX(rank) AS n FROM articles WHERE lang = ?')
            .bind(lang)
            .first<{ n: number | null }>(),
          config,
          'the listing size',
        )
      )?.n ?? 0
    const range = pageRange(total, page)
    if (!range) return undefined
    const { results } = await query(
      db
        .prepare(
          'SELECT * FROM articles WHERE lang = ? AND rank > ? AND rank <= ? ORDER BY rank DESC',
        )
        .bind(lang, range.from, range.to)
        .all<ArticleRecord>(),
      config,
      'a listing page',
    )
    return { page: { items: results.map(toEntry), page, pages: range.pages, total } }
  }
  const key = labelKey(filter.name, lang)
  const newest = await query(
    db
      .prepare(
        'SELECT name, rank FROM labels WHERE lang = ? AND kind = ? AND key = ? ORDER BY rank DESC LIMIT 1',
      )
      .bind(lang, filter.kind, key)
      .first<{ name: string; rank: number }>(),
    config,
    'a label',
  )
  if (!newest) return undefined
  const range = pageRange(newest.rank, page)
  if (!range) return undefined
  const { results } = await query(
    db
      .prepare(
        `SELECT articles.* FROM labels JOIN articles ON articles.id = labels.article_id
         WHERE labels.lang = ? AND labels.kind = ? AND labels.key = ? AND labels.rank > ? AND labels.rank <= ?
         ORDER BY labels.rank DESC`,
      )
      .bind(lang, filter.kind, key, range.from, range.to)
      .all<ArticleRecord>(),
    config,
    'a label page',
  )
  return {
    page: { items: results.map(toEntry), page, pages: range.pages, total: newest.rank },
    label: newest.name,
  }
}

/** The ranks on page `page` of a listing of `total` articles; undefined past the end. */
function pageRange(
  total: number,
  page: number,
): { from: number; to: number; pages: number } | undefined {
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE))
  if (!Number.isInteger(page) || page < 1 || page > pages) return undefined
  return { from: Math.max(0, total - PAGE_SIZE * page), to: total - PAGE_SIZE * (page - 1), pages }
}

/** The newest articles of a language, for its feed. */
export async function newest(
  db: Db,
  config: Config,
  lang: string,
  count: number,
): Promise<ArticleRecord[]> {
  const { results } = await query(
    db
      .prepare('SELECT * FROM articles WHERE lang = ? ORDER BY rank DESC LIMIT ?')
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
          .prepare('SELECT ? AS lang, MAX(rank) AS n FROM articles WHERE lang = ?')
          .bind(lang, lang),
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

/** Articles of one language from oldest rank `from` to `to` (inclusive), with the other languages of each slug. */
export async function byRank(
  db: Db,
  config: Config,
  lang: string,
  from: number,
  to: number,
): Promise<(ArticleRecord & { versions: string })[]> {
  const { results } = await query(
    db
      .prepare(
        `SELECT a.*, (SELECT group_concat(b.lang) FROM articles AS b WHERE b.slug = a.slug) AS versions
         FROM articles AS a WHERE a.lang = ? AND a.rank BETWEEN ? AND ? ORDER BY a.rank`,
      )
      .bind(lang, from, to)
      .all<ArticleRecord & { versions: string }>(),
    config,
    'a sitemap part',
  )
  return results
}

/** What the index holds of these articles (`<lang>/<slug>` keys), for a writer to compare against. */
export async function indexedRows(
  db: Db,
  keys: { lang: string; slug: string }[],
): Promise<Map<string, IndexedRow>> {
  const found = new Map<string, IndexedRow>()
  const byLang = Map.groupBy(keys, (k) => k.lang)
  const queries: D1PreparedStatement[] = []
  for (const [lang, slugs] of byLang)
    for (let i = 0; i < slugs.length; i += 90) {
      const chunk = slugs.slice(i, i + 90).map((k) => k.slug)
      queries.push(
        db
          .prepare(
            `SELECT lang, slug, source_sha256, first_seen, categories, tags FROM articles
             WHERE lang = ? AND slug IN (${chunk.map(() => '?').join(',')})`,
          )
          .bind(lang, ...chunk),
      )
    }
  if (!queries.length) return found
  for (const { results } of await db.batch<IndexedRow>(queries))
    for (const row of results) found.set(`${row.lang}/${row.slug}`, row)
  return found
}

/** The index's record of an article, as a writer needs it. */
export interface IndexedRow {
  lang: string
  slug: string
  source_sha256: string
  first_seen: string
  /** JSON arrays, as stored. */
  categories: string
  tags: string
}
