/**
 * Published pages (`type: page`) for the sitemap: the one place they appear besides their own
 * address. Kept apart from `articles`, whose ranks number what listings, feeds and search show.
 */
import { query, type Db } from './db'
import type { IndexRow } from './entry'
import type { SiteConfig } from '../config'

/** The statements that record `row` as a page, or (not a page) make sure it is not one. */
export function pageStatements(db: Db, row: IndexRow): D1PreparedStatement[] {
  return row.page
    ? [
        db
          .prepare('INSERT OR REPLACE INTO pages (lang, slug, lastmod) VALUES (?1, ?2, ?3)')
          .bind(row.lang, row.slug, row.modifiedAt ?? row.publishedAt),
      ]
    : [removePage(db, row.lang, row.slug)]
}

export const removePage = (db: Db, lang: string, slug: string) => removePages(db, [{ lang, slug }])

/** One statement that makes none of these a page (a JSON list of [lang, slug]). */
export const removePages = (db: Db, keys: { lang: string; slug: string }[]) =>
  db
    .prepare(
      `DELETE FROM pages WHERE rowid IN (SELECT p.rowid FROM json_each(?1) AS k
         JOIN pages AS p ON p.lang = json_extract(k.value, '$[0]') AND p.slug = json_extract(k.value, '$[1]'))`,
    )
    .bind(JSON.stringify(keys.map((k) => [k.lang, k.slug])))

export async function pageCount(
  db: Db,
  config: Pick<SiteConfig, 'storageTimeoutMs'>,
): Promise<number> {
  const row = await query(
    db.prepare('SELECT COUNT(*) AS n FROM pages').first<{ n: number }>(),
    config,
    'the page count',
  )
  return row?.n ?? 0
}

/** Pages `offset`… in a stable order (language, then slug). */
export async function pagesFrom(
  db: Db,
  config: Pick<SiteConfig, 'storageTimeoutMs'>,
  { offset, limit }: { offset: number; limit: number },
): Promise<{ lang: string; slug: string; lastmod: string }[]> {
  const { results } = await query(
    db
      .prepare('SELECT lang, slug, lastmod FROM pages ORDER BY lang, slug LIMIT ?1 OFFSET ?2')
      .bind(limit, offset)
      .all<{ lang: string; slug: string; lastmod: string }>(),
    config,
    'the sitemap pages',
  )
  return results
}

/** Author pages with at least one article, for the sitemap: one row per language and author. */
export async function authorPageCount(
  db: Db,
  config: Pick<SiteConfig, 'storageTimeoutMs'>,
): Promise<number> {
  const row = await query(
    db
      .prepare("SELECT COUNT(*) AS n FROM listing_totals WHERE kind = 'author' AND n > 0")
      .first<{ n: number }>(),
    config,
    'the author page count',
  )
  return row?.n ?? 0
}

/** Author pages `offset`… in a stable order (language, then id). */
export async function authorPagesFrom(
  db: Db,
  config: Pick<SiteConfig, 'storageTimeoutMs'>,
  range: { offset: number; limit: number },
): Promise<{ lang: string; id: string }[]> {
  const { results } = await query(
    db
      .prepare(
        `SELECT lang, key AS id FROM listing_totals WHERE kind = 'author' AND n > 0
         ORDER BY lang, key LIMIT ?1 OFFSET ?2`,
      )
      .bind(range.limit, range.offset)
      .all<{ lang: string; id: string }>(),
    config,
    'the sitemap author pages',
  )
  return results
}
