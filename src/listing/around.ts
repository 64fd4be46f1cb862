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
import { CANDIDATES, OWN_LABELS, RELATED, relatedSql, relatedStatement } from './related'

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
  /** The listings its related block reads (related.ts relatedLabels). */
  labels: Label[],
): Promise<Around> {
  const neighbours = db
    .prepare(
      `${nextTo('articles', 'lang = ?1', 'older', '-1 AS side, articles.*', '1')}
       UNION ALL ${nextTo('articles', 'lang = ?1', 'newer', '1 AS side, articles.*', '1')}`,
    )
    .bind(lang, slug)
  const [near, same] = await query(
    db.batch<ArticleRecord & { side?: number }>([
      neighbours,
      relatedStatement(db, lang, slug, labels),
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
