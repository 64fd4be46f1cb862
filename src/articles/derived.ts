/**
 * Derived articles: the pipeline's finished result (sanitized HTML and metadata), stored beside each
 * source under `_/derived/`, so a cache miss renders a page without parsing YAML, Markdown or HTML.
 *
 * Stored as one value: a line of JSON (the metadata, which version of which source and renderer made
 * it, and for which origin), then the body HTML and the plain text as they are, in UTF-8. A page is
 * the chrome rendered around those HTML bytes, never decoded: a 1 MB article costs what its metadata
 * costs. A derived article that does not match the source version and the renderer is ignored and
 * made again from the source.
 */
import { PLACEHOLDER_ORIGIN, RENDERER_VERSION } from '../pipeline'
import type { Article, ArticleHead } from '../schema/article'
import type { InternalStore } from '../source/internal'

export type { ArticleHead }

export interface StoredArticle {
  head: ArticleHead
  /** The sanitized body HTML, UTF-8. */
  html: Uint8Array
  /** The body as plain text, UTF-8. */
  text: Uint8Array
  /** The origin its own URLs were made for (BASE_URL, or PLACEHOLDER_ORIGIN when that is unset). */
  origin: string
}

interface Header {
  renderer: string
  /** SHA-256 of the source it was made from. */
  source: string
  origin: string
  htmlBytes: number
  textBytes: number
  head: ArticleHead
}

const encoder = new TextEncoder()
const decoder = new TextDecoder()
const nameOf = (lang: string, slug: string) => `derived/${lang}/${slug}`

/** A freshly built article in the stored shape (translations are filled in per request, not stored). */
export function storedArticle(article: Article, origin: string): StoredArticle {
  const { html, text, ...head } = article
  return {
    head: { ...head, translations: [] },
    html: encoder.encode(html),
    text: encoder.encode(text),
    origin,
  }
}

/** The article with its body as text, for the JSON API, the feed and the checks. */
export function toArticle(stored: StoredArticle): Article {
  return { ...stored.head, html: decoder.decode(stored.html), text: decoder.decode(stored.text) }
}

export function serializeDerived(stored: StoredArticle, sourceSha256: string): Uint8Array {
  const header: Header = {
    renderer: RENDERER_VERSION,
    source: sourceSha256,
    origin: stored.origin,
    htmlBytes: stored.html.byteLength,
    textBytes: stored.text.byteLength,
    head: stored.head,
  }
  // The JSON has no raw newline (JSON escapes them), so the first newline ends it.
  const line = encoder.encode(`${JSON.stringify(header)}\n`)
  const bytes = new Uint8Array(line.byteLength + stored.html.byteLength + stored.text.byteLength)
  bytes.set(line)
  bytes.set(stored.html, line.byteLength)
  bytes.set(stored.text, line.byteLength + stored.html.byteLength)
  return bytes
}

export function parseDerived(
  value: ArrayBuffer | Uint8Array,
  sourceSha256: string,
): StoredArticle | undefined {
  const bytes = value instanceof Uint8Array ? value : new Uint8Array(value)
  const newline = bytes.indexOf(10)
  if (newline < 0) return undefined
  let header: Header
  try {
    header = JSON.parse(decoder.decode(bytes.subarray(0, newline))) as Header
  } catch {
    return undefined // damaged: made again from the source
  }
  const start = newline + 1
  if (header.renderer !== RENDERER_VERSION || header.source !== sourceSha256) return undefined
  if (start + header.htmlBytes + header.textBytes !== bytes.byteLength) return undefined // cut short
  return {
    head: header.head,
    html: bytes.subarray(start, start + header.htmlBytes),
    text: bytes.subarray(start + header.htmlBytes),
    origin: header.origin,
  }
}

/** The article derived from exactly this source version by this renderer, or undefined. */
export async function readDerived(
  store: InternalStore,
  lang: string,
  slug: string,
  sourceSha256: string,
): Promise<StoredArticle | undefined> {
  const value = await store.get(nameOf(lang, slug))
  if (!value) return undefined
  // The metadata says which version it is without reading the body.
  if (value.metadata.renderer !== RENDERER_VERSION || value.metadata.source !== sourceSha256)
    return undefined
  return parseDerived(value.bytes, sourceSha256)
}

export async function writeDerived(
  store: InternalStore,
  stored: StoredArticle,
  sourceSha256: string,
): Promise<void> {
  await store.put(
    nameOf(stored.head.lang, stored.head.slug),
    serializeDerived(stored, sourceSha256),
    {
      renderer: RENDERER_VERSION,
      source: sourceSha256,
    },
  )
}

export const deleteDerived = (store: InternalStore, lang: string, slug: string) =>
  store.delete(nameOf(lang, slug))

/**
 * The article for the origin it is served from. In production BASE_URL is the origin it was built
 * for, and nothing changes; otherwise (local development, a changed BASE_URL) its own URLs, images
 * and links move to the request's origin.
 */
export function rebase(stored: StoredArticle, origin: string): StoredArticle {
  if (stored.origin === origin) return stored
  const move = (text: string) => text.replaceAll(stored.origin, origin)
  const { head } = stored
  return {
    head: {
      ...head,
      url: move(head.url),
      ...(head.image && { image: { ...head.image, url: move(head.image.url) } }),
    },
    html: encoder.encode(move(decoder.decode(stored.html))),
    text: stored.text,
    origin,
  }
}

/** The origin articles are built for: BASE_URL, or a placeholder moved to each request's origin. */
export const buildOrigin = (config: { baseUrl: string }) => config.baseUrl || PLACEHOLDER_ORIGIN
