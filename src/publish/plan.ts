/**
 * Planning one article's writes before any is made (write.ts makes them): read what it replaces,
 * validate and derive it, settle its dates, and work out its index row, labels and schedule. A
 * refused source fails here, so nothing of it is written and the previous version stays served.
 */
import { storedArticle, type StoredArticle } from '../articles/derived'
import type { Change } from '../cache/tags'
import type { IndexedRow } from '../listing/indexed'
import { indexRow, labelsOf, type IndexRow, type RowFacts } from '../listing/entry'
import { buildArticle } from '../pipeline'
import { namedPictures } from '../media/hosting'
import { readManifest } from '../media/manifest'
import type { MediaMap } from '../media/urls'
import type { Article } from '../schema/article'
import type { InternalStore } from '../source/internal'
import { splitArticleKey } from '../source/keys'
import { sha256Hex, type SourceMetadata, type WritableStore } from '../source/store'
import { foundDates, metadataFor, settledMetadata } from './dates'
import { isLive, liveAt } from './schedule'
import { validateSource } from './validate'
import type { ArticleChange, WriteOptions } from './changes'

export type Label = Change['labels'][number]

/** One article's writes, worked out before any of them is made. */
export interface Planned {
  key: string
  lang: string
  slug: string
  fileName?: string
  /** The store written to, and the source bytes and metadata (publish, or a found source recorded). */
  put?: { store: WritableStore; bytes: Uint8Array; metadata: SourceMetadata }
  /** What to put back if the index cannot follow. */
  previous?: { bytes: Uint8Array | null; metadata: SourceMetadata }
  derived?: { internal: InternalStore; stored: StoredArticle; sha256: string }
  /** The article's hosted pictures to record (a push), before the derived article that uses them. */
  media?: MediaMap
  /** Stores to remove the source and derived article from (unpublish). */
  remove?: { store: WritableStore; internal: InternalStore }[]
  row?: IndexRow
  unindex: boolean
  previousSha?: string
  current?: string
  /** Labels after the write (the index's before come from the index). */
  after: Label[]
  /** Whether readers see a difference (a found source the index has at this version is only recorded). */
  visible: boolean
  /** Published but held back by its date or embargo until then (ms): stored, not indexed. */
  held?: number
}

export const keyOf = (change: ArticleChange) =>
  change.kind === 'found' ? change.source.key : change.key

export type Previous = { metadata: SourceMetadata; bytes: Uint8Array } | null

