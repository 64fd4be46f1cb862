import { isElement, unwrap, type DomElement, type DomNode } from '../parse/dom'
import type { Heading } from '../schema/article'
import { collapse } from './text'

/**
 * Every heading id starts with this, so a body heading can never take one of the page's own ids
 * (`content`, `toc-title`) nor become a `window.<name>` global where the HTML is embedded (an id
 * with a hyphen is not a JavaScript name).
 */
export const HEADING_ID_PREFIX = 'h-'

/** A table of contents entry shows at most this much of its heading. */
const TOC_TEXT_LENGTH = 200
/** A table of contents lists at most this many headings (h2 and h3): more is an index nobody reads. */
export const MAX_TOC_ENTRIES = 200

const HEADING = /^h[1-6]$/

/**
 * The page's `<h1>` is the article title, so a body that uses `<h1>` is shifted down one level.
 * Every heading gets a readable id (Hangul and kana kept), and h2–h3 make the table of contents.
 * A heading inside another heading is not one (browsers' parsers never nest them): it is unwrapped,
 * so no heading's text is read twice.
 */
export function outline(root: DomElement): Heading[] {
  const headings: DomElement[] = []
  const collect = (node: DomNode, inHeading: boolean) => {
    for (let child = node.firstChild; child;) {
      const next = child.nextSibling
      if (isElement(child)) {
        const heading = HEADING.test(child.localName)
        collect(child, inHeading || heading)
        if (heading && inHeading) unwrap(child)
        else if (heading) headings.push(child)
      }
      child = next
    }
  }
  collect(root, false)
  const shift = headings.some((h) => h.localName === 'h1') ? 1 : 0
  const used = { taken: new Set<string>(), next: new Map<string, number>() }
  const toc: Heading[] = []
  for (const heading of headings) {
    let el = heading
    const level = Math.min(6, Number(heading.localName.slice(1)) + shift)
    if (shift) {
      el = heading.ownerDocument.createElement(`h${level}`)
      for (const name of Array.from(heading.getAttributeNames()))
        el.setAttribute(name, heading.getAttribute(name)!)
      moveChildren(heading, el)
      heading.replaceWith(el)
    }
    const text = collapse(el.textContent ?? '')
    const id = HEADING_ID_PREFIX + uniqueId(slugify(text) || 'section', used)
    el.setAttribute('id', id)
    if (level <= 3 && toc.length < MAX_TOC_ENTRIES)
      toc.push({
        id,
        text:
          text.length > TOC_TEXT_LENGTH ? `${text.slice(0, TOC_TEXT_LENGTH - 1).trimEnd()}…` : text,
        level,
      })
  }
  return toc
}

/** One child at a time: see unwrap. */
function moveChildren(from: DomElement, to: DomElement): void {
  for (let child = from.firstChild; child; child = from.firstChild) to.append(child)
}

/** `포괄적 전략 동반자 협정이란?` → `포괄적-전략-동반자-협정이란` */
export function slugify(text: string): string {
  return text
    .slice(0, 400)
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}\s_-]/gu, '')
    .trim()
    .replace(/[\s_]+/g, '-')
    .replace(/-+/g, '-')
    .slice(0, 80)
}

/** `intro`, `intro-2`, `intro-3`…; the next suffix per base is remembered, so long documents stay linear. */
function uniqueId(base: string, ids: { taken: Set<string>; next: Map<string, number> }): string {
  let n = ids.next.get(base) ?? 1
  let id = n === 1 ? base : `${base}-${n}`
  while (ids.taken.has(id)) id = `${base}-${++n}`
  ids.next.set(base, n + 1)
  ids.taken.add(id)
  return id
}
