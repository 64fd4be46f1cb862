/**
 * An article's neighbourhood in the index, for its page's footer: the previous and next article in
 * its language (by publication), and a few earlier ones from its section (first category). Each is
 * a seek on a date index from the article's own time, read with a LIMIT: never a scan of the
 * language or the section, however large.
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

/**
 * The article at `lang/slug`'s time, found once by its unique (lang, slug) index. Every neighbour query
 * below compares with it, so each is a seek on a date index read from that point, with a LIMIT.
 */
const ME = '(SELECT sort_ms FROM articles WHERE lang = ?1 AND slug = ?2)'

/**
 * The `limit` rows next to the article on one side in a date-ordered table (`articles`, or one
 * label's rows in `labels`): its same-millisecond neighbours (ordered by slug), then the rest.
 * Newest first is (sort_ms DESC, slug ASC), so older means a smaller time, or the same and a
 * greater slug. Each arm is a seek and a bounded read; the caller orders and cuts the union.
 */
function nextTo(
  table: 'articles' | 'labels',
  where: string,
  side: 'older' | 'newer',
  columns: string,
  limit: string,
): string {
  const [ms, tie, order, tieOrder] =
    side === 'older' ? ['<', '>', 'DESC', 'ASC'] : ['>', '<', 'ASC', 'DESC']
  return `SELECT * FROM (SELECT ${columns} FROM ${table} WHERE ${where} AND sort_ms = ${ME} AND slug ${tie} ?2
      ORDER BY slug ${tieOrder} LIMIT ${limit})
    UNION ALL SELECT * FROM (SELECT ${columns} FROM ${table} WHERE ${where} AND sort_ms ${ms} ${ME}
      ORDER BY sort_ms ${order}, slug ${tieOrder} LIMIT ${limit})`
}

