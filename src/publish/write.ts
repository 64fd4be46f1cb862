/**
 * The one writer of articles. The publishing API, content:push, a live save under `npm start`, the
 * reconciler and the read path's write-back all hand their change to `writeArticles`, which does,
 * for one article or thousands: validate → derive → write the derived article, then the source →
 * index → purge. So dates (dates.ts), index rows and the cache tags a change makes stale are worked
 * out once, the same way, whoever writes.
 *
 * A batch is written a chunk at a time: each chunk's previous state is read in a few queries, its
 * values written side by side, and its index rows written in one call, so N articles cost about
 * N × (derive) plus a few round trips per chunk. A chunk whose index cannot follow has its sources
 * put back as they were: page and listing agree, and the previous version stays served.
 */
import { writeDerived, deleteDerived } from '../articles/derived'
import { changeTags } from '../cache/tags'
import { AppError, StorageError } from '../errors'
import { linkedToAll } from '../listing/around'
import type { Db } from '../listing/db'
import { rowLabels, type IndexRow } from '../listing/entry'
import { indexedRows } from '../listing/indexed'
import { indexArticles, unindexArticles } from '../listing/write'
import { updateSchedule } from '../listing/scheduled'
import { enqueueChanges } from '../notify/queue'
import { deleteManifest, writeManifest } from '../media/manifest'
import { splitArticleKey } from '../source/keys'
import { keyOf, plan, type Label, type Planned, type Previous } from './plan'
import type { ArticleChange, Change, Failure, WriteOptions, WriteResult } from './changes'

/** The one place the writer reaches the article index. */
const index = {
  put: (db: Db, rows: IndexRow[]) => indexArticles(db, rows),
  remove: (db: Db, keys: { lang: string; slug: string }[]) => unindexArticles(db, keys),
}

export async function writeArticles<P = unknown>(
  options: WriteOptions<P>,
): Promise<WriteResult<P>> {
  const size = options.chunk ?? 100
  const result: WriteResult<P> = { changes: [], failed: [], tags: [], urls: [] }
  const total = options.changes.length
  for (let i = 0; i < total; i += size) {
    const { changes, failed } = await writeChunk(options, options.changes.slice(i, i + size))
    result.changes.push(...changes)
    result.failed.push(...failed)
    if (failed.length && !options.keepGoing) throw failed[0]!.error
    options.progress?.(Math.min(i + size, total), total)
  }
  result.tags = [...new Set(result.changes.flatMap(changeTags))]
  result.urls = result.changes.map((c) => {
    const { lang, slug } = splitArticleKey(c.key)
    return `${options.config.baseUrl || options.target.origin}/${lang}/${encodeURIComponent(slug)}`
  })
  if (options.purge && result.tags.length) result.purged = await options.purge(result.tags)
  return result
}

