import type { DomElement } from '../parse/dom'

/**
 * Makes URLs absolute against the article's own URL, marks links to other sites
 * `rel="noopener noreferrer"`, and lets images load lazily without blocking the parser.
 */
export function rewriteLinks(root: DomElement, articleUrl: string): void {
  const base = new URL(articleUrl)
  for (const a of Array.from(root.querySelectorAll('a[href]'))) {
    const href = a.getAttribute('href')!
    if (href.startsWith('#')) continue
    const url = absolute(href, base)
    if (!url || !LINK_PROTOCOLS.has(url.protocol)) {
      a.removeAttribute('href')
      continue
    }
    a.setAttribute('href', url.href)
    if ((url.protocol === 'http:' || url.protocol === 'https:') && url.host !== base.host) {
      a.setAttribute('rel', 'noopener noreferrer')
    }
  }
  for (const img of Array.from(root.querySelectorAll('img'))) {
    const src = img.getAttribute('src')
    if (src && !src.startsWith('data:')) {
      const url = absolute(src, base)
      if (url && IMAGE_PROTOCOLS.has(url.protocol)) img.setAttribute('src', url.href)
      else img.removeAttribute('src')
    }
    if (!img.hasAttribute('alt')) img.setAttribute('alt', '')
    img.setAttribute('loading', 'lazy')
    img.setAttribute('decoding', 'async')
  }
}

/** Checked again after resolving: whatever the sanitizer let through must still be one of these. */
const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'tel:'])
const IMAGE_PROTOCOLS = new Set(['http:', 'https:'])

/**
 * Resolved exactly as a browser would: no `.trim()`, which also strips Unicode spaces and would turn
 * a harmless relative `\u00a0javascript:…` into a live `javascript:` URL.
 */
function absolute(href: string, base: URL): URL | null {
  try {
    return new URL(href, base)
  } catch {
    return null
  }
}
