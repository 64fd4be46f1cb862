/**
 * Derived articles: the pipeline's finished result (sanitized HTML and metadata), stored beside each
 * source under `_/derived/`, so a cache miss renders a page without parsing YAML, Markdown or HTML.
 *
 * Stored as one value: a line of JSON (the metadata, which version of which source and renderer made
 * it, and for which origin), then the body HTML and the plain text as they are, in UTF-8. A page is
 * the chrome rendered around those HTML bytes, never decoded: a 1 MB article costs what its metadata
 * costs. A derived article that does not match the source version and the renderer is ignored and
 * made again from the source.
 *
 * Anyone who may put a key into KV or R2 could write `_/derived/…` too, and a derived article is
 * served without being sanitized again. So each one is stored behind a line holding its HMAC-SHA256
 * under the DERIVED_KEY secret, over everything after that line (the header, which names the source
 * hash and renderer version, and the bytes): one that fails, or whose header is not what this code
 * writes, is ignored (logged) and made again from the source. Without the secret none are used.
 */
import * as z from 'zod'
import { logEvent } from '../log'
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

/** What a header must look like before anything in it is believed (the MAC aside). */
const HeaderShape = z.object({
  renderer: z.string(),
  source: z.string().regex(/^[0-9a-f]{64}$/),
  // An origin as `new URL(…).origin` writes it: `rebase` replaces it in the page, so "" would match everywhere.
  origin: z.string().refine(isOrigin),
  htmlBytes: z.number().int().nonnegative(),
  textBytes: z.number().int().nonnegative(),
  head: z.looseObject({ lang: z.string(), slug: z.string(), title: z.string() }),
})

function isOrigin(value: string): boolean {
  try {
    const url = new URL(value)
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value
  } catch {
    return false
  }
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
  let parsed: unknown
  try {
    parsed = JSON.parse(decoder.decode(bytes.subarray(0, newline)))
  } catch {
    return undefined // damaged: made again from the source
  }
  // Checked, but kept as parsed: zod's copy would reorder the head's keys (the JSON API shows them).
  if (!HeaderShape.safeParse(parsed).success) return undefined
  const header = parsed as Header
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

/** HMAC keys imported once per secret per isolate. */
const macKeys = new Map<string, Promise<CryptoKey>>()
const macKey = (secret: string) => {
  let key = macKeys.get(secret)
  if (!key) {
    key = crypto.subtle.importKey(
      'raw',
      encoder.encode(secret),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign', 'verify'],
    )
    macKeys.set(secret, key)
  }
  return key
}

const hex = (bytes: ArrayBuffer) =>
  Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('')

/** The stored value: a line with the HMAC of the rest, then the serialized article. */
export async function signDerived(body: Uint8Array, secret: string): Promise<Uint8Array> {
  const mac = encoder.encode(
    `${hex(await crypto.subtle.sign('HMAC', await macKey(secret), body))}\n`,
  )
  const bytes = new Uint8Array(mac.byteLength + body.byteLength)
  bytes.set(mac)
  bytes.set(body, mac.byteLength)
  return bytes
}

/** The serialized article after the MAC line, when the MAC is right (checked in constant time). */
export async function verifyDerived(
  value: Uint8Array,
  secret: string,
): Promise<Uint8Array | undefined> {
  const newline = value.indexOf(10)
  if (newline !== 64) return undefined
  const mac = /^[0-9a-f]{64}$/.exec(decoder.decode(value.subarray(0, 64)))?.[0]
  if (!mac) return undefined
  const macBytes = new Uint8Array(mac.match(/../g)!.map((b) => parseInt(b, 16)))
  const body = value.subarray(65)
  const ok = await crypto.subtle.verify('HMAC', await macKey(secret), macBytes, body)
  return ok ? body : undefined
}

/**
 * The article derived from exactly this source version by this renderer, or undefined: also when
 * its MAC or header does not check out (then it is logged and the caller builds it again).
 */
export async function readDerived(
  store: InternalStore,
  {
    lang,
    slug,
    sourceSha256,
  }: {
    lang: string
    slug: string
    /** The source version the stored article must have been derived from. */
    sourceSha256: string
  },
): Promise<StoredArticle | undefined> {
  if (!store.derivedKey) return undefined
  const value = await store.get(nameOf(lang, slug))
  if (!value) return undefined
  // The metadata says which version it is without reading the body.
  if (value.metadata.renderer !== RENDERER_VERSION || value.metadata.source !== sourceSha256)
    return undefined
  const body = await verifyDerived(new Uint8Array(value.bytes), store.derivedKey)
  const stored = body && parseDerived(body, sourceSha256)
  if (!stored || stored.head.lang !== lang || stored.head.slug !== slug) {
    logEvent('warn', {
      event: 'derived-rejected',
      key: `${lang}/${slug}`,
      reason: body ? 'its header is not one this site writes' : 'its MAC does not match',
    })
    return undefined
  }
  return stored
}

/** Stores the derived article, signed; without DERIVED_KEY there is nothing to sign with, and nothing is stored. */
export async function writeDerived(
  store: InternalStore,
  stored: StoredArticle,
  sourceSha256: string,
): Promise<void> {
  if (!store.derivedKey) return
  await store.put(
    nameOf(stored.head.lang, stored.head.slug),
    await signDerived(serializeDerived(stored, sourceSha256), store.derivedKey),
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
  // An empty origin would be found between every two characters (parseDerived refuses one, too).
  if (stored.origin === origin || !isOrigin(stored.origin)) return stored
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
