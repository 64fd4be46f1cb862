import { isElement, type DomElement, type DomNode } from '../parse/dom'

/**
 * Makes URLs absolute against the article's own URL, marks links to other sites
 * `rel="noopener noreferrer"`, and lets images load lazily without blocking the parser.
 */
export function rewriteLinks(root: DomElement, articleUrl: string): void {
  const base = new URL(articleUrl)
  const visit = (node: DomNode) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (!isElement(child)) continue
      if (child.localName === 'a') rewriteLink(child, base)
      else if (child.localName === 'img') rewriteImage(child, base)
      visit(child)
    }
  }
  visit(root)
}

function rewriteLink(a: DomElement, base: URL): void {
  const href = a.getAttribute('href')
  if (href === null || href.startsWith('#')) return
  const url = absolute(href, base)
  if (!url || !LINK_PROTOCOLS.has(url.protocol)) {
    a.removeAttribute('href')
    return
  }
  a.setAttribute('href', url.href)
  if ((url.protocol === 'http:' || url.protocol === 'https:') && url.host !== base.host)
    a.setAttribute('rel', 'noopener noreferrer')
}

function rewriteImage(img: DomElement, base: URL): void {
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

/** Checked again after resolving: whatever the sanitizer let through must still be one of these. */
const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'tel:'])
const IMAGE_PROTOCOLS = new Set(['http:', 'https:'])

/**
 * Resolved exactly as a browser would: no `.trim()`, which also strips Unicode spaces and would turn
 * a harmless relative `\u00a0javascript:…` into a live `javascript:` URL.
 */
function absolute(href: string, base: URL): URL | null {
  return URL.parse(href, base.href)
}
