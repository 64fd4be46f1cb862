import { parseHTML } from 'linkedom'

/** What tests read off an element (linkedom's own types leave querySelectorAll's items unknown). */
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

/** A parsed page with the lookups tests need: meta by property or name, JSON-LD, text. */
export function readPage(html: string) {
  const { document } = parseHTML(html)
  const all = (selector: string) => Array.from(document.querySelectorAll(selector)) as PageElement[]
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
    jsonLd: () =>
      JSON.parse(
        document.querySelector('script[type="application/ld+json"]')?.textContent ?? 'null',
      ),
    all,
  }
}
