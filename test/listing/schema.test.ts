/**
 * What the committed migrations promise the index code, checked on the D1 they build (applied by
 * test/setup/migrate.ts): one row per language version, listings read through an index rather than
 * a scan of every article, a search table whose rows can be deleted, and refused purges kept once.
 */
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import * as z from 'zod'
import { ArticleRow } from '../../src/schema/listing'

const db = env.ARTICLES_DB
let next = 1_000_000

/** An `articles` row with every required column; only what a test varies is given. */
function insertArticle(lang: string, slug: string) {
  const id = next++
  return db
    .prepare(
      `INSERT INTO articles (lang, slug, title, description, published_at, sort_ms, content_lang,
         categories, tags, authors, source_sha256, store, first_seen, search_id)
       VALUES (?1, ?2, 't', 'd', '2024-06-19T00:00:00+09:00', 0, ?1, '[]', '[]', '[]', 'sha', 'kv',
         '2024-06-19T00:00:00Z', ?3)`,
    )
    .bind(lang, slug, id)
    .run()
}

/** SQLite's plan for a query, one line per step. */
async function plan(sql: string, ...values: unknown[]) {
  const { results } = await db
    .prepare(`EXPLAIN QUERY PLAN ${sql}`)
    .bind(...values)
    .all<{ detail: string }>()
  return results.map((r) => r.detail).join('\n')
}

describe('the migrations', () => {
  it('build the articles table the code declares (ArticleRow): same columns, types and nullability', async () => {
    const { results } = await db
      .prepare('SELECT name, type, "notnull" AS required, pk FROM pragma_table_info(?)')
      .bind('articles')
      .all<{ name: string; type: string; required: number; pk: number }>()
    const built = Object.fromEntries(
      results.map((c) => [c.name, { type: c.type, nullable: c.required === 0 && c.pk === 0 }]),
    )
    const declared = Object.fromEntries(
      Object.entries(ArticleRow.shape).map(([name, schema]) => {
        const nullable = schema instanceof z.ZodNullable
        const inner = nullable ? schema.unwrap() : schema
        return [name, { type: inner instanceof z.ZodNumber ? 'INTEGER' : 'TEXT', nullable }]
      }),
    )
    expect(built).toEqual(declared)
  })

  it('keep one row per language version of a slug', async () => {
    await insertArticle('ko', 'schema-one')
    await insertArticle('en', 'schema-one') // another language: its own row
    await expect(insertArticle('ko', 'schema-one')).rejects.toThrow(/UNIQUE/)
  })

  it('read a listing page, a label page and a slug through indexes, never scanning every article', async () => {
    // Newest first from a time, as listing pages read (test/listing/plans.test.ts has every query).
    const listing = await plan(
      'SELECT slug FROM articles WHERE lang = ?1 AND sort_ms <= ?2 ORDER BY sort_ms DESC, slug DESC LIMIT 12',
      'ko',
      Date.now(),
    )
    expect(listing).toContain('articles_by_date')
    const label = await plan(
      `SELECT slug FROM labels WHERE lang = ?1 AND kind = 'category' AND key = ?2
         AND sort_ms <= ?3 ORDER BY sort_ms DESC, slug DESC LIMIT 12`,
      'ko',
      'world',
      Date.now(),
    )
    expect(label).toContain('labels_by_date')
    const versions = await plan('SELECT lang FROM articles WHERE slug = ?1', 'schema-one')
    expect(versions).toContain('articles_by_slug')
    for (const detail of [listing, label, versions]) expect(detail).not.toMatch(/^SCAN /m)
  })

  it('build a full-text search whose rows can be deleted when an article is', async () => {
    const match = async (word: string) =>
      (
        await db
          .prepare('SELECT rowid FROM search WHERE search MATCH ?1')
          .bind(word)
          .all<{ rowid: number }>()
      ).results.map((r) => r.rowid)
    await db
      .prepare(
        "INSERT INTO search (rowid, lang, title, description, body) VALUES (424242, 'en', 'Summit', '', 'Pyongyang')",
      )
      .run()
    expect(await match('pyongyang')).toEqual([424242])
    await db.prepare('DELETE FROM search WHERE rowid = 424242').run()
    expect(await match('pyongyang')).toEqual([])
  })

  it('keep a refused purge tag once, however often it is refused', async () => {
    const refuse = () =>
      db
        .prepare('INSERT OR IGNORE INTO pending_purges (tag, since) VALUES (?1, ?2)')
        .bind('a:ko/schema', Date.now())
        .run()
    await refuse()
    await refuse()
    const row = await db
      .prepare("SELECT count(*) AS n FROM pending_purges WHERE tag = 'a:ko/schema'")
      .first<{ n: number }>()
    expect(row?.n).toBe(1)
  })
})
