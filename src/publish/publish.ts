/**
 * The write side shared by the publishing API and content:push: validate a source exactly as the
 * read path will render it, store it with its metadata and its derived article, and index it — the
 * source and the listings both change, or neither does.
 */
import type { Change as CacheChange } from '../cache/tags'
import { buildOrigin, deleteDerived, storedArticle, writeDerived } from '../articles/derived'
import type { SiteConfig } from '../config'
import { StorageError } from '../errors'
import type { Db } from '../listing/db'
import { indexRow, labelsOf } from '../listing/entry'
import { linkedTo } from '../listing/around'
import { versionsOf } from '../listing/read'
import { indexArticle, unindexArticle } from '../listing/write'
import { clearScheduled, indexedLanguages, recordScheduled } from '../listing/scheduled'
import { enqueueChanged } from '../notify/queue'
import { isLive, liveAt } from './schedule'
import { formatOf } from '../parse/body'
import { buildArticle } from '../pipeline'
import type { Article, SourceFormat } from '../schema/article'
import type { InternalStore } from '../source/internal'
import { splitArticleKey } from '../source/keys'
import {
  checkSourceSize,
  metadataDate,
  sha256Hex,
  type SourceMetadata,
  type WritableStore,
} from '../source/store'

/** What a publish changed, for the response and for purging. */
export interface Change extends CacheChange {
  /** sha256 of the version replaced or deleted; absent for a new article. */
  previous?: string
  /** sha256 of the new version; absent for a delete. */
  current?: string
  /** When a stored article held back by its date or embargo goes live (ms since epoch). */
  scheduledFor?: number
}

/** Checks a source as the read path will build it; the article, or an AppError naming file, key and line. */
export function validateSource(
  bytes: Uint8Array,
  key: string,
  fileName: string,
  format: SourceFormat,
  metadata: SourceMetadata,
  config: SiteConfig,
): Article {
  checkSourceSize(bytes.byteLength, config.maxSourceBytes, fileName)
  return buildArticle(
    {
      key,
      bytes: bytes.slice().buffer,
      etag: metadata.sha256 ?? '',
      store: 'kv',
      fileName,
      format,
      uploaded: metadataDate(metadata.uploaded),
      firstUploaded: metadataDate(metadata.firstUploaded),
      modified: metadataDate(metadata.modified),
      image: metadata.image,
    },
    { baseUrl: buildOrigin(config), timeZone: config.timeZone, defaultLang: config.defaultLang },
  )
}

export interface Target {
  /** Where the source goes (the first of SOURCES). */
  store: WritableStore
  /** Its internal data, for the derived article. */
  internal: InternalStore
  /** The article index. */
  db: Db
  /** The origin articles are built for (`buildOrigin`): validateSource builds for it too. */
  origin: string
}

/**
 * The metadata a new version is stored with: the first upload time is kept across versions, and
 * `modified` moves only when the content differs from the previous version's (a re-upload or a
 * rename is not an update a reader needs to hear about).
 */
export const metadataFor = (
  fileName: string,
  sha256: string,
  now: Date,
  previous?: SourceMetadata,
): SourceMetadata => {
  const changed = previous?.sha256 !== undefined && previous.sha256 !== sha256
  // Hand-edited metadata may hold anything: a date that does not parse is as good as none.
  const modified = changed ? now.toISOString() : metadataDate(previous?.modified)?.toISOString()
  return {
    fileName,
    format: formatOf(fileName) ?? 'html',
    sha256,
    uploaded: now.toISOString(),
    firstUploaded: metadataDate(previous?.firstUploaded)?.toISOString() ?? now.toISOString(),
    ...(modified && { modified }),
    ...(previous?.image && { image: previous.image }),
  }
}

export async function publish(
  target: Target,
  config: SiteConfig,
  key: string,
  bytes: Uint8Array,
  fileName: string,
  now = new Date(),
): Promise<Change> {
  const { store, db } = target
  // Read without checking the old bytes: a damaged version can still be replaced.
  const previous = await store.stat(key)
  const sha256 = await sha256Hex(bytes)
  const metadata = metadataFor(fileName, sha256, now, previous?.metadata)
  // Validate before any write: a refused update leaves the previous version served.
  const article = validateSource(bytes, key, fileName, metadata.format!, metadata, config)
  const previousBytes = previous && (await store.raw(key))
  const before = await indexedLabels(db, config, key)
  return storeAndIndex(target, {
    key,
    bytes,
    metadata,
    article,
    previous: previous ? { bytes: previousBytes, metadata: previous.metadata } : undefined,
    before,
    now,
  })
}

/** The labels an article is listed under now, from the index. */
async function indexedLabels(db: Db, config: SiteConfig, key: string): Promise<Change['labels']> {
  const { lang, slug } = splitArticleKey(key)
  const record = (await versionsOf(db, config, slug)).find((r) => r.lang === lang)
  if (!record) return []
  return labelsOf({
    lang,
    categories: JSON.parse(record.categories) as string[],
    tags: JSON.parse(record.tags) as string[],
  }).map(({ kind, key }) => ({ lang, kind, key }))
}

