/**
 * The one writer of the article index, used by content:push, the publishing API, the reconciler and
 * the read path alike. A call writes any number of articles in one D1 batch, which D1 runs as one
 * transaction: two publishes at the same time are applied one after the other and neither loses the
 * other's row. Each statement is prepared once and bound once per chunk of rows, which travel as one
 * JSON parameter (D1 allows 100 bound parameters a statement; this uses one).
 *
 * Nothing is re-numbered: an article's place in a listing follows from its date (see
 * migrations/0020_day_counts.sql, whose triggers keep the day counts), so a write costs the same
 * whatever the article's date and however large the archive.
 */
import { ARTICLE_COLUMNS, type ArticleRow } from '../schema/listing'
import type { Db } from './db'
import { labelsOf, type IndexRow } from './entry'
import { pageStatements, removePages } from './pages'
import { clearRedirects, redirectInserts } from './redirects'
import { languageToken } from './search-text'

/** Search ids grow with the publication second, so FTS can read newest first and stop early. */
const SEARCH_SLOTS = 65_536
/** Rows a statement carries: bounded in count and in JSON size (D1 takes values up to 2 MB). */
const CHUNK_ROWS = 100
const CHUNK_CHARACTERS = 400_000

/** The columns that place a row (written by the statements themselves), not taken from the article. */
const PLACE = ['id', 'lang', 'slug', 'sort_ms', 'search_id'] as const
type Filled = Exclude<keyof ArticleRow, (typeof PLACE)[number]>

/** What each of an article's own columns holds (ArticleRow in schema/listing.ts declares them). */
const filled = (row: IndexRow): Record<Filled, string | number | null> => ({
  title: row.title,
  description: row.description,
  published_at: row.publishedAt,
  modified_at: row.modifiedAt ?? null,
  image_url: row.image?.url ?? null,
  image_alt: row.image?.alt ?? null,
  image_width: row.image?.width ?? null,
  image_height: row.image?.height ?? null,
  content_lang: row.contentLang,
  categories: JSON.stringify(row.categories),
  tags: JSON.stringify(row.tags),
  authors: JSON.stringify(row.authors),
  source_sha256: row.sourceSha256,
  store: row.store,
  file_name: row.fileName ?? null,
  first_seen: row.firstSeen,
})

/**
 * An article row's columns besides its place, in the one order the writer and the index bench's
 * bulk fill both use, and their values in that order.
 */
export const COLUMNS = ARTICLE_COLUMNS.filter(
  (column): column is Filled => !(PLACE as readonly string[]).includes(column),
)
export const columnValues = (row: IndexRow) => {
  const values = filled(row)
  return COLUMNS.map((column) => values[column])
}

/** Element `i` of a JSON array row from json_each. */
const at = (alias: string, i: number) => `json_extract(${alias}.value, '$[${i}]')`

/** The article rows named by a JSON list of [lang, slug], each found by its unique index. */
const NAMED = `json_each(?1) AS k CROSS JOIN articles AS a ON a.lang = ${at('k', 0)} AND a.slug = ${at('k', 1)}`

/** The statements of a write, each prepared once per call. */
function statements(db: Db) {
  const article = ['lang', 'slug', 'sort_ms', ...COLUMNS]
  return {
    // Taking articles out: their search rows, labels and rows (the triggers count them out).
    deleteSearch: db.prepare(
      `DELETE FROM search WHERE rowid IN (SELECT a.search_id FROM ${NAMED})`,
    ),
    deleteLabels: db.prepare(`DELETE FROM labels WHERE article_id IN (SELECT a.id FROM ${NAMED})`),
    deleteArticles: db.prepare(
      `DELETE FROM articles WHERE id IN (SELECT a.id FROM ${NAMED}) RETURNING lang, slug`,
    ),
    // Putting them in. A row is [lang, slug, sort_ms, ...COLUMNS, search slot, place in the slot
    // among this call's rows]: the next free search id of its second.
    insertArticles: db.prepare(
      `INSERT INTO articles (${article.join(', ')}, search_id)
       SELECT ${article.map((_, i) => at('r', i)).join(', ')},
         COALESCE((SELECT MAX(search_id) + 1 FROM articles
           WHERE search_id BETWEEN ${at('r', article.length)} AND ${at('r', article.length)} + ${SEARCH_SLOTS - 1}),
           ${at('r', article.length)}) + ${at('r', article.length + 1)}
       FROM json_each(?1) AS r`,
    ),
    // A label is [lang, slug, kind, key, name].
    insertLabels: db.prepare(
      `INSERT INTO labels (lang, kind, key, name, article_id, sort_ms, slug)
       SELECT a.lang, ${at('l', 2)}, ${at('l', 3)}, ${at('l', 4)}, a.id, a.sort_ms, a.slug
       FROM json_each(?1) AS l CROSS JOIN articles AS a ON a.lang = ${at('l', 0)} AND a.slug = ${at('l', 1)}`,
    ),
    // A search row is [lang, slug, language token, title, description, body].
    insertSearch: db.prepare(
      `INSERT INTO search (rowid, lang, title, description, body)
       SELECT a.search_id, ${at('s', 2)}, ${at('s', 3)}, ${at('s', 4)}, ${at('s', 5)}
       FROM json_each(?1) AS s CROSS JOIN articles AS a ON a.lang = ${at('s', 0)} AND a.slug = ${at('s', 1)}`,
    ),
  }
}

