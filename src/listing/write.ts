/**
 * The one writer of the article index, used by content:push, the publishing API, the reconciler and
 * the read path alike. Each change is one D1 batch, which D1 runs as one transaction: two publishes
 * at the same time are applied one after the other and neither loses the other's row.
 */
import type { Db } from './db'
import { labelsOf, type IndexRow } from './entry'
import { pageStatements, removePage } from './pages'
import { redirectStatements } from './redirects'
import { languageToken } from './search-text'

/** Article rows, in the order listings read them: newest first (publication time, then slug). */
const NEWER = '(sort_ms > ?3 OR (sort_ms = ?3 AND slug < ?2))'
const OLDER = '(sort_ms < ?3 OR (sort_ms = ?3 AND slug > ?2))'
/** Search ids grow with the publication second, so FTS can read newest first and stop early. */
const SEARCH_SLOTS = 65_536

/** The statements that take an article out of the index (nothing, when it is not there). */
function removal(db: Db, lang: string, slug: string): D1PreparedStatement[] {
  const id = '(SELECT id FROM articles WHERE lang = ?1 AND slug = ?2)'
  return [
    // Everything newer moves down one place, in the language and in each of its labels.
    db
      .prepare(
        `UPDATE articles SET rank = rank - 1 WHERE lang = ?1 AND rank > (SELECT rank FROM articles WHERE lang = ?1 AND slug = ?2)`,
      )
      .bind(lang, slug),
    db
      .prepare(
        `UPDATE labels SET rank = rank - 1 WHERE rowid IN (
           SELECT newer.rowid FROM labels AS own JOIN labels AS newer
             ON newer.lang = own.lang AND newer.kind = own.kind AND newer.key = own.key AND newer.rank > own.rank
           WHERE own.article_id = ${id})`,
      )
      .bind(lang, slug),
    db
      .prepare(
        `DELETE FROM search WHERE rowid = (SELECT search_id FROM articles WHERE lang = ?1 AND slug = ?2)`,
      )
      .bind(lang, slug),
    db.prepare(`DELETE FROM labels WHERE article_id = ${id}`).bind(lang, slug),
    db.prepare(`DELETE FROM articles WHERE lang = ?1 AND slug = ?2`).bind(lang, slug),
  ]
}

/**
 * An article row's columns besides its place (lang, slug, sort_ms, rank, search_id), in the one order
 * both the insert and the in-place update bind them.
 */
export const COLUMNS = [
  'title',
  'description',
  'published_at',
  'modified_at',
  'image_url',
  'image_alt',
  'image_width',
  'image_height',
  'content_lang',
  'categories',
  'tags',
  'authors',
  'source_sha256',
  'store',
  'file_name',
  'first_seen',
] as const

export const columnValues = (row: IndexRow) => [
  row.title,
  row.description,
  row.publishedAt,
  row.modifiedAt ?? null,
  row.image?.url ?? null,
  row.image?.alt ?? null,
  row.image?.width ?? null,
  row.image?.height ?? null,
  row.contentLang,
  JSON.stringify(row.categories),
  JSON.stringify(row.tags),
  JSON.stringify(row.authors),
  row.sourceSha256,
  row.store,
  row.fileName ?? null,
  row.firstSeen,
]

/**
 * An edit that keeps the article's date, categories and tags keeps its place in every listing: its
 * row is updated where it is, with no re-numbering of the articles newer than it (which costs about
 * 9 µs per newer article, half a second for an article a year old in a million). The guard repeats
 * the condition in each statement, so if another publish moved the article first, nothing changes
 * and the caller takes the full path. True when the edit was applied.
 */
async function updateInPlace(db: Db, row: IndexRow, sortMs: number): Promise<boolean> {
  const { lang, slug } = row
  const place = [lang, slug, sortMs, JSON.stringify(row.categories), JSON.stringify(row.tags)]
  const guard = 'lang = ?1 AND slug = ?2 AND sort_ms = ?3 AND categories = ?4 AND tags = ?5'
  const set = COLUMNS.map((column, i) => `${column} = ?${i + 6}`).join(', ')
  const [updated] = await db.batch([
    db.prepare(`UPDATE articles SET ${set} WHERE ${guard}`).bind(...place, ...columnValues(row)),
    db
      .prepare(`DELETE FROM search WHERE rowid = (SELECT search_id FROM articles WHERE ${guard})`)
      .bind(...place),
    db
      .prepare(
        `INSERT INTO search (rowid, lang, title, description, body)
         SELECT search_id, ?6, ?7, ?8, ?9 FROM articles WHERE ${guard}`,
      )
      .bind(
        ...place,
        languageToken(lang),
        row.search.title,
        row.search.description,
        row.search.body,
      ),
  ])
  return (updated?.meta.changes ?? 0) > 0
}

