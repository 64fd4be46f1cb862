/**
 * Related articles for an article page: those sharing its tags and its section, scored by the number
 * of tags shared, then being in the same section, then recency (newest first). Never the article
 * itself; only what the index holds, so never a draft, a scheduled or an unpublished article, and
 * only in the page's language.
 *
 * Bounded: the candidates are the newest few rows of each of the article's labels (every spelling
 * of its section, which sections.yml bounds, and at most MAX_TAGS tags), each a seek and a short
 * backwards read on the labels' date index; only those are scored. So the query reads at most
 * (spellings + MAX_TAGS) × CANDIDATES label rows and as many article rows, whatever the archive's
 * size.
 *
 * The page carries the cache tag of every label it read (see `relatedLabels`): any publish,
 * retitle or unpublish of an article that could be in the block is a change in one of those
 * listings, and purges the page.
 */
import type { Label } from '../cache/tags'
import type { Db } from './db'
import { labelKey } from './entry'

/** Articles the block shows. */
export const RELATED = 4
/** Rows read per label: the newest of each, where the best-scored almost always are. */
export const CANDIDATES = 30
/** Tags read at most (the first ones the article lists). */
export const MAX_TAGS = 8
/** An article's own labels read at most, when they come from the index (`OWN_LABELS`). */
export const MAX_OWN_LABELS = 10

/**
 * The listings an article's related block reads, as listing keys: every spelling of its section (its
 * first category; `News` and `뉴스` are one section) and its tags.
 */
export function relatedLabels(options: {
  lang: string
  /** Every listing key of the article's section, or its first category's alone. */
  sectionKeys: string[]
  tags: string[]
}): Label[] {
  const tags = [...new Set(options.tags.map((tag) => labelKey(tag, options.lang)))]
  return [
    ...[...new Set(options.sectionKeys)].map((key) => ({ kind: 'category' as const, key })),
    ...tags.slice(0, MAX_TAGS).map((key) => ({ kind: 'tag' as const, key })),
  ]
}

/** The labels an article has in the index, for when the page's own are not at hand (purging). */
export const OWN_LABELS = `SELECT kind, key FROM labels
  WHERE article_id = (SELECT id FROM articles WHERE lang = ?1 AND slug = ?2)
  ORDER BY kind, key LIMIT ${MAX_OWN_LABELS}`

/** The labels given as a JSON list of [kind, key] in ?3. */
export const GIVEN_LABELS = `SELECT json_extract(value, '$[0]') AS kind, json_extract(value, '$[1]') AS key FROM json_each(?3)`

/**
 * The related articles of `lang/slug` (?1, ?2), `columns` of each, best first: `mine` names the
 * labels to match (GIVEN_LABELS or OWN_LABELS), ?4 the rows read per label, ?5 how many to return.
 */
export function relatedSql(mine: string, columns: string): string {
  return `WITH mine AS (${mine}),
    found AS (
      SELECT l.article_id, l.kind FROM mine JOIN labels AS l ON l.rowid IN (
        SELECT rowid FROM labels WHERE lang = ?1 AND kind = mine.kind AND key = mine.key
        ORDER BY sort_ms DESC, slug ASC LIMIT ?4))
    SELECT ${columns} FROM found AS f JOIN articles AS a ON a.id = f.article_id
    WHERE a.slug <> ?2
    GROUP BY a.id
    ORDER BY SUM(f.kind = 'tag') DESC, MAX(f.kind = 'category') DESC, a.sort_ms DESC, a.slug ASC
    LIMIT ?5`
}

/** The statement for a page's block: the article rows, best first. */
export function relatedStatement(
  db: Db,
  {
    lang,
    slug,
    labels,
  }: { lang: string; slug: string; /** The page's own labels. */ labels: Label[] },
) {
  return db
    .prepare(relatedSql(GIVEN_LABELS, 'a.*'))
    .bind(lang, slug, JSON.stringify(labels.map((l) => [l.kind, l.key])), CANDIDATES, RELATED)
}
