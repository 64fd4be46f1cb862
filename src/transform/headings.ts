import type { DomElement } from '../parse/dom'
import type { Heading } from '../schema/article'

/**
 * Every heading id starts with this, so a body heading can never take one of the page's own ids
 * (`content`, `toc-title`) nor become a `window.<name>` global where the HTML is embedded (an id
 * with a hyphen is not a JavaScript name).
 */
export const HEADING_ID_PREFIX = 'h-'

/**
 * The page's `<h1>` is the article title, so a body that uses `<h1>` is shifted down one level.
 * Every heading gets a readable id (Hangul and kana kept), and h2–h3 make the table of contents.
 */
export function outline(root: DomElement): Heading[] {
  const headings = Array.from(root.querySelectorAll('h1, h2, h3, h4, h5, h6'))
  const shift = headings.some((h) => h.localName === 'h1') ? 1 : 0
  const used = { taken: new Set<string>(), next: new Map<string, number>() }
  const toc: Heading[] = []
  for (const heading of headings) {
    let el = heading
    const level = Math.min(6, Number(heading.localName.slice(1)) + shift)
    if (shift) {
      el = heading.ownerDocument.createElement(`h${level}`)
      for (const { name, value } of Array.from(heading.attributes)) el.setAttribute(name, value)
      el.append(...Array.from(heading.childNodes))
      heading.replaceWith(el)
    }
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim()
    const id = HEADING_ID_PREFIX + uniqueId(slugify(text) || 'section', used)
    el.setAttribute('id', id)
    if (level <= 3) toc.push({ id, text, level })
  }
  return toc
}

/** `포괄적 전략 동반자 협정이란?` → `포괄적-전략-동반자-협정이란` */
export function slugify(text: string): string {
  return text
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