export async function plan(
  options: WriteOptions<unknown>,
  change: ArticleChange,
  known: { row: IndexedRow | undefined; previous: Previous | undefined; now: Date },
): Promise<Planned | undefined> {
  const { config, target } = options
  const { row, now } = known
  const key = keyOf(change)
  const { lang, slug } = splitArticleKey(key)
  const base = { key, lang, slug, unindex: false, after: [] as Label[], visible: true }
  switch (change.kind) {
    case 'publish': {
      const { store, internal } = target.stores[0]!
      // Read without checking the old bytes: a damaged version can still be replaced.
      const read = known.previous
      const previous = change.isNew ? null : read !== undefined ? read : await store.stat(key)
      const previousBytes = read ? read.bytes : previous ? await store.raw(key) : null
      const sha256 = await sha256Hex(change.bytes)
      const previousSha =
        previous?.metadata.sha256 ?? (previousBytes ? await sha256Hex(previousBytes) : undefined)
      const metadata =
        change.checked?.metadata ??
        metadataFor({
          fileName: change.fileName,
          sha256,
          now,
          previous: previous ? { ...previous.metadata, sha256: previousSha } : undefined,
        })
      // The pictures it uses: as pushed with it, else (the publishing API, which takes the source
      // alone) those its stored version was pushed with and those it names by their hosted address.
      const named =
        change.media || change.checked || !target.pictures
          ? {}
          : await namedPictures(target.pictures, new TextDecoder().decode(change.bytes))
      const media =
        change.media ??
        (change.checked ? undefined : { ...(await readManifest(internal, lang, slug)), ...named })
      const recorded = change.media ?? (Object.keys(named).length ? media : undefined)
      // Validate before any write: a refused update leaves the previous version served.
      const article =
        change.checked?.article ??
        validateSource(
          {
            bytes: change.bytes,
            key,
            fileName: change.fileName,
            format: metadata.format!,
            metadata,
            ...(media && { media }),
          },
          config,
        )
      // A draft or held-back version of an article never live is not its publication (dates.ts).
      const stored = settledMetadata(
        metadata,
        isLive(article, options.clock ?? now),
        previous?.metadata,
      )
      return {
        ...base,
        fileName: change.fileName,
        put: { store, bytes: change.bytes, metadata: stored },
        ...(previous && { previous: { bytes: previousBytes, metadata: previous.metadata } }),
        derived: { internal, stored: storedArticle(article, target.origin), sha256 },
        ...(recorded && { media: recorded }),
        ...indexing(article, options.clock ?? now, {
          sourceSha256: sha256,
          store: store.name,
          firstSeen: metadata.firstUploaded ?? metadata.uploaded ?? now.toISOString(),
          fileName: metadata.fileName,
          origin: target.origin,
        }),
        ...(previousSha && { previousSha }),
        current: sha256,
      }
    }
    case 'unpublish': {
      const found = (
        await Promise.all(
          target.stores.map(async (s) => ({ ...s, entry: await s.store.stat(key) })),
        )
      ).filter((f) => f.entry)
      if (found.length === 0) return undefined
      const first = found[0]!
      const previousSha =
        first.entry!.metadata.sha256 ??
        (await first.store.raw(key).then((bytes) => (bytes ? sha256Hex(bytes) : undefined)))
      return { ...base, remove: found, unindex: true, ...(previousSha && { previousSha }) }
    }
    case 'gone':
      return row ? { ...base, unindex: true, previousSha: row.source_sha256 } : undefined
    case 'found': {
      const { source } = change
      const s = target.stores.find((t) => t.store.name === source.store)
      if (!s) return undefined
      const dates = foundDates(source, row, now)
      const article =
        change.article ??
        buildArticle(
          {
            ...source,
            ...dates,
            media: source.media ?? (await readManifest(s.internal, lang, slug)),
          },
          {
            baseUrl: target.origin,
            timeZone: config.timeZone,
            defaultLang: config.defaultLang,
          },
        )
      const firstSeen = dates.firstUploaded.toISOString()
      // A source put by hand is recorded with its hash and dates, once: later reads and reconciler
      // runs then know it, and a later change to it is a real update.
      // A draft nobody has seen live is recorded without a first upload, as a publisher's would be.
      const record: Planned['put'] = source.recorded
        ? undefined
        : {
            store: s.store,
            bytes: new Uint8Array(source.bytes),
            metadata: settledMetadata(
              {
                ...(source.fileName && { fileName: source.fileName }),
                ...(source.format && { format: source.format }),
                sha256: source.etag,
                uploaded: source.uploaded?.toISOString() ?? firstSeen,
                firstUploaded: firstSeen,
                ...(dates.modified && { modified: dates.modified.toISOString() }),
                ...(source.image && { image: source.image }),
              },
              isLive(article, options.clock ?? now),
              row || source.firstUploaded ? { firstUploaded: firstSeen } : undefined,
            ),
          }
      const current = row?.source_sha256 === source.etag
      const indexes = indexing(article, options.clock ?? now, {
        sourceSha256: source.etag,
        store: source.store,
        firstSeen,
        fileName: source.fileName,
        origin: target.origin,
      })
      return {
        ...base,
        fileName: source.fileName,
        ...(record && { put: record }),
        derived: {
          internal: s.internal,
          stored: storedArticle(article, target.origin),
          sha256: source.etag,
        },
        // The index already has this version (only its derived article or its record was missing),
        // or never had this draft: no listing changes.
        ...(current && indexes.row ? {} : row || indexes.row || indexes.held ? indexes : {}),
        visible: indexes.row ? !current : row !== undefined,
        ...(row && row.source_sha256 !== source.etag && { previousSha: row.source_sha256 }),
        current: source.etag,
      }
    }
  }
}

/** An article's index row and labels when it is published; its removal from the index when it is a draft. */
function indexing(
  article: Article,
  now: Date,
  facts: RowFacts,
): Pick<Planned, 'row' | 'unindex' | 'after' | 'held'> {
  if (!article.published) return { unindex: true, after: [] }
  // A future date or an embargo: stored and validated now, in no listing until its time.
  if (!isLive(article, now)) return { unindex: true, after: [], held: liveAt(article) }
  return {
    row: indexRow(article, article.text, facts),
    unindex: false,
    after: labelsOf(article).map(({ kind, key }) => ({ lang: article.lang, kind, key })),
  }
}
