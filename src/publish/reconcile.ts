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
import { logEvent } from '../log'
import { writeArticles } from './write'
import { backend, internalOf } from '../source'
import type { StoreName } from '../source/driver'
import { articleKey, checkSlug, splitArticleKey } from '../source/keys'
import type { StoredEntry, WritableStore } from '../source/store'
import type { ArticleRow } from '../schema/listing'
import type { Db } from '../listing/db'
import { rowLabels } from '../listing/entry'
import { linkedTo } from '../listing/around'
import { unindexArticle } from '../listing/write'
import { heldVersions } from '../listing/scheduled'
import { enqueueChanged } from '../notify/queue'
import { failuresBetween, forget, remember, type SlugRange } from './reconcile-failures'

export interface ReconcileBudget {
  /** Store listing pages (up to 1,000 keys each) per run. */
  pages: number
  /** Sources read and rebuilt per run. */
  builds: number
  /** Sources that failed before, tried again per run: a budget of their own, so they never starve new ones. */
  retries: number
}

export const DEFAULT_BUDGET: ReconcileBudget = { pages: 10, builds: 20, retries: 5 }

/** One source the reconciler could not index this run, and why. */
export interface ReconcileFailure {
  key: string
  store: StoreName
  reason: string
  time: string
}

export interface ReconcileReport {
  indexed: string[]
  removed: string[]
  /** Sources that could not be built, with why: they stay out of the index until fixed. */
  broken: string[]
  /** Every per-key failure of this run (broken sources, damaged values, storage errors), with when. */
  failures: ReconcileFailure[]
  /** Keys no URL can reach (the router refuses their slug): never indexed. */
  refused: { key: string; store: StoreName; reason: string }[]
  /** Keys left for a later run because they failed recently (their backoff has not run out). */
  deferred: number
  /** Keys also present in a store earlier in SOURCES, which the read path serves instead. */
  shadowed: string[]
  /** The categories and tags whose listings changed. */
  labels: { lang: string; kind: 'category' | 'tag' | 'author'; key: string }[]
  /** Articles whose page footer links to a changed one (its neighbours, before and after). */
  linked: string[]
  /** Whether every store was listed to its end in this run. */
  complete: boolean
}

type IndexedRow = Pick<
  ArticleRow,
  'slug' | 'source_sha256' | 'store' | 'first_seen' | 'categories' | 'tags' | 'authors'
>

