import { parseHTML } from 'linkedom'

/**
 * What tests read off an element. linkedom types its documents with the DOM lib's `Window`, which
 * the Worker's lib does not have, so its results are unresolved types; these are the parts tests use.
 */
export interface PageElement {
  id: string
  localName: string
  attributes: ArrayLike<{ name: string; value: string }>
  textContent: string | null
  innerHTML: string
  getAttribute(name: string): string | null
  querySelector(selector: string): PageElement | null
  querySelectorAll(selector: string): ArrayLike<PageElement>
}

/** The parsed document, as far as tests read it. */
export interface PageDocument {
  documentElement: PageElement
  head: PageElement
  body: PageElement
  querySelector(selector: string): PageElement | null
  querySelectorAll(selector: string): ArrayLike<PageElement>
}

/** linkedom's parser, typed with the subset above. */
export function parseDocument(html: string): PageDocument {
  return (parseHTML(html) as { document: PageDocument }).document
}

/** A page's schema.org NewsArticle / BlogPosting, as src/meta/json-ld.ts writes it. */
export interface JsonLd {
  '@context': string
  '@type': string
  headline: string
  description: string
  image?: { '@type': string; url: string; width?: number; height?: number; caption?: string }[]
  datePublished?: string
  dateModified?: string
  author: { '@type': string; name: string; url?: string }[]
  publisher: { '@type': string; name: string; url: string }
  inLanguage: string
  mainEntityOfPage: { '@type': string; '@id': string }
  url: string
  articleSection?: string
  keywords?: string
  isAccessibleForFree: boolean
}

/** A parsed page with the lookups tests need: meta by property or name, JSON-LD, text. */
export function readPage(html: string) {
  const document = parseDocument(html)
  const all = (selector: string) => Array.from(document.querySelectorAll(selector))
  return {
    document,
    /** Content of every `<meta property|name=…>`, in document order. */
    metas: (key: string) =>
      all(`meta[property="${key}"], meta[name="${key}"]`).map(
        (m) => m.getAttribute('content') ?? '',
      ),
    meta: (key: string) =>
      all(`meta[property="${key}"], meta[name="${key}"]`)[0]?.getAttribute('content') ?? undefined,
    link: (rel: string) => all(`link[rel="${rel}"]`)[0]?.getAttribute('href') ?? undefined,
    /** The page's JSON-LD, `null` when it has none. */
    jsonLd: () =>
      JSON.parse(
        document.querySelector('script[type="application/ld+json"]')?.textContent ?? 'null',
      ) as JsonLd | null,
    all,
  }
}
