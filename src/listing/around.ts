/**
 * An article's neighbourhood in the index, for its page's footer, in one batch: the previous and next
 * article in its language (by publication), each a seek on a date index from the article's own time
 * read with a LIMIT, never a scan of the language however large; and its related articles
 * (related.ts), from the newest few of each of its labels.
 *
 * Whose pages show an article (`linkedTo`), so a publish can purge them: its two neighbours, found
 * the same way read backwards. Related blocks are purged by their labels' cache tags, which article
 * pages carry (cache/tags.ts); `linkedTo` adds the article's own related articles, the pages most
 * likely to show it back, for the in-Worker cache, which cannot purge by tag.
 */
import type { Label } from '../cache/tags'
import type { SiteConfig } from '../config'
import type { IndexEntry } from '../schema/listing'
import { query, type Db } from './db'
import { toEntry, type ArticleRecord } from './read'
import {
  CANDIDATES,
  MAX_OWN_LABELS,
  OWN_LABELS,
  RELATED,
  relatedSql,
  relatedStatement,
} from './related'

export interface Around {
  /** The article published just before this one, and just after. */
  previous?: IndexEntry
  next?: IndexEntry
  /** Related articles (same tags, same section), best first. */
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
  {
    where,
    side,
    columns,
    limit,
  }: {
    /** SQL condition picking the rows to walk (the language, or one label's rows). */
    where: string
    side: 'older' | 'newer'
    /** SQL select list. */
    columns: string
    /** SQL for how many rows each arm reads. */
    limit: string
  },
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
  article: {
    lang: string
    slug: string
    /** The listings its related block reads (related.ts relatedLabels). */
    labels: Label[]
  },
): Promise<Around> {
  const { lang, slug, labels } = article
  const neighbours = db
    .prepare(
      `${nextTo('articles', { where: 'lang = ?1', side: 'older', columns: '-1 AS side, articles.*', limit: '1' })}
       UNION ALL ${nextTo('articles', { where: 'lang = ?1', side: 'newer', columns: '1 AS side, articles.*', limit: '1' })}`,
    )
    .bind(lang, slug)
  const [near, same] = await query(
    db.batch<ArticleRecord & { side?: number }>([
      neighbours,
      relatedStatement(db, { lang, slug, labels }),
    ]),
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
    related: same!.results.map(toEntry),
  }
}

/**
 * The slugs (same language) whose pages show this article in their footer: its two neighbours,
 * exactly, and the articles its own related block shows (sharing its labels, they are the likeliest
 * to show it). Related blocks elsewhere are reached by tag (every article page carries its labels').
 */
export async function linkedTo(
  db: Db,
  {
    lang,
    slug,
    config = { storageTimeoutMs: 10_000 },
  }: { lang: string; slug: string; config?: Config },
): Promise<string[]> {
  const neighbours = db
    .prepare(
      `${nextTo('articles', { where: 'lang = ?1', side: 'older', columns: 'slug', limit: '1' })}
       UNION ALL ${nextTo('articles', { where: 'lang = ?1', side: 'newer', columns: 'slug', limit: '1' })}`,
    )
    .bind(lang, slug)
  const related = db
    .prepare(relatedSql(OWN_LABELS, 'a.slug'))
    .bind(lang, slug, null, CANDIDATES, RELATED)
  const [near, shown] = await query(
    db.batch<{ slug: string }>([neighbours, related]),
    config,
    'the articles showing an article',
  )
  return [...new Set([...near!.results, ...shown!.results].map((r) => r.slug))]
}

/** Articles whose linking pages one statement finds (a JSON list parameter: D1's 100 bound parameters are never near). */
const LINKED_PER_STATEMENT = 500

/**
 * `linkedTo` for many articles at once, in one D1 batch of two statements per 500 articles: the same
 * relation (its two neighbours; its own related articles), each article's rows found by the same
 * seeks (correlated, with a LIMIT), keyed `lang/slug`. An article the index lacks has none.
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
  // The articles each one's own related block shows (relatedSql with OWN_LABELS, for many at once):
  // its first labels, the newest CANDIDATES rows of each, scored per article, the best RELATED kept.
  const related = db.prepare(`WITH me AS ${me},
    mine AS (
      SELECT * FROM (
        SELECT me.lang, me.slug AS of, l.kind, l.key,
          ROW_NUMBER() OVER (PARTITION BY me.id ORDER BY l.kind, l.key) AS n
        FROM me JOIN labels AS l ON l.article_id = me.id)
      WHERE n <= ${MAX_OWN_LABELS}),
    found AS (
      SELECT mine.lang, mine.of, c.article_id, c.kind FROM mine JOIN labels AS c ON c.rowid IN (
        SELECT rowid FROM labels WHERE lang = mine.lang AND kind = mine.kind AND key = mine.key
        ORDER BY sort_ms DESC, slug ASC LIMIT ?2)),
    scored AS (
      SELECT f.lang, f.of, a.slug, ROW_NUMBER() OVER (PARTITION BY f.lang, f.of
        ORDER BY SUM(f.kind = 'tag') DESC, MAX(f.kind = 'category') DESC, a.sort_ms DESC, a.slug ASC) AS n
      FROM found AS f JOIN articles AS a ON a.id = f.article_id
      WHERE a.slug <> f.of
      GROUP BY f.lang, f.of, a.id)
    SELECT lang, of, slug FROM scored WHERE n <= ?3`)
  const statements: D1PreparedStatement[] = []
  for (let i = 0; i < keys.length; i += LINKED_PER_STATEMENT) {
    const named = JSON.stringify(
      keys.slice(i, i + LINKED_PER_STATEMENT).map((k) => [k.lang, k.slug]),
    )
    statements.push(neighbours.bind(named), related.bind(named, CANDIDATES, RELATED))
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
