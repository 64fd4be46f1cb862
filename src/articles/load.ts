/**
 * An article for a request. The common case is two reads: the index (D1: which version is current,
 * and the other languages for the switcher) and the derived article stored beside the source. Only a
 * source the index does not know yet, or whose derived article is missing or was made by an older
 * renderer, is read and parsed here; what that produces is written back in the background, so the
 * next miss is cheap again. Routes call this; it knows nothing of HTTP.
 */
import { endTime, startTime } from 'hono/timing'
import { isLive } from '../publish/schedule'
import { timed } from '../timing'
import type { AppContext } from '../env'
import { AppError } from '../errors'
import { indexDb } from '../listing/db'
import { versionsOf, type ArticleRecord } from '../listing/read'
import { log } from '../log'
import { readManifest } from '../media/manifest'
import { buildArticle } from '../pipeline'
import type { Translation } from '../schema/article'
import { backends, internalOf, readSources } from '../source'
import { articleKey, splitArticleKey } from '../source/keys'
import type { SourceFile } from '../source/store'
import {
  buildOrigin,
  readDerived,
  rebase,
  storedArticle,
  toArticle,
  type StoredArticle,
} from './derived'
import { purgeTags } from '../cache/purge'
import { tag } from '../cache/tags'
import { workersCache } from '../cache/serve'
import { foundDates } from '../publish/dates'
import { writeArticles } from '../publish/write'
import type { ArticleChange } from '../publish/changes'

export interface Loaded {
  /** The published article, for the request's origin, with its translations; undefined when there is none. */
  article: StoredArticle | undefined
  /** The other published languages of the same slug, from the index. */
  translations: Translation[]
}

/** The published versions of a slug the index knows, in the site's language order. */
export async function publishedVersions(c: AppContext, slug: string): Promise<ArticleRecord[]> {
  const config = c.get('config')
  const records = await timed(c, 'storage', versionsOf(indexDb(c.env), config, slug))
  return config.languages.flatMap((lang) => records.filter((r) => r.lang === lang))
}

export function translationsOf(
  c: AppContext,
  records: ArticleRecord[],
  except: string,
): Translation[] {
  return records
    .filter((r) => r.lang !== except)
    .map((r) => ({
      lang: r.lang,
      title: r.title,
      url: `${c.get('baseUrl')}/${r.lang}/${encodeURIComponent(r.slug)}`,
    }))
}

/**
 * The article at `lang/slug`, if published, and its translations (so a route can send a visitor to
 * one when this language has none). A source that cannot be rendered is SOURCE_INVALID.
 */
export async function loadArticle(
  c: AppContext,
  {
    lang,
    slug,
    known,
  }: {
    lang: string
    slug: string
    /** The article's published versions when the caller has read them already. */
    known?: ArticleRecord[]
  },
): Promise<Loaded> {
  const versions = known ?? (await publishedVersions(c, slug))
  const translations = translationsOf(c, versions, lang)
  const record = versions.find((v) => v.lang === lang)
  const stored = record
    ? await fromIndex(c, record)
    : await fromSource(c, { lang, slug, record: undefined })
  // The version the index holds is live (it holds nothing held back: the cron indexed it when its
  // time came); any other is served only once its date and embargo have passed, and until then
  // exactly like a missing article.
  const indexed = record !== undefined && stored?.head.source.etag === record.source_sha256
  if (!stored?.head.published || (!indexed && !isLive(stored.head, new Date())))
    return { article: undefined, translations }
  const served = rebase(stored, c.get('baseUrl'))
  return { article: { ...served, head: { ...served.head, translations } }, translations }
}

/** The published article at `lang/slug` with its translations, or ARTICLE_NOT_FOUND. */
export async function requireArticle(
  c: AppContext,
  lang: string,
  slug: string,
): Promise<StoredArticle> {
  const { article } = await loadArticle(c, { lang, slug })
  if (!article) throw new AppError('ARTICLE_NOT_FOUND', `no article at ${lang}/${slug}`)
  return article
}

/** An indexed article: its derived article when it matches the indexed version, else made from the source. */
export async function fromIndex(
  c: AppContext,
  record: ArticleRecord,
): Promise<StoredArticle | undefined> {
  const store = internalOf(c.env, record.store, c.get('config').storageTimeoutMs)
  const derived = await timed(
    c,
    'storage',
    readDerived(store, {
      lang: record.lang,
      slug: record.slug,
      sourceSha256: record.source_sha256,
    }),
  )
  return derived ?? (await fromSource(c, { lang: record.lang, slug: record.slug, record }))
}

