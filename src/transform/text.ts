import { isElement, type DomElement, type DomNode } from '../parse/dom'

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
 * reading time. Innermost blocks never overlap, so every character is read once.
 */
export function plainText(root: DomElement): string {
  const lines: string[] = []
  const visit = (node: DomNode): boolean => {
    let hasBlock = false
    for (let child = node.firstChild; child; child = child.nextSibling)
      if (isElement(child) && visit(child)) hasBlock = true
    if (node === root || !isElement(node) || !BLOCKS.has(node.localName)) return hasBlock
    if (!hasBlock) {
      const line = collapse(node.textContent ?? '')
      if (line) lines.push(line)
    }
    return true
  }
  if (!visit(root)) return collapse(root.textContent ?? '')
  return lines.join('\n')
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
