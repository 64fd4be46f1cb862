import { childrenOf, isElement, type DomElement } from '../parse/dom'

/** Blocks that editors leave behind empty: `<p>&nbsp;</p>`, `<p><br></p>`, `<div> </div>`. */
const EMPTY_CANDIDATES = 'p, div, span, b, strong, em, i, u, h1, h2, h3, h4, h5, h6, li, blockquote'
const CONTENT = 'img, hr, table, iframe, video, audio, time'
const BLANK = /^[\s\u00a0\u200b\u200c\u200d\u2060\ufeff]*$/

/** Drops editor artifacts, in place: empty blocks and bare `<span>`s with no attributes left. */
export function cleanup(root: DomElement): void {
  // Deepest first, so a `<p><span>&nbsp;</span></p>` empties its `<p>` too.
  for (const el of Array.from(root.querySelectorAll(EMPTY_CANDIDATES)).reverse()) {
    if (BLANK.test(el.textContent ?? '') && !el.querySelector(CONTENT)) el.remove()
  }
  for (const span of Array.from(root.querySelectorAll('span'))) {
    if (span.attributes.length === 0) span.replaceWith(...childrenOf(span))
  }
}

/**
 * Removes a leading paragraph holding only the article's main image: the page shows that image
 * as its hero already. Returns the removed `<img>`'s alt text, which often describes it best.
 */
export function dropLeadingImage(root: DomElement, imageUrl: string | undefined): string | undefined {
  if (!imageUrl) return undefined
  const first = childrenOf(root).find((n) => isElement(n) || !BLANK.test(n.textContent ?? ''))
  if (!first || !isElement(first)) return undefined
  const img = first.localName === 'img' ? first : first.localName === 'p' || first.localName === 'figure' ? first.querySelector('img') : null
  if (!img || img.getAttribute('src') !== imageUrl) return undefined
  const onlyImage = img === first || BLANK.test(first.textContent ?? '')
  if (!onlyImage) return undefined
  first.remove()
  return img.getAttribute('alt') ?? undefined
}