/**
 * Reads and builds the source, and in the background hands what it learnt to the writer: the
 * derived article, the index row when the index did not know this version (or its removal when the
 * source is gone or is a draft), the hash and dates of a source put by hand, and the purge of the
 * listings that now show it.
 */
async function fromSource(
  c: AppContext,
  {
    lang,
    slug,
    record,
  }: {
    lang: string
    slug: string
    /** The article's index row, when it has one. */
    record: ArticleRecord | undefined
  },
): Promise<StoredArticle | undefined> {
  const config = c.get('config')
  const key = articleKey(lang, slug)
  const source = await timed(c, 'storage', readSources(c.env, config).get(key).catch(asReadError))
  if (!source) {
    if (record) writeBack(c, { kind: 'gone', key })
    return undefined
  }
  // The index knows another version than the store returned: KV is still propagating one of them.
  if (record && record.source_sha256 !== source.etag) c.set('volatile', true)
  // A source put by hand has no upload times: dated as the writer will record it.
  const dated: SourceFile = { ...source, ...foundDates(source, record, new Date()) }
  const internal = internalOf(c.env, source.store, config.storageTimeoutMs)
  // The derived article may still be current when only the index was behind.
  const derived = record
    ? undefined
    : await readDerived(internal, { lang, slug, sourceSha256: source.etag })
  // Built again: with the pictures its last push hosted, so they keep their addresses.
  const stored = derived ?? build(c, { ...dated, media: await readManifest(internal, lang, slug) })
  const indexBehind = stored.head.published
    ? record?.source_sha256 !== source.etag
    : record !== undefined
  if (!derived || indexBehind || !source.recorded)
    writeBack(c, { kind: 'found', source: dated, article: toArticle(stored) })
  return stored
}

/**
 * A found source's tags without the page this request is rendering (and caching) from it: its own
 * article tag goes, and its slug tag becomes the other languages' pages, whose switchers list it.
 */
function besidesThisPage(tags: string[], key: string, config: { languages: readonly string[] }) {
  const { lang, slug } = splitArticleKey(key)
  const others = config.languages.filter((l) => l !== lang).map((l) => tag.article(l, slug))
  return tags.flatMap((t) =>
    t === tag.article(lang, slug) ? [] : t === tag.slug(slug) ? others : [t],
  )
}

/** The writer, after the response: a failure is logged, never shown to the reader who triggered it. */
function writeBack(c: AppContext, change: ArticleChange): void {
  const config = c.get('config')
  const db = indexDb(c.env)
  const work = writeArticles({
    target: {
      stores: backends(c.env, config).map((store) => ({
        store,
        internal: internalOf(c.env, store.name, config.storageTimeoutMs),
      })),
      db,
      origin: buildOrigin(config),
    },
    config,
    changes: [change],
    purge: (tags) =>
      purgeTags(change.kind === 'found' ? besidesThisPage(tags, change.source.key, config) : tags, {
        cache: workersCache(c),
        origins: [c.get('baseUrl')],
        languages: config.languages,
        db,
      }),
  })
  const what = `${change.kind} ${change.kind === 'found' ? change.source.key : change.key}`
  c.executionCtx.waitUntil(
    work.catch((error: unknown) =>
      log(c, 'warn', { event: 'write-back-failed', what, message: String(error) }),
    ),
  )
}

function build(c: AppContext, source: SourceFile): StoredArticle {
  const config = c.get('config')
  const origin = buildOrigin(config)
  startTime(c, 'parse')
  try {
    return storedArticle(
      buildArticle(source, {
        baseUrl: origin,
        timeZone: config.timeZone,
        defaultLang: config.defaultLang,
      }),
      origin,
    )
  } catch (error) {
    return asReadError(error)
  } finally {
    endTime(c, 'parse')
  }
}

/** At read time every problem with the source itself is a broken article, whatever refused it. */
function asReadError(error: unknown): never {
  if (error instanceof AppError && error.code === 'SOURCE_TOO_LARGE')
    throw error.as('SOURCE_INVALID')
  throw error
}