/** Rows in chunks a statement can carry. */
function chunks<T>(items: T[], size: (item: T) => number): T[][] {
  const out: T[][] = []
  let current: T[] = []
  let characters = 0
  for (const item of items) {
    if (
      current.length &&
      (current.length >= CHUNK_ROWS || characters + size(item) > CHUNK_CHARACTERS)
    ) {
      out.push(current)
      current = []
      characters = 0
    }
    current.push(item)
    characters += size(item)
  }
  if (current.length) out.push(current)
  return out
}

const keyOf = (row: { lang: string; slug: string }) => `${row.lang}/${row.slug}`

/**
 * Puts articles into the index, each replacing its previous row (the last row wins when a slug comes
 * twice), in one D1 batch. A row whose publication date is not a date refuses the whole call.
 */
export async function indexArticles(db: Db, rows: IndexRow[]): Promise<void> {
  const all = [...new Map(rows.map((row) => [keyOf(row), row])).values()]
  if (!all.length) return
  // Old addresses and pages first (issue 24): a page keeps its redirects and its sitemap entry but
  // has no row in listings, feeds or search, so it is taken out of them.
  // Cleared for every row by one statement each per chunk, then the few each row has put back.
  const addresses = [
    ...chunks(all, () => 1).flatMap((chunk) => [
      clearRedirects(db, chunk),
      removePages(
        db,
        chunk.filter((row) => !row.page),
      ),
    ]),
    ...all.flatMap((row) => [
      ...redirectInserts(db, { lang: row.lang, slug: row.slug, paths: row.redirectFrom ?? [] }),
      ...(row.page ? pageStatements(db, row) : []),
    ]),
  ]
  await db.batch(addresses)
  const pages = all.filter((row) => row.page)
  if (pages.length) await unindexArticles(db, pages, { keepAddresses: true })
  const latest = all.filter((row) => !row.page)
  if (!latest.length) return
  const slotTaken = new Map<number, number>()
  const placed = latest.map((row) => {
    const sortMs = Date.parse(row.publishedAt)
    if (Number.isNaN(sortMs))
      throw new Error(`${row.lang}/${row.slug}: publishedAt is not a date: ${row.publishedAt}`)
    const slot = Math.floor(sortMs / 1000) * SEARCH_SLOTS
    const inSlot = slotTaken.get(slot) ?? 0
    slotTaken.set(slot, inSlot + 1)
    return { row, sortMs, slot, inSlot }
  })
  const s = statements(db)
  const size = ({ row }: (typeof placed)[number]) =>
    1_000 + row.search.title.length + row.search.description.length + row.search.body.length
  const batch: D1PreparedStatement[] = []
  for (const chunk of chunks(placed, size)) {
    const keys = JSON.stringify(chunk.map(({ row }) => [row.lang, row.slug]))
    batch.push(s.deleteSearch.bind(keys), s.deleteLabels.bind(keys), s.deleteArticles.bind(keys))
    batch.push(
      s.insertArticles.bind(
        JSON.stringify(
          chunk.map(({ row, sortMs, slot, inSlot }) => [
            row.lang,
            row.slug,
            sortMs,
            ...columnValues(row),
            slot,
            inSlot,
          ]),
        ),
      ),
      s.insertLabels.bind(
        JSON.stringify(
          chunk.flatMap(({ row }) =>
            labelsOf(row).map((l) => [row.lang, row.slug, l.kind, l.key, l.name]),
          ),
        ),
      ),
      s.insertSearch.bind(
        JSON.stringify(
          chunk.map(({ row }) => [
            row.lang,
            row.slug,
            languageToken(row.lang),
            row.search.title,
            row.search.description,
            row.search.body,
          ]),
        ),
      ),
    )
  }
  await db.batch(batch)
}

/** Takes articles out of the index in one D1 batch; how many of them it had. */
export async function unindexArticles(
  db: Db,
  keys: { lang: string; slug: string }[],
  options: { keepAddresses?: boolean } = {},
): Promise<number> {
  const unique = [...new Map(keys.map((key) => [keyOf(key), key])).values()]
  if (!unique.length) return 0
  const s = statements(db)
  // A draft's or deleted article's old addresses no longer lead anywhere, nor is it a page.
  const addresses = options.keepAddresses
    ? []
    : chunks(unique, () => 1).flatMap((chunk) => [
        clearRedirects(db, chunk),
        removePages(db, chunk),
      ])
  if (addresses.length) await db.batch(addresses)
  const batch: D1PreparedStatement[] = []
  for (const chunk of chunks(unique, () => 1)) {
    const named = JSON.stringify(chunk.map((key) => [key.lang, key.slug]))
    batch.push(s.deleteSearch.bind(named), s.deleteLabels.bind(named), s.deleteArticles.bind(named))
  }
  const results = await db.batch(batch)
  return results.filter((_, i) => i % 3 === 2).reduce((n, r) => n + r.results.length, 0)
}

/** Puts one article into the index, replacing its previous row. */
export const indexArticle = (db: Db, row: IndexRow): Promise<void> => indexArticles(db, [row])

/** Takes an article out of the index; false when it was not there. */
export async function unindexArticle(db: Db, lang: string, slug: string): Promise<boolean> {
  return (await unindexArticles(db, [{ lang, slug }])) > 0
}
