/**
 * An article for a request. The common case is two reads: the index (D1: which version is current,
 * and the other languages for the switcher) and the derived article stored beside the source. Only a
 * source the index does not know yet, or whose derived article is missing or was made by an older
 * renderer, is read and parsed here; what that produces is written back in the background, so the
 * next miss is cheap again. Routes call this; it knows nothing of HTTP.
 */
import { endTime, startTime, wrapTime } from 'hono/timing'
import type { AppContext } from '../env'
import { AppError } from '../errors'
import { indexDb } from '../listing/db'
import { indexRow } from '../listing/entry'
import { versionsOf, type ArticleRecord } from '../listing/read'
import { indexArticle, unindexArticle } from '../listing/write'
import { log } from '../log'
import { buildArticle, PLACEHOLDER_ORIGIN } from '../pipeline'
import type { Article, Translation } from '../schema/article'
import { internalOf, readSources } from '../source'
import { articleKey } from '../source/keys'
import type { SourceFile } from '../source/store'
import { readDerived, rebase, writeDerived } from './derived'

export interface Loaded {
  /** The published article, for the request's origin; undefined when there is none (missing, or a draft). */
  article: Article | undefined
  /** The other published languages of the same slug, from the index. */
  translations: Translation[]
}

/** The published versions of a slug the index knows, in the site's language order. */
export async function publishedVersions(c: AppContext, slug: string): Promise<ArticleRecord[]> {
  const config = c.get('config')
  const records = await wrapTime(c, 'storage', versionsOf(indexDb(c.env), config, slug))
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
export async function loadArticle(c: AppContext, lang: string, slug: string): Promise<Loaded> {
  const versions = await publishedVersions(c, slug)
  const translations = translationsOf(c, versions, lang)
  const record = versions.find((v) => v.lang === lang)
  const article = record ? await fromIndex(c, record) : await fromSource(c, lang, slug, undefined)
  return {
    article: article?.published ? rebase(article, c.get('baseUrl')) : undefined,
    translations,
  }
}

/** The published article at `lang/slug`, or ARTICLE_NOT_FOUND. */
export async function requireArticle(
  c: AppContext,
  lang: string,
  slug: string,
): Promise<Article & { translations: Translation[] }> {
  const { article, translations } = await loadArticle(c, lang, slug)
  if (!article) throw new AppError('ARTICLE_NOT_FOUND', `no article at ${lang}/${slug}`)
  return { ...article, translations }
}

/** An indexed article: its derived article when it matches the indexed version, else made from the source. */
export async function fromIndex(
  c: AppContext,
  record: ArticleRecord,
): Promise<Article | undefined> {
  const derived = await wrapTime(
    c,
    'storage',
    readDerived(
      internalOf(c.env, record.store, c.get('config').storageTimeoutMs),
      record.lang,
      record.slug,
      record.source_sha256,
    ),
  )
  return derived ?? (await fromSource(c, record.lang, record.slug, record))
}

/**
 * Reads and builds the source, and in the background writes what it learnt back: the derived
 * article, and the index row when the index did not know this version (or drops the row when the
 * source is gone or is a draft).
 */
async function fromSource(
  c: AppContext,
  lang: string,
  slug: string,
  record: ArticleRecord | undefined,
): Promise<Article | undefined> {
  const config = c.get('config')
  const source = await wrapTime(
    c,
    'storage',
    readSources(c.env, config).get(articleKey(lang, slug)).catch(asReadError),
  )
  if (!source) {
    if (record)
      background(c, `unindex ${lang}/${slug}`, () => unindexArticle(indexDb(c.env), lang, slug))
    return undefined
  }
  // A source put by hand has no upload times: the index's first sighting dates it, or this one.
  const firstSeen = record?.first_seen ?? new Date().toISOString()
  const dated: SourceFile = {
    ...source,
    firstUploaded: source.firstUploaded ?? new Date(firstSeen),
  }
  // The derived article may still be current when only the index was behind.
  const derived = record
    ? undefined
    : await readDerived(
        internalOf(c.env, source.store, config.storageTimeoutMs),
        lang,
        slug,
        source.etag,
      )
  const article = derived ?? build(c, dated)
  if (!derived)
    background(c, `derive ${lang}/${slug}`, () =>
      writeDerived(internalOf(c.env, source.store), article, source.etag),
    )
  if (article.published && record?.source_sha256 !== source.etag) {
    background(c, `index ${lang}/${slug}`, () =>
      indexArticle(
        indexDb(c.env),
        indexRow(article, {
          sourceSha256: source.etag,
          store: source.store,
          firstSeen,
          fileName: source.fileName,
        }),
      ),
    )
  } else if (!article.published && record) {
    background(c, `unindex draft ${lang}/${slug}`, () => unindexArticle(indexDb(c.env), lang, slug))
  }
  return article
}

function build(c: AppContext, source: SourceFile): Article {
  const config = c.get('config')
  startTime(c, 'parse')
  try {
    return buildArticle(source, {
      baseUrl: PLACEHOLDER_ORIGIN,
      timeZone: config.timeZone,
      defaultLang: config.defaultLang,
    })
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

/** Work after the response: a failure is logged, never shown to the reader who triggered it. */
function background(c: AppContext, what: string, work: () => Promise<unknown>): void {
  c.executionCtx.waitUntil(
    work().catch((error: unknown) =>
      log(c, 'warn', { event: 'write-back-failed', what, message: String(error) }),
    ),
  )
}
