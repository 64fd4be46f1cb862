import {
  type DomElement,
  type DomNode,
  TEXT_NODE,
  childrenOf,
  isElement,
  unwrap,
} from '../parse/dom'

/** Blocks that editors leave behind empty: `<p>&nbsp;</p>`, `<p><br></p>`, `<div> </div>`. */
const EMPTY_CANDIDATES = new Set([
  'p',
  'div',
  'span',
  'b',
  'strong',
  'em',
  'i',
  'u',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'blockquote',
])
/** Elements that are content even without text. */
const CONTENT = new Set(['img', 'hr', 'table', 'time'])
// eslint-disable-next-line no-misleading-character-class -- the joiners are listed as invisible characters on their own
const BLANK = /^[\s\u00a0\u200b\u200c\u200d\u2060\ufeff]*$/

/**
 * Drops editor artifacts, in place: empty blocks (deepest first, so `<p><span>&nbsp;</span></p>`
 * empties its `<p>` too) and bare `<span>`s with no attributes left. One walk over the tree.
 */
export function cleanup(root: DomElement): void {
  for (const child of childrenOf(root)) clean(child)
}

/** Cleans a subtree; true when what is left of it shows something (text or content). */
function clean(node: DomNode): boolean {
  if (!isElement(node)) return node.nodeType === TEXT_NODE && !BLANK.test(node.textContent ?? '')
  let shows = CONTENT.has(node.localName)
  for (const child of childrenOf(node)) if (clean(child)) shows = true
  if (!shows && EMPTY_CANDIDATES.has(node.localName)) {
    node.remove()
    return false
  }
  if (node.localName === 'span' && node.getAttributeNames().length === 0) unwrap(node)
  return shows
}

/**
 * Removes the body's copy of the article's main image: the page shows that image as its hero
 * already. The first block (a bare image, or a paragraph or figure) holding that image and no text
 * but a caption goes, wherever it is; an image inside a sentence stays. Returns the removed `<img>`'s
 * alt text, which often describes it best.
 */
export function dropHeroImage(root: DomElement, imageUrl: string | undefined): string | undefined {
  if (!imageUrl) return undefined
  for (let block = root.firstChild; block; block = block.nextSibling) {
    if (!isElement(block)) continue
    const images =
      block.localName === 'img'
        ? [block]
        : block.localName === 'p' || block.localName === 'figure'
          ? imagesIn(block, 2)
          : []
    // The image and nothing else: a paragraph of several images, or of text, stays in the body.
    const [img] = images
    if (images.length !== 1 || img!.getAttribute('src') !== imageUrl) continue
    const text =
      block.localName === 'figure'
        ? [...childrenOf(block)]
            .filter((c) => !isElement(c) || c.localName !== 'figcaption')
            .map((c) => c.textContent ?? '')
            .join('')
        : (block.textContent ?? '')
    if (img !== block && !BLANK.test(text)) continue
    block.remove()
    return img!.getAttribute('alt') ?? undefined
  }
  return undefined
}

/** The first `max` images inside a node. */
function imagesIn(node: DomNode, max: number, found: DomElement[] = []): DomElement[] {
  for (let child = node.firstChild; child && found.length < max; child = child.nextSibling) {
    if (!isElement(child)) continue
    if (child.localName === 'img') found.push(child)
    else imagesIn(child, max, found)
  }
  return found
}