/** Puts an article into the index, replacing its previous row, in one transaction. */
export async function indexArticle(db: Db, row: IndexRow): Promise<void> {
  const sortMs = Date.parse(row.publishedAt)
  if (Number.isNaN(sortMs))
    throw new Error(`${row.lang}/${row.slug}: publishedAt is not a date: ${row.publishedAt}`)
  // Old addresses first (issue 24): a page keeps them but has no row in listings, feeds or search.
  await db.batch([
    ...redirectStatements(db, row.lang, row.slug, row.redirectFrom ?? []),
    ...pageStatements(db, row),
  ])
  if (row.page) {
    await db.batch(removal(db, row.lang, row.slug))
    return
  }
  if (await updateInPlace(db, row, sortMs)) return
  const firstSlot = Math.floor(sortMs / 1000) * SEARCH_SLOTS
  const slot = `?${COLUMNS.length + 4}` // bound after lang, slug, sort_ms and the columns
  const labels = JSON.stringify(labelsOf(row))
  const { lang, slug } = row
  await db.batch([
    ...removal(db, lang, slug),
    db
      .prepare(`UPDATE articles SET rank = rank + 1 WHERE lang = ?1 AND ${NEWER}`)
      .bind(lang, slug, sortMs),
    db
      .prepare(
        `INSERT INTO articles (lang, slug, sort_ms, ${COLUMNS.join(', ')}, rank, search_id)
         VALUES (?1, ?2, ?3, ${COLUMNS.map((_, i) => `?${i + 4}`).join(', ')},
           COALESCE((SELECT rank FROM articles WHERE lang = ?1 AND ${OLDER} ORDER BY sort_ms DESC, slug ASC LIMIT 1), 0) + 1,
           COALESCE((SELECT MAX(search_id) + 1 FROM articles WHERE search_id BETWEEN ${slot} AND ${slot} + ${SEARCH_SLOTS - 1}), ${slot}))`,
      )
      .bind(lang, slug, sortMs, ...columnValues(row), firstSlot),
    db
      .prepare(
        `UPDATE labels SET rank = rank + 1
         WHERE (lang, kind, key) IN (SELECT ?1, json_extract(value, '$.kind'), json_extract(value, '$.key') FROM json_each(?4))
           AND ${NEWER}`,
      )
      .bind(lang, slug, sortMs, labels),
    db
      .prepare(
        `INSERT INTO labels (lang, kind, key, name, article_id, sort_ms, slug, rank)
         SELECT ?1, json_extract(label.value, '$.kind'), json_extract(label.value, '$.key'), json_extract(label.value, '$.name'),
           (SELECT id FROM articles WHERE lang = ?1 AND slug = ?2), ?3, ?2,
           COALESCE((SELECT rank FROM labels WHERE lang = ?1 AND kind = json_extract(label.value, '$.kind')
               AND key = json_extract(label.value, '$.key') AND ${OLDER} ORDER BY sort_ms DESC, slug ASC LIMIT 1), 0) + 1
         FROM json_each(?4) AS label`,
      )
      .bind(lang, slug, sortMs, labels),
    db
      .prepare(
        `INSERT INTO search (rowid, lang, title, description, body) VALUES ((SELECT search_id FROM articles WHERE lang = ?1 AND slug = ?2), ?3, ?4, ?5, ?6)`,
      )
      .bind(
        lang,
        slug,
        languageToken(lang),
        row.search.title,
        row.search.description,
        row.search.body,
      ),
  ])
}

/** Takes an article out of the index; false when it was not there. */
export async function unindexArticle(db: Db, lang: string, slug: string): Promise<boolean> {
  const results = await db.batch([
    ...redirectStatements(db, lang, slug, []),
    removePage(db, lang, slug),
    ...removal(db, lang, slug),
  ])
  return (results.at(-1)?.meta.changes ?? 0) > 0
}