export async function around(
  db: Db,
  config: Config,
  lang: string,
  slug: string,
  section: string | undefined,
): Promise<Around> {
  const neighbours = db
    .prepare(
      `${nextTo('articles', 'lang = ?1', 'older', '-1 AS side, articles.*', '1')}
       UNION ALL ${nextTo('articles', 'lang = ?1', 'newer', '1 AS side, articles.*', '1')}`,
    )
    .bind(lang, slug)
  const earlier = db
    .prepare(
      `SELECT a.* FROM (${nextTo('labels', "lang = ?1 AND kind = 'category' AND key = ?3", 'older', 'article_id, sort_ms, slug', '?4')}) AS l
       JOIN articles AS a ON a.id = l.article_id
       ORDER BY l.sort_ms DESC, l.slug ASC LIMIT ?4`,
    )
    .bind(lang, slug, section ? labelKey(section, lang) : '', RELATED + 1)
  const [near, same] = await query(
    db.batch<ArticleRecord & { side?: number }>([neighbours, earlier]),
    config,
    "an article's neighbours",
  )
  const rows = near!.results
  // Each side's same-millisecond neighbour, when there is one, comes before the rest.
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

/**
 * The slugs (same language) whose pages show this article in their footer, as `around` reads them:
 * its two neighbours, and the next few articles of each of its categories (the pages that list it
 * among their section's earlier articles). A few more than needed, never fewer.
 */
export async function linkedTo(
  db: Db,
  lang: string,
  slug: string,
  config: Config = { storageTimeoutMs: 10_000 },
): Promise<string[]> {
  const neighbours = db
    .prepare(
      `${nextTo('articles', 'lang = ?1', 'older', 'slug', '1')}
       UNION ALL ${nextTo('articles', 'lang = ?1', 'newer', 'slug', '1')}`,
    )
    .bind(lang, slug)
  // Per category of the article (a handful), the next rows of that category: correlated, bounded.
  const later = (sameMs: boolean) =>
    `SELECT l.slug FROM labels AS mine JOIN labels AS l ON l.rowid IN (
       SELECT rowid FROM labels WHERE lang = mine.lang AND kind = mine.kind AND key = mine.key
         AND ${sameMs ? 'sort_ms = mine.sort_ms AND slug < mine.slug' : 'sort_ms > mine.sort_ms'}
       ORDER BY sort_ms ASC, slug DESC LIMIT ?3)
     WHERE mine.article_id = (SELECT id FROM articles WHERE lang = ?1 AND slug = ?2) AND mine.kind = 'category'`
  const inSection = db
    .prepare(`${later(true)} UNION ALL ${later(false)}`)
    .bind(lang, slug, RELATED + 1)
  const [near, same] = await query(
    db.batch<{ slug: string }>([neighbours, inSection]),
    config,
    'the articles showing an article',
  )
  return [...new Set([...near!.results, ...same!.results].map((r) => r.slug))]
}

/** Articles whose linking pages one statement finds (a JSON list parameter: D1's 100 bound parameters are never near). */
const LINKED_PER_STATEMENT = 500

/**
 * `linkedTo` for many articles at once, in one D1 batch of two statements per 500 articles: the same
 * relation, each article's rows found by the same seeks (correlated, with a LIMIT), keyed
 * `lang/slug`. An article the index lacks has none.
 */
export async function linkedToAll(
  db: Db,
  keys: { lang: string; slug: string }[],
  config: Config = { storageTimeoutMs: 10_000 },
): Promise<Map<string, string[]>> {
  const linked = new Map<string, Set<string>>()
  if (!keys.length) return new Map()
  const me = `(SELECT a.id, a.lang, a.slug, a.sort_ms FROM json_each(?1) AS k
    JOIN articles AS a ON a.lang = json_extract(k.value, '$[0]') AND a.slug = json_extract(k.value, '$[1]'))`
  // One neighbour on one side: the same millisecond first (by slug), then the nearest time.
  const side = (where: string, order: string) =>
    `SELECT me.lang, me.slug AS of, n.slug FROM ${me} AS me JOIN articles AS n ON n.id IN (
       SELECT id FROM articles WHERE lang = me.lang AND ${where} ORDER BY ${order} LIMIT 1)`
  const neighbours = db.prepare(
    [
      side('sort_ms = me.sort_ms AND slug > me.slug', 'slug ASC'),
      side('sort_ms < me.sort_ms', 'sort_ms DESC, slug ASC'),
      side('sort_ms = me.sort_ms AND slug < me.slug', 'slug DESC'),
      side('sort_ms > me.sort_ms', 'sort_ms ASC, slug DESC'),
    ].join(' UNION ALL '),
  )
  const later = (sameMs: boolean) =>
    `SELECT me.lang, me.slug AS of, l.slug FROM ${me} AS me
     JOIN labels AS mine ON mine.article_id = me.id AND mine.kind = 'category'
     JOIN labels AS l ON l.rowid IN (
       SELECT rowid FROM labels WHERE lang = mine.lang AND kind = mine.kind AND key = mine.key
         AND ${sameMs ? 'sort_ms = mine.sort_ms AND slug < mine.slug' : 'sort_ms > mine.sort_ms'}
       ORDER BY sort_ms ASC, slug DESC LIMIT ?2)`
  const inSection = db.prepare(`${later(true)} UNION ALL ${later(false)}`)
  const statements: D1PreparedStatement[] = []
  for (let i = 0; i < keys.length; i += LINKED_PER_STATEMENT) {
    const named = JSON.stringify(
      keys.slice(i, i + LINKED_PER_STATEMENT).map((k) => [k.lang, k.slug]),
    )
    statements.push(neighbours.bind(named), inSection.bind(named, RELATED + 1))
  }
  const results = await query(
    db.batch<{ lang: string; of: string; slug: string }>(statements),
    config,
    'the articles showing these articles',
  )
  for (const { results: rows } of results)
    for (const row of rows) {
      const key = `${row.lang}/${row.of}`
      if (!linked.has(key)) linked.set(key, new Set())
      linked.get(key)!.add(row.slug)
    }
  return new Map([...linked].map(([key, slugs]) => [key, [...slugs]]))
}
