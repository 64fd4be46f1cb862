/**
 * An article's neighbourhood in the index, for its page's footer: the previous and next article in
 * its language (by publication), and a few earlier ones from its section (first category). Each is
 * one indexed lookup by rank, never a scan.
 *
 * The same relation read backwards says whose pages show an article (`linkedTo`), so a publish can
 * purge exactly those: its two neighbours and the next few of each of its sections.
 */
import type { SiteConfig } from '../config'
import type { IndexEntry } from '../schema/listing'
import { query, type Db } from './db'
import { labelKey } from './entry'
import { toEntry, type ArticleRecord } from './read'

/** Earlier articles from the same section shown under an article. */
export const RELATED = 4

export interface Around {
  /** The article published just before this one, and just after. */
  previous?: IndexEntry
  next?: IndexEntry
  /** Earlier articles of its section, newest first, without `previous`. */
  related: IndexEntry[]
}

type Config = Pick<SiteConfig, 'storageTimeoutMs'>

export async function around(
  db: Db,
  config: Config,
  lang: string,
  slug: string,
  section: string | undefined,
): Promise<Around> {
  const neighbours = db
    .prepare(
      `SELECT a.*, a.rank - me.rank AS side FROM articles me JOIN articles a
         ON a.lang = me.lang AND a.rank IN (me.rank - 1, me.rank + 1)
       WHERE me.lang = ?1 AND me.slug = ?2`,
    )
    .bind(lang, slug)
  const earlier = db
    .prepare(
      `SELECT a.* FROM labels me JOIN labels l
         ON l.lang = me.lang AND l.kind = me.kind AND l.key = me.key AND l.rank < me.rank AND l.rank >= me.rank - ?4
       JOIN articles a ON a.id = l.article_id
       WHERE me.lang = ?1 AND me.kind = 'category' AND me.key = ?3 AND me.slug = ?2
       ORDER BY l.rank DESC`,
    )
    .bind(lang, slug, section ? labelKey(section, lang) : '', RELATED + 1)
  const [near, same] = await query(
    db.batch<ArticleRecord & { side?: number }>([neighbours, earlier]),
    config,
    "an article's neighbours",
  )
  const rows = near!.results
  const previous = rows.find((r) => r.side === -1)
  const next = rows.find((r) => r.side === 1)
  return {
    ...(previous && { previous: toEntry(previous) }),
    ...(next && { next: toEntry(next) }),
    related: same!.results
      .filter((r) => r.slug !== previous?.slug)
      .slice(0, RELATED)
      .map(toEntry),
  }
}

/** The slugs (same language) whose pages show this article in their footer, as `around` reads them. */
export async function linkedTo(
  db: Db,
  lang: string,
  slug: string,
  config: Config = { storageTimeoutMs: 10_000 },
): Promise<string[]> {
  const neighbours = db
    .prepare(
      `SELECT a.slug FROM articles me JOIN articles a
         ON a.lang = me.lang AND a.rank IN (me.rank - 1, me.rank + 1)
       WHERE me.lang = ?1 AND me.slug = ?2`,
    )
    .bind(lang, slug)
  const later = db
    .prepare(
      `SELECT l.slug FROM labels me JOIN labels l
         ON l.lang = me.lang AND l.kind = me.kind AND l.key = me.key AND l.rank > me.rank AND l.rank <= me.rank + ?3
       WHERE me.lang = ?1 AND me.kind = 'category' AND me.slug = ?2`,
    )
    .bind(lang, slug, RELATED + 1)
  const [near, same] = await query(
    db.batch<{ slug: string }>([neighbours, later]),
    config,
    'the articles showing an article',
  )
  return [...new Set([...near!.results, ...same!.results].map((r) => r.slug))]
}
