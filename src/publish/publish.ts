/**
 * The write side shared by the publishing API: validate a source exactly as content:push does, store
 * it with the same metadata, and keep the language indexes in step.
 */
import type { SiteConfig } from '../config'
import { ArticleError } from '../errors'
import { buildIndexes, entriesOf, indexEntry } from '../listing/build'
import { readIndex } from '../listing/read'
import { formatOf } from '../parse/body'
import { buildArticle } from '../pipeline'
import type { Article, SourceFormat } from '../schema/article'
import { indexKey, type LanguageIndex } from '../schema/listing'
import { encodeFileName, sha256Hex, type SourceMetadata, type WritableStore } from '../source/store'

/** Marks on-site image URLs while building index entries, so they are stored root-relative. */
const SITE = 'https://site.invalid'

export interface Change {
  key: string
  /** sha256 of the version replaced or deleted; absent for a new article. */
  previous?: string
  /** sha256 of the new version; absent for a delete. */
  current?: string
  /** Languages whose index was rewritten. */
  indexes: string[]
}

/** Checks a source as content:push would; the article it makes, or ArticleError naming file, key and line. */
export function validateSource(
  bytes: Uint8Array,
  key: string,
  fileName: string,
  format: SourceFormat,
  metadata: SourceMetadata,
  config: SiteConfig,
): Article {
  if (bytes.byteLength > config.maxSourceBytes) {
    throw new ArticleError(
      'SOURCE_TOO_LARGE',
      `the source is ${bytes.byteLength} bytes; the limit is ${config.maxSourceBytes} (MAX_SOURCE_BYTES)`,
      { file: fileName },
    )
  }
  return buildArticle(
    {
      key,
      bytes: bytes.slice().buffer as ArrayBuffer,
      etag: metadata.sha256 ?? '',
      store: 'kv',
      fileName,
      format,
      uploaded: metadata.uploaded ? new Date(metadata.uploaded) : undefined,
      firstUploaded: metadata.firstUploaded ? new Date(metadata.firstUploaded) : undefined,
    },
    { baseUrl: SITE, timeZone: config.timeZone, defaultLang: config.defaultLang },
  )
}

export async function publish(
  store: WritableStore,
  config: SiteConfig,
  key: string,
  bytes: Uint8Array,
  fileName: string,
  now = new Date(),
): Promise<Change> {
  const format = formatOf(fileName) ?? 'html'
  const previous = await store.get(key)
  const sha256 = await sha256Hex(bytes.slice().buffer as ArrayBuffer)
  const metadata: SourceMetadata = {
    fileName: encodeFileName(fileName),
    format,
    sha256,
    uploaded: now.toISOString(),
    firstUploaded: previous?.firstUploaded?.toISOString() ?? now.toISOString(),
  }
  // Validate before any write: a refused update leaves the previous version served.
  const article = validateSource(bytes, key, fileName, format, metadata, config)
  await store.put(key, bytes, metadata)
  const indexes = await updateIndexes(
    store,
    config,
    key,
    article.published ? indexEntry(article, SITE) : null,
  )
  return {
    key,
    previous: previous ? await sha256Hex(previous.bytes) : undefined,
    current: sha256,
    indexes,
  }
}

export async function unpublish(
  store: WritableStore,
  config: SiteConfig,
  key: string,
): Promise<Change | null> {
  const previous = await store.get(key).catch((error: unknown) => {
    // A broken source can still be deleted.
    if (error instanceof ArticleError) return { bytes: new ArrayBuffer(0) }
    throw error
  })
  if (!previous) return null
  await store.delete(key)
  const indexes = await updateIndexes(store, config, key, null)
  return { key, previous: await sha256Hex(previous.bytes), indexes }
}

/**
 * Index updates are read-modify-write and KV has no compare-and-swap: within an isolate they run one
 * at a time; across isolates each update reads back what it wrote and retries if another overwrote it.
 */
let indexQueue: Promise<unknown> = Promise.resolve()

function updateIndexes(
  store: WritableStore,
  config: SiteConfig,
  key: string,
  entry: ReturnType<typeof indexEntry> | null,
): Promise<string[]> {
  const run = indexQueue.then(() => updateIndexesNow(store, config, key, entry))
  indexQueue = run.catch(() => undefined)
  return run
}

/** Puts (or removes) one article's entry in the language indexes and recomputes translations. */
async function updateIndexesNow(
  store: WritableStore,
  config: SiteConfig,
  key: string,
  entry: ReturnType<typeof indexEntry> | null,
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
      await store.put(indexKey(index.lang), new TextEncoder().encode(JSON.stringify(index)), {})
      written.add(index.lang)
    }
    if (await landed(store, key, entry)) break
  }
  return [...written]
}

async function landed(
  store: WritableStore,
  key: string,
  entry: ReturnType<typeof indexEntry> | null,
): Promise<boolean> {
  const lang = key.slice(0, key.indexOf('/'))
  const { index } = await readIndex(store, lang)
  const found = index.articles.find(
    (a: LanguageIndex['articles'][number]) => `${lang}/${a.slug}` === key,
  )
  return entry
    ? JSON.stringify({ ...found, translations: [] }) ===
        JSON.stringify({ ...entry, translations: [] })
    : !found
}
