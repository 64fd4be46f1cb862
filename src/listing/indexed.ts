/**
 * What the index holds of given articles, for the writers (content:push, the write path) to compare
 * against before they write: bulk lookups by key, never a listing.
 */
import type { SiteConfig } from '../config'
import type { ArticleRow } from '../schema/listing'
import { query, type Db } from './db'

type Config = Pick<SiteConfig, 'storageTimeoutMs'>

/** Keys looked up per statement (one JSON parameter), and statements per D1 round trip. */
const KEYS_PER_STATEMENT = 1_000
const STATEMENTS_PER_BATCH = 20

/**
 * Of these keys (`lang/slug`), the source version the index holds for each it has: one index lookup
 * per key, a thousand keys a statement, so checking N keys reads N rows once.
 */
export async function indexedVersions(
  db: Db,
  config: Config,
  keys: string[],
): Promise<Map<string, string>> {
  const statement = db.prepare(
    `SELECT a.lang || '/' || a.slug AS key, a.source_sha256 FROM json_each(?1) AS k
     CROSS JOIN articles AS a ON a.lang = json_extract(k.value, '$[0]') AND a.slug = json_extract(k.value, '$[1]')`,
  )
  const pairs = keys.map((key) => [key.slice(0, key.indexOf('/')), key.slice(key.indexOf('/') + 1)])
  const statements: D1PreparedStatement[] = []
  for (let i = 0; i < pairs.length; i += KEYS_PER_STATEMENT)
    statements.push(statement.bind(JSON.stringify(pairs.slice(i, i + KEYS_PER_STATEMENT))))
  const indexed = new Map<string, string>()
  for (let i = 0; i < statements.length; i += STATEMENTS_PER_BATCH) {
    const results = await query(
      db.batch<{ key: string; source_sha256: string }>(
        statements.slice(i, i + STATEMENTS_PER_BATCH),
      ),
      config,
      'the indexed versions',
    )
    for (const r of results.flatMap((result) => result.results)) indexed.set(r.key, r.source_sha256)
  }
  return indexed
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
            `SELECT lang, slug, source_sha256, first_seen, categories, tags, authors FROM articles
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

/** The index's record of an article, as a writer needs it (categories and tags as stored JSON). */
export type IndexedRow = Pick<
  ArticleRow,
  'lang' | 'slug' | 'source_sha256' | 'first_seen' | 'categories' | 'tags' | 'authors'
>
