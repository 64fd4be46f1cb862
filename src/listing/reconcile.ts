/**
 * Keeps the index in step with sources that were put into KV or R2 by hand (`wrangler kv key put`,
 * `wrangler r2 object put`): run by the Cron Trigger, it lists each store a page at a time and
 * indexes new and changed sources, and drops rows whose source is gone. Each run continues where the
 * last one stopped (reconcile_state), within a budget, so a large archive is covered over several
 * runs without any run exceeding the Worker's limits.
 */
import { buildOrigin } from '../articles/derived'
import type { SiteConfig } from '../config'
import { AppError } from '../errors'
import { writeArticles } from '../publish/write'
import { backend, internalOf } from '../source'
import type { StoreName } from '../source/driver'
import { articleKey, splitArticleKey } from '../source/keys'
import type { StoredEntry } from '../source/store'
import type { Db } from './db'
import { labelsOf } from './entry'
import { linkedTo } from './around'
import { unindexArticle } from './write'

export interface ReconcileBudget {
  /** Store listing pages (up to 1,000 keys each) per run. */
  pages: number
  /** Sources read and rebuilt per run. */
  builds: number
}

export const DEFAULT_BUDGET: ReconcileBudget = { pages: 10, builds: 20 }

export interface ReconcileReport {
  indexed: string[]
  removed: string[]
  /** Sources that could not be built, with why: they stay out of the index until fixed. */
  broken: string[]
  /** The categories and tags whose listings changed. */
  labels: { lang: string; kind: 'category' | 'tag'; key: string }[]
  /** Articles whose page footer links to a changed one (its neighbours, before and after). */
  linked: string[]
  /** Whether every store was listed to its end in this run. */
  complete: boolean
}

interface IndexedRow {
  slug: string
  source_sha256: string
  store: StoreName
  first_seen: string
  categories: string
  tags: string
}

export async function reconcile(
  env: Env,
  db: Db,
  config: SiteConfig,
  budget: ReconcileBudget = DEFAULT_BUDGET,
  now = new Date(),
): Promise<ReconcileReport> {
  const report: ReconcileReport = {
    indexed: [],
    removed: [],
    broken: [],
    labels: [],
    linked: [],
    complete: true,
  }
  let pages = budget.pages
  let builds = budget.builds
  for (const name of config.sources) {
    const store = backend(env, config, name)
    for (const lang of config.languages) {
      const state = await db
        .prepare('SELECT cursor FROM reconcile_state WHERE store = ? AND lang = ?')
        .bind(name, lang)
        .first<{ cursor: string | null }>()
      // The cursor is `<store cursor>\n<last slug seen>`; none means the start.
      let [cursor, after] = state?.cursor ? splitCursor(state.cursor) : [undefined, '']
      while (pages > 0) {
        pages--
        const page = await store.list([lang], cursor ? `0:${cursor}` : undefined)
        const entries = page.entries
        const last = entries.at(-1) ? splitArticleKey(entries.at(-1)!.key).slug : undefined
        const finished = !page.cursor
        if (!finished && last === undefined) {
          cursor = page.cursor!.slice(page.cursor!.indexOf(':') + 1) // an empty page mid-list: KV may return those
          continue
        }
        // Rows in the range this page covers: (after, last], or (after, ∞) on the last page.
        const rows = await rowsBetween(db, lang, name, after, finished ? undefined : last)
        for (const entry of entries) {
          const { slug } = splitArticleKey(entry.key)
          const row = rows.get(slug)
          rows.delete(slug)
          if (row && entry.metadata.sha256 === row.source_sha256) continue
          if (builds <= 0) continue // the next pass comes back to it
          builds--
          await reindex(env, db, config, name, entry, now, report)
        }
        for (const row of rows.values()) {
          report.linked.push(
            ...(await linkedTo(db, lang, row.slug)).map((s) => articleKey(lang, s)),
          )
          await unindexArticle(db, lang, row.slug)
          report.removed.push(articleKey(lang, row.slug))
          report.labels.push(
            ...labelsOf({
              lang,
              categories: JSON.parse(row.categories) as string[],
              tags: JSON.parse(row.tags) as string[],
            }).map(({ kind, key }) => ({ lang, kind, key })),
          )
        }
        cursor = finished ? undefined : page.cursor!.slice(page.cursor!.indexOf(':') + 1)
        after = finished ? '' : (last ?? after)
        await db
          .prepare(
            'INSERT OR REPLACE INTO reconcile_state (store, lang, cursor, updated_at) VALUES (?, ?, ?, ?)',
          )
          .bind(name, lang, finished ? null : `${cursor}\n${after}`, now.toISOString())
          .run()
        if (finished) break
      }
      if (cursor) report.complete = false
    }
  }
  return report
}

function splitCursor(stored: string): [string | undefined, string] {
  const newline = stored.indexOf('\n')
  return [stored.slice(0, newline) || undefined, stored.slice(newline + 1)]
}

async function rowsBetween(
  db: Db,
  lang: string,
  store: StoreName,
  after: string,
  upTo: string | undefined,
): Promise<Map<string, IndexedRow>> {
  const sql = `SELECT slug, source_sha256, store, first_seen, categories, tags FROM articles
               WHERE lang = ? AND store = ? AND slug > ?${upTo === undefined ? '' : ' AND slug <= ?'}`
  const params = upTo === undefined ? [lang, store, after] : [lang, store, after, upTo]
  const { results } = await db
    .prepare(sql)
    .bind(...params)
    .all<IndexedRow>()
  return new Map(results.map((r) => [r.slug, r]))
}

/** Reads one source and hands it to the writer, which indexes, derives and records it. */
async function reindex(
  env: Env,
  db: Db,
  config: SiteConfig,
  name: StoreName,
  entry: StoredEntry,
  now: Date,
  report: ReconcileReport,
) {
  const store = backend(env, config, name)
  try {
    const source = await store.get(entry.key)
    if (!source) return
    const { changes, failed } = await writeArticles({
      target: {
        stores: [{ store, internal: internalOf(env, name) }],
        db,
        origin: buildOrigin(config),
      },
      config,
      now,
      keepGoing: true,
      changes: [{ kind: 'found', source }],
    })
    for (const failure of failed) throw failure.error
    for (const change of changes) {
      ;(change.listed ? report.indexed : report.removed).push(change.key)
      report.labels.push(...change.labels)
      const { lang } = splitArticleKey(change.key)
      report.linked.push(...(change.linked ?? []).map((slug) => articleKey(lang, slug)))
    }
  } catch (error) {
    if (!(error instanceof AppError)) throw error
    report.broken.push(error.describe())
  }
}
