/**
 * The write side shared by the publishing API: validate a source exactly as content:push does, store
 * it with the same metadata, and keep the language indexes in step — both or neither.
 */
import type { SiteConfig } from '../config'
import { StorageError } from '../errors'
import { buildIndexes, entriesOf, indexEntry } from '../listing/build'
import { readIndex, writeIndex } from '../listing/read'
import { formatOf } from '../parse/body'
import { buildArticle, PLACEHOLDER_ORIGIN } from '../pipeline'
import type { Article, SourceFormat } from '../schema/article'
import type { IndexEntry } from '../schema/listing'
import type { InternalStore } from '../source/internal'
import {
  checkSourceSize,
  sha256Hex,
  type SourceMetadata,
  type StoredEntry,
  type WritableStore,
} from '../source/store'

export interface Change {
  key: string
  /** sha256 of the version replaced or deleted; absent for a new article. */
  previous?: string
  /** sha256 of the new version; absent for a delete. */
  current?: string
  /** Languages whose index was rewritten. */
  indexes: string[]
}

/** Checks a source as content:push would; the article it makes, or an AppError naming file, key and line. */
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
      uploaded: metadata.uploaded ? new Date(metadata.uploaded) : undefined,
      firstUploaded: metadata.firstUploaded ? new Date(metadata.firstUploaded) : undefined,
    },
    { baseUrl: PLACEHOLDER_ORIGIN, timeZone: config.timeZone, defaultLang: config.defaultLang },
  )
}

/** The version a stored entry holds: its recorded hash, or the hash of its bytes when none was recorded. */
async function versionOf(store: WritableStore, entry: StoredEntry): Promise<string | undefined> {
  if (entry.metadata.sha256) return entry.metadata.sha256
  const bytes = await store.raw(entry.key)
  return bytes ? sha256Hex(bytes) : undefined
}

export async function publish(
  store: WritableStore,
  index: InternalStore,
  config: SiteConfig,
  key: string,
  bytes: Uint8Array,
  fileName: string,
  now = new Date(),
): Promise<Change> {
  const format = formatOf(fileName) ?? 'html'
  // Read without checking the old bytes: a damaged version can still be replaced.
  const previous = await store.stat(key)
  const sha256 = await sha256Hex(bytes)
  const metadata: SourceMetadata = {
    fileName,
    format,
    sha256,
    uploaded: now.toISOString(),
    firstUploaded: previous?.metadata.firstUploaded ?? now.toISOString(),
  }
  // Validate before any write: a refused update leaves the previous version served.
  const article = validateSource(bytes, key, fileName, format, metadata, config)
  const previousBytes = previous && (await store.raw(key))
  await store.put(key, bytes, metadata)
  let indexes: string[]
  try {
    indexes = await updateIndexes(
      index,
      config,
      key,
      article.published ? indexEntry(article, PLACEHOLDER_ORIGIN) : null,
    )
  } catch (error) {
    // The listings could not follow: put the previous version back, so page and listing agree.
    if (previous && previousBytes) await store.put(key, previousBytes, previous.metadata)
    else await store.delete(key)
    throw new StorageError(
      store.name,
      `the article index could not be updated, so ${key} was left as it was: ${(error as Error).message}`,
      { cause: error },
    )
  }
  const replaced = previous
    ? (previous.metadata.sha256 ?? (previousBytes ? await sha256Hex(previousBytes) : undefined))
    : undefined
  return { key, previous: replaced, current: sha256, indexes }
}

/**
 * Removes an article from every configured store (a copy left in one would keep being served), then
 * from the indexes. A store that cannot be cleared is named, and the indexes are left for a retry.
 */
export async function unpublish(
  stores: WritableStore[],
  index: InternalStore,
  config: SiteConfig,
  key: string,
): Promise<Change | null> {
  const found = (
    await Promise.all(stores.map(async (store) => ({ store, entry: await store.stat(key) })))
  ).filter((f) => f.entry)
  if (found.length === 0) return null
  const previous = await versionOf(found[0]!.store, found[0]!.entry!)
  const results = await Promise.allSettled(found.map(({ store }) => store.delete(key)))
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
  const indexes = await updateIndexes(index, config, key, null)
  return { key, previous, indexes }
}

/**
 * Index updates are read-modify-write and KV has no compare-and-swap: within an isolate they run one
 * at a time; across isolates each update reads back what it wrote and retries if another overwrote it.
 */
let indexQueue: Promise<unknown> = Promise.resolve()

function updateIndexes(
  store: InternalStore,
  config: SiteConfig,
  key: string,
  entry: IndexEntry | null,
): Promise<string[]> {
  const run = indexQueue.then(() => updateIndexesNow(store, config, key, entry))
  indexQueue = run.catch(() => undefined)
  return run
}

/** Puts (or removes) one article's entry in the language indexes and recomputes translations. */
async function updateIndexesNow(
  store: InternalStore,
  config: SiteConfig,
  key: string,
  entry: IndexEntry | null,
): Promise<string[]> {
  const written = new Set<string>()
  for (let attempt = 0; attempt < 5; attempt++) {
    const current = await Promise.all(
      config.languages.map(async (lang) => (await readIndex(store, lang)).index),
    )
    const entries = entriesOf(current)
    if (entry) entries.set(key, entry)
    else entries.delete(key)
    const next = buildIndexes(entries, config.languages)
    for (const index of next) {
      const before = current.find((i) => i.lang === index.lang)
      if (before && JSON.stringify(before) === JSON.stringify(index)) continue
      await writeIndex(store, index)
      written.add(index.lang)
    }
    if (await landed(store, key, entry)) break
  }
  return [...written]
}

async function landed(
  store: InternalStore,
  key: string,
  entry: IndexEntry | null,
): Promise<boolean> {
  const lang = key.slice(0, key.indexOf('/'))
  const { index } = await readIndex(store, lang)
  const found = index.articles.find((a) => `${lang}/${a.slug}` === key)
  return entry
    ? JSON.stringify({ ...found, translations: [] }) ===
        JSON.stringify({ ...entry, translations: [] })
    : !found
}