/**
 * The writes of one publish, in the order that keeps readers safe: the derived article first (a
 * reader who sees the new source finds its derivation), then the source, then the index. When the
 * index cannot follow, the previous source is put back, so page and listing agree.
 */
export async function storeAndIndex(
  target: Target,
  change: {
    key: string
    bytes: Uint8Array
    metadata: SourceMetadata
    article: Article
    previous?: { bytes: Uint8Array | null; metadata: SourceMetadata }
    before: Change['labels']
    /** The clock: an article whose date or embargo is later is stored but held back. */
    now?: Date
  },
): Promise<Change> {
  const { store, internal, db } = target
  const { key, article, metadata } = change
  const sha256 = metadata.sha256!
  const { origin } = target
  const live = isLive(article, change.now ?? new Date())
  const held = article.published && !live ? liveAt(article) : undefined
  const linkedBefore = await linkedTo(db, article.lang, article.slug)
  const wasLive = (await indexedLanguages(db, article.slug)).includes(article.lang)
  await writeDerived(internal, storedArticle(article, origin), sha256)
  await store.put(key, change.bytes, metadata)
  try {
    if (held !== undefined)
      await recordScheduled(db, {
        lang: article.lang,
        slug: article.slug,
        live_ms: held,
        store: store.name,
        source_sha256: sha256,
      })
    else await clearScheduled(db, article.lang, article.slug)
    if (live) {
      await indexArticle(
        db,
        indexRow(article, article.text, {
          sourceSha256: sha256,
          store: store.name,
          firstSeen: metadata.firstUploaded ?? metadata.uploaded ?? new Date().toISOString(),
          fileName: metadata.fileName,
          origin,
        }),
      )
    } else await unindexArticle(db, article.lang, article.slug)
  } catch (error) {
    if (change.previous?.bytes)
      await store.put(key, change.previous.bytes, change.previous.metadata)
    else await store.delete(key)
    await deleteDerived(internal, article.lang, article.slug).catch(() => undefined) // rebuilt from the source on first read
    throw new StorageError(
      store.name,
      `the article index could not be updated, so ${key} was left as it was: ${(error as Error).message}`,
      { cause: error },
    )
  }
  const after = live
    ? labelsOf(article).map(({ kind, key }) => ({ lang: article.lang, kind, key }))
    : []
  const previousVersion = change.previous
    ? (change.previous.metadata.sha256 ??
      (change.previous.bytes ? await sha256Hex(change.previous.bytes) : undefined))
    : undefined
  const linkedAfter = live ? await linkedTo(db, article.lang, article.slug) : []
  const result: Change = {
    key,
    previous: previousVersion,
    current: sha256,
    indexes: [article.lang],
    labels: unique([...change.before, ...after]),
    linked: [...new Set([...linkedBefore, ...linkedAfter])],
    ...(held !== undefined && { scheduledFor: held }),
  }
  // Search engines and feed hubs hear of what readers can see change, and of nothing held back.
  if (live || wasLive) await enqueueChanged(db, result)
  return result
}

/**
 * Removes an article from every configured store (a copy left in one would keep being served), then
 * from the index. A store that cannot be cleared is named, and the index is left for a retry.
 */
export async function unpublish(
  stores: { store: WritableStore; internal: InternalStore }[],
  db: Db,
  config: SiteConfig,
  key: string,
): Promise<Change | null> {
  const found = (
    await Promise.all(stores.map(async (s) => ({ ...s, entry: await s.store.stat(key) })))
  ).filter((f) => f.entry)
  if (found.length === 0) return null
  const { lang, slug } = splitArticleKey(key)
  const first = found[0]!
  const previous =
    first.entry!.metadata.sha256 ??
    (await first.store.raw(key).then((bytes) => (bytes ? sha256Hex(bytes) : undefined)))
  const before = await indexedLabels(db, config, key)
  const results = await Promise.allSettled(
    found.map(async ({ store, internal }) => {
      await store.delete(key)
      await deleteDerived(internal, lang, slug)
    }),
  )
  const failed = found
    .filter((_, i) => results[i]!.status === 'rejected')
    .map(({ store }) => store.name)
  if (failed.length) {
    const removed = found.map(({ store }) => store.name).filter((name) => !failed.includes(name))
    throw new StorageError(
      failed.join('+'),
      `${key} could not be removed from ${failed.join(' and ')}${removed.length ? ` (it was removed from ${removed.join(' and ')})` : ''}; it is still served from there. Try again.`,
    )
  }
  const linked = await linkedTo(db, lang, slug)
  const wasLive = (await indexedLanguages(db, slug)).includes(lang)
  await unindexArticle(db, lang, slug)
  await clearScheduled(db, lang, slug)
  const result: Change = { key, previous, indexes: [lang], labels: before, linked }
  if (wasLive) await enqueueChanged(db, result)
  return result
}

const unique = (labels: Change['labels']) => [
  ...new Map(labels.map((l) => [`${l.lang}/${l.kind}/${l.key}`, l])).values(),
]
