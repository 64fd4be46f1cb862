import type { DomElement } from '../parse/dom'

const BLOCKS = 'p, li, h1, h2, h3, h4, h5, h6, blockquote, pre, td, th, dt, dd, figcaption, caption'

/** The body as plain text, one line per block, for the JSON API, descriptions and reading time. */
export function plainText(root: DomElement): string {
  const blocks = Array.from(root.querySelectorAll(BLOCKS)).filter((el) => !el.querySelector(BLOCKS))
  const lines = (blocks.length ? blocks : [root]).map((el) => collapse(el.textContent ?? ''))
  return lines.filter(Boolean).join('\n')
}

/** The first paragraph with words in it: the description when front matter has none. */
export function firstParagraph(root: DomElement): string | undefined {
  for (const p of Array.from(root.querySelectorAll('p'))) {
    const text = collapse(p.textContent ?? '')
    if (text) return text
  }
  return undefined
}

export interface BodyImage {
  src: string
  alt?: string
  width?: number
  height?: number
}

/** The first body image with a usable URL: the share image when front matter names none. */
export function firstImage(root: DomElement): BodyImage | undefined {
  const img = Array.from(root.querySelectorAll('img[src]')).find((el) => !el.getAttribute('src')!.startsWith('data:'))
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