async function writeChunk(
  options: WriteOptions<unknown>,
  changes: ArticleChange[],
): Promise<{ changes: Change[]; failed: Failure[] }> {
  const { target } = options
  const { db } = target
  const now = options.now ?? new Date()
  const failed: Failure[] = []
  const fail = (key: string, error: unknown, fileName?: string) => {
    if (!(error instanceof AppError) && !(error instanceof StorageError)) throw error
    failed.push({ key, fileName, message: error.message, error })
  }
  const indexed = await indexedRows(db, changes.map(keyOf).map(splitArticleKey))
  // The versions updates replace, read in bulk where the store can (remotely: a call per 100).
  const updated = changes.flatMap((c) => (c.kind === 'publish' && !c.isNew ? [c.key] : []))
  const previous = updated.length
    ? await target.stores[0]!.store.readMany(updated)
    : new Map<string, Previous>()

  // Validate and derive, reading only each article's previous version.
  const planned = (
    await Promise.all(
      changes.map(async (change) => {
        try {
          return await plan(options, change, {
            row: indexed.get(keyOf(change)),
            previous: previous.get(keyOf(change)),
            now,
          })
        } catch (error) {
          fail(keyOf(change), error, change.kind === 'publish' ? change.fileName : undefined)
          return undefined
        }
      }),
    )
  ).filter((p): p is Planned => p !== undefined)
  if (failed.length && !options.keepGoing) return { changes: [], failed }

  // The pages linking to an article now (its neighbours), while the index still shows it there.
  const linkedBefore = await linkedOf(
    db,
    planned.filter((p) => indexed.has(p.key)),
  )

  // Derived article first (a reader who sees the new source finds its derivation), then the source.
  const written = (
    await Promise.all(
      planned.map(async (p) => {
        try {
          if (p.media && p.derived)
            await writeManifest(p.derived.internal, { lang: p.lang, slug: p.slug, media: p.media })
          if (p.derived) await writeDerived(p.derived.internal, p.derived.stored, p.derived.sha256)
          if (p.put) await p.put.store.put(p.key, p.put.bytes, p.put.metadata)
          if (p.remove) await removeEverywhere(p)
          return p
        } catch (error) {
          fail(p.key, error, p.fileName)
          return undefined
        }
      }),
    )
  ).filter((p): p is Planned => p !== undefined)
  if (target.flush) {
    try {
      await target.flush()
    } catch (error) {
      for (const p of written)
        fail(
          p.key,
          new StorageError(target.stores[0]!.store.name, (error as Error).message, {
            cause: error,
          }),
          p.fileName,
        )
      return { changes: [], failed }
    }
  }

  try {
    const rows = written.flatMap((p) => (p.row ? [p.row] : []))
    const gone = written.filter((p) => p.unindex && indexed.has(p.key))
    if (rows.length) await index.put(db, rows)
    if (gone.length) await index.remove(db, gone)
  } catch (error) {
    await Promise.all(written.map((p) => putBack(p)))
    await target.flush?.()
    for (const p of written)
      fail(
        p.key,
        new StorageError(
          target.stores[0]!.store.name,
          `the article index could not be updated, so ${p.key} was left as it was: ${(error as Error).message}`,
          { cause: error },
        ),
        p.fileName,
      )
    return { changes: [], failed }
  }

  // The schedule follows the index: held back is recorded for the cron, anything else is not.
  const held = written.filter((p) => p.held !== undefined && p.current)
  await updateSchedule(
    db,
    held.map((p) => ({
      lang: p.lang,
      slug: p.slug,
      live_ms: p.held!,
      store: (p.put?.store ?? target.stores[0]!.store).name,
      source_sha256: p.current!,
    })),
    written.filter((p) => !held.includes(p)),
  )

  const linkedAfter = await linkedOf(
    db,
    written.filter((p) => p.row),
  )
  const result = {
    failed,
    changes: written
      .filter((p) => p.visible)
      .map((p) => {
        const before = indexed.get(p.key)
        return {
          key: p.key,
          ...(p.previousSha && { previous: p.previousSha }),
          ...(p.current && { current: p.current }),
          listed: p.row !== undefined,
          indexes: [p.lang],
          labels: unique([...(before ? rowLabels(before) : []), ...p.after]),
          linked: [
            ...new Set([...(linkedBefore.get(p.key) ?? []), ...(linkedAfter.get(p.key) ?? [])]),
          ],
          ...(p.held !== undefined && { scheduledFor: p.held }),
        }
      }),
  }
  // Search engines and feed hubs hear of what readers can see change (now listed, or listed
  // before), never of an article held back; the cron sends the queue.
  await enqueueChanges(
    db,
    result.changes.filter((c) => c.listed || indexed.has(c.key)),
  )
  return result
}

/** A stored version read ahead (`null`: none), as `readMany` gives it. */

/** Removes a source from every store that has it; a store that cannot be cleared is named. */
async function removeEverywhere(p: Planned) {
  const found = p.remove!
  const results = await Promise.allSettled(
    found.map(async ({ store, internal }) => {
      await store.delete(p.key)
      await deleteDerived(internal, p.lang, p.slug)
      await deleteManifest(internal, p.lang, p.slug)
    }),
  )
  const failed = found
    .filter((_, i) => results[i]!.status === 'rejected')
    .map(({ store }) => store.name)
  if (failed.length) {
    const removed = found.map(({ store }) => store.name).filter((name) => !failed.includes(name))
    throw new StorageError(
      failed.join('+'),
      `${p.key} could not be removed from ${failed.join(' and ')}${removed.length ? ` (it was removed from ${removed.join(' and ')})` : ''}; it is still served from there. Try again.`,
    )
  }
}

/** After the index refused a chunk: each source as it was before, so page and listing agree. */
async function putBack(p: Planned) {
  if (!p.put || p.remove) return
  if (p.previous?.bytes) await p.put.store.put(p.key, p.previous.bytes, p.previous.metadata)
  else if (!p.previous) await p.put.store.delete(p.key)
  if (p.derived) await deleteDerived(p.derived.internal, p.lang, p.slug).catch(() => undefined) // rebuilt from the source on first read
}

/** The slugs whose pages show each of these articles in their footer, in one D1 batch. */
const linkedOf = (db: Db, planned: Planned[]): Promise<Map<string, string[]>> =>
  planned.length ? linkedToAll(db, planned) : Promise.resolve(new Map<string, string[]>())

const unique = (labels: Label[]) => [
  ...new Map(labels.map((l) => [`${l.lang}/${l.kind}/${l.key}`, l])).values(),
]