export async function reconcile(
  env: Env,
  {
    db,
    config,
    budget = DEFAULT_BUDGET,
    now = new Date(),
  }: { db: Db; config: SiteConfig; budget?: Partial<ReconcileBudget>; now?: Date },
): Promise<ReconcileReport> {
  const report: ReconcileReport = {
    indexed: [],
    removed: [],
    broken: [],
    failures: [],
    refused: [],
    deferred: 0,
    shadowed: [],
    labels: [],
    linked: [],
    complete: true,
  }
  let pages = budget.pages ?? DEFAULT_BUDGET.pages
  let builds = budget.builds ?? DEFAULT_BUDGET.builds
  let retries = budget.retries ?? DEFAULT_BUDGET.retries
  for (const [position, name] of config.sources.entries()) {
    const store = backend(env, config, name)
    // The stores the read path tries first: a key any of them holds is served from there.
    const earlierNames = config.sources.slice(0, position)
    const earlier = earlierNames.map((n) => backend(env, config, n))
    for (const lang of config.languages) {
      const state = await db
        .prepare('SELECT cursor FROM reconcile_state WHERE store = ? AND lang = ?')
        .bind(name, lang)
        .first<{ cursor: string | null }>()
      // The cursor is `<store cursor>\n<last slug seen>`; none means the start.
      let [cursor, after] = state?.cursor ? splitCursor(state.cursor) : [undefined, '']
      while (pages > 0) {
        pages--
        let page: Awaited<ReturnType<typeof store.list>>
        try {
          page = await store.list([lang], cursor ? `0:${cursor}` : undefined)
        } catch (error) {
          // The listing itself failed: this language waits for the next run, the others go on.
          fail(report, { key: articleKey(lang, after), store: name, now }, error)
          report.complete = false
          break
        }
        const entries = page.entries
        const last = entries.at(-1) ? splitArticleKey(entries.at(-1)!.key).slug : undefined
        const finished = !page.cursor
        if (!finished && last === undefined) {
          cursor = page.cursor!.slice(page.cursor!.indexOf(':') + 1) // an empty page mid-list: KV may return those
          continue
        }
        // Rows in the range this page covers: (after, last], or (after, ∞) on the last page.
        const range = { lang, store: name, after, upTo: finished ? undefined : last }
        const { own: rows, shadowing } = await rowsBetween(db, range, earlierNames)
        const failed = await failuresBetween(db, range)
        const held = await heldVersions(db, lang)
        for (const entry of entries) {
          const { slug } = splitArticleKey(entry.key)
          const refusal = refusedSlug(slug)
          if (refusal) {
            // Left in `rows`, so a row an older reconciler made for it is dropped below.
            report.refused.push({ key: entry.key, store: name, reason: refusal })
            continue
          }
          const row = rows.get(slug)
          rows.delete(slug)
          if (row && entry.metadata.sha256 === row.source_sha256) continue
          // Held back until its time: the every-minute cron publishes it.
          if (!row && entry.metadata.sha256 && held.get(slug) === entry.metadata.sha256) continue
          const failure = failed.get(slug)
          if (failure && failure.retry_at > now.getTime()) {
            report.deferred++
            continue
          }
          try {
            // Served from a store SOURCES names first: leave the index to that store's copy.
            if (!row && (shadowing.has(slug) || (await heldEarlier(earlier, entry.key)))) {
              report.shadowed.push(entry.key)
              continue
            }
          } catch (error) {
            fail(report, { key: entry.key, store: name, now }, error)
            continue
          }
          if (failure ? retries <= 0 : builds <= 0) continue // the next pass comes back to it
          if (failure) retries--
          else builds--
          try {
            await reindex({ env, db, config, now, report }, name, entry)
            if (failure) await forget(db, { store: name, lang, slug })
          } catch (error) {
            const reason = fail(report, { key: entry.key, store: name, now }, error)
            await remember(db, {
              store: name,
              lang,
              slug,
              reason,
              now,
              attempts: failure?.attempts,
            })
          }
        }
        for (const row of rows.values()) {
          try {
            report.linked.push(
              ...(await linkedTo(db, { lang, slug: row.slug })).map((s) => articleKey(lang, s)),
            )
            await unindexArticle(db, lang, row.slug)
            report.removed.push(articleKey(lang, row.slug))
            await enqueueChanged(db, {
              key: articleKey(lang, row.slug),
              indexes: [lang],
              labels: [],
            })
            report.labels.push(...rowLabels({ ...row, lang }))
          } catch (error) {
            fail(report, { key: articleKey(lang, row.slug), store: name, now }, error)
          }
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

/**
 * The index rows in a range: this store's (`own`), and the slugs indexed from a store the read path
 * tries first (`shadowing`), whose copy in this store is never served.
 */
async function rowsBetween(
  db: Db,
  range: SlugRange,
  earlier: StoreName[],
): Promise<{ own: Map<string, IndexedRow>; shadowing: Set<string> }> {
  const { lang, after, upTo } = range
  const sql = `SELECT slug, source_sha256, store, first_seen, categories, tags, authors FROM articles
               WHERE lang = ? AND slug > ?${upTo === undefined ? '' : ' AND slug <= ?'}`
  const params = upTo === undefined ? [lang, after] : [lang, after, upTo]
  const { results } = await db
    .prepare(sql)
    .bind(...params)
    .all<IndexedRow>()
  return {
    own: new Map(results.filter((r) => r.store === range.store).map((r) => [r.slug, r])),
    shadowing: new Set(results.filter((r) => earlier.includes(r.store)).map((r) => r.slug)),
  }
}

/** Notes a per-key failure in the report and the log; returns the reason. */
function fail(
  report: ReconcileReport,
  at: { key: string; store: StoreName; now: Date },
  error: unknown,
): string {
  const reason =
    error instanceof AppError
      ? error.describe()
      : `${at.key}: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`
  if (error instanceof AppError) report.broken.push(reason)
  report.failures.push({ key: at.key, store: at.store, reason, time: at.now.toISOString() })
  logEvent('warn', { event: 'reconcile-failed', key: at.key, store: at.store, reason })
  return reason
}

/** Why the router would refuse this slug (so no URL reaches it), or undefined when it is servable. */
function refusedSlug(slug: string): string | undefined {
  try {
    // A slug the router changes (NFD Hangul becomes NFC) names a different key than the one stored.
    return checkSlug(slug) === slug ? undefined : 'the slug is not in Unicode NFC form'
  } catch (error) {
    return error instanceof AppError ? error.message : String(error)
  }
}

/** Whether a store the read path tries first holds this key (then that copy is the one served). */
async function heldEarlier(earlier: WritableStore[], key: string): Promise<boolean> {
  for (const store of earlier) if (await store.stat(key)) return true
  return false
}

/** Reads one source and hands it to the writer, which derives, indexes or schedules, and records it. */
async function reindex(
  run: { env: Env; db: Db; config: SiteConfig; now: Date; report: ReconcileReport },
  name: StoreName,
  entry: StoredEntry,
) {
  const { env, db, config, now, report } = run
  const store = backend(env, config, name)
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
  // The caller records it, retries it later and goes on with the next key.
  for (const failure of failed) throw failure.error
  for (const change of changes) {
    ;(change.listed ? report.indexed : report.removed).push(change.key)
    report.labels.push(...change.labels)
    const { lang } = splitArticleKey(change.key)
    report.linked.push(...(change.linked ?? []).map((slug) => articleKey(lang, slug)))
  }
}
