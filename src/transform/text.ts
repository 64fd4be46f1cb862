import { isElement, TEXT_NODE, type DomElement, type DomNode } from '../parse/dom'

const BLOCKS = new Set([
  'p',
  'li',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'td',
  'th',
  'dt',
  'dd',
  'figcaption',
  'caption',
])

/**
 * The body as plain text, one line per innermost block, for the JSON API, descriptions, search and
 * reading time. One walk: text is gathered into the innermost open block and becomes a line when
 * that block closes (a block holding other blocks keeps only theirs). Text outside any block counts
 * only when the body has no blocks at all.
 */
export function plainText(root: DomElement): string {
  const lines: string[] = []
  let loose = ''
  let sawBlock = false
  /** Appends a subtree's text to `into`; true when the subtree held a block. */
  const visit = (node: DomNode, into: string[] | undefined): boolean => {
    let hasBlock = false
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (!isElement(child)) {
        if (child.nodeType === TEXT_NODE) {
          const text = child.textContent ?? ''
          if (into) into.push(text)
          else if (!sawBlock) loose += text
        }
        continue
      }
      if (BLOCKS.has(child.localName)) {
        sawBlock = hasBlock = true
        const own: string[] = []
        // A block inside it wins: this block's own text is then dropped, as it is not innermost.
        if (!visit(child, own)) {
          const line = collapse(own.join(''))
          if (line) lines.push(line)
        }
      } else if (visit(child, into)) hasBlock = true
    }
    return hasBlock
  }
  visit(root, undefined)
  return sawBlock ? lines.join('\n') : collapse(loose)
}

/** The first paragraph with words in it: the description when front matter has none. */
export function firstParagraph(root: DomElement): string | undefined {
  const find = (node: DomNode): string | undefined => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (!isElement(child)) continue
      if (child.localName === 'p') {
        const text = collapse(child.textContent ?? '')
        if (text) return text
      }
      const inner = find(child)
      if (inner) return inner
    }
    return undefined
  }
  return find(root)
}

export interface BodyImage {
  src: string
  alt?: string
  width?: number
  height?: number
}

/** The first body image with a usable URL: the share image when front matter names none. */
export function firstImage(root: DomElement): BodyImage | undefined {
  const find = (node: DomNode): DomElement | undefined => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (!isElement(child)) continue
      const src = child.localName === 'img' ? child.getAttribute('src') : null
      if (src !== null && !src.startsWith('data:')) return child
      const inner = find(child)
      if (inner) return inner
    }
    return undefined
  }
  const img = find(root)
  if (!img) return undefined
  return {
    src: img.getAttribute('src')!,
    alt: img.getAttribute('alt') ?? undefined,
    width: pixels(img.getAttribute('width')),
    height: pixels(img.getAttribute('height')),
  }
}

export const collapse = (text: string) => text.replace(/[\s\u00a0]+/g, ' ').trim()

const pixels = (value: string | null) => (value && /^\d+$/.test(value) ? Number(value) : undefined)
