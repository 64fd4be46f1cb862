/**
 * Derived articles: the pipeline's finished result (sanitized HTML and metadata), stored beside each
 * source under `_/derived/`, so a cache miss renders a page without parsing YAML, Markdown or HTML.
 * A derived article names the source version and the renderer that made it; one that does not match
 * both is ignored and made again from the source.
 */
import { PLACEHOLDER_ORIGIN, RENDERER_VERSION } from '../pipeline'
import type { Article } from '../schema/article'
import type { InternalStore } from '../source/internal'

interface Derived {
  renderer: string
  /** SHA-256 of the source it was made from. */
  source: string
  /** Built for PLACEHOLDER_ORIGIN, with no translations: both are filled in per request. */
  article: Article
}

const nameOf = (lang: string, slug: string) => `derived/${lang}/${slug}`

/** The bytes stored for an article, and what a read of them gives back: one function, so both paths render alike. */
export const serializeDerived = (article: Article, sourceSha256: string): Uint8Array =>
  new TextEncoder().encode(
    JSON.stringify({
      renderer: RENDERER_VERSION,
      source: sourceSha256,
      article: { ...article, translations: [] },
    } satisfies Derived),
  )

function parseDerived(bytes: ArrayBuffer | Uint8Array): Derived | undefined {
  try {
    const derived = JSON.parse(new TextDecoder().decode(bytes)) as Derived
    return typeof derived.source === 'string' && typeof derived.article?.html === 'string'
      ? derived
      : undefined
  } catch {
    return undefined // damaged: made again from the source
  }
}

/** The article derived from exactly this source version by this renderer, or undefined. */
export async function readDerived(
  store: InternalStore,
  lang: string,
  slug: string,
  sourceSha256: string,
): Promise<Article | undefined> {
  const value = await store.get(nameOf(lang, slug))
  if (!value) return undefined
  // The metadata says which version it is without parsing a large body first.
  if (value.metadata.renderer !== RENDERER_VERSION || value.metadata.source !== sourceSha256)
    return undefined
  const derived = parseDerived(value.bytes)
  return derived && derived.renderer === RENDERER_VERSION && derived.source === sourceSha256
    ? derived.article
    : undefined
}

export async function writeDerived(
  store: InternalStore,
  article: Article,
  sourceSha256: string,
): Promise<void> {
  await store.put(nameOf(article.lang, article.slug), serializeDerived(article, sourceSha256), {
    renderer: RENDERER_VERSION,
    source: sourceSha256,
  })
}

export const deleteDerived = (store: InternalStore, lang: string, slug: string) =>
  store.delete(nameOf(lang, slug))

/** The article for the origin it is served from: its own URLs, images and links move there. */
export function rebase(article: Article, origin: string): Article {
  if (origin === PLACEHOLDER_ORIGIN) return article
  const move = (text: string) => text.replaceAll(PLACEHOLDER_ORIGIN, origin)
  return {
    ...article,
    url: move(article.url),
    html: move(article.html),
    ...(article.image && { image: { ...article.image, url: move(article.image.url) } }),
  }
}
