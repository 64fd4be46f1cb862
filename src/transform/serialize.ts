import { isElement, type DomElement, type DomNode } from '../parse/dom'

/** Elements with no end tag. */
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
])

/**
 * The body's children as HTML, escaped so a browser parses back exactly this tree: text escapes
 * `& < >`, attribute values `& < > "`. (linkedom's own serializer leaves `&` raw in attribute
 * values, so `&amp;#106;` would reach a browser as `&#106;` and decode a second time.)
 */
export function serialize(root: DomElement): string {
  const out: string[] = []
  for (let child = root.firstChild; child; child = child.nextSibling) write(child, out)
  return out.join('')
}

function write(node: DomNode, out: string[]): void {
  if (!isElement(node)) {
    if (node.nodeType === 3) out.push(escapeText(node.textContent ?? ''))
    return // sanitized bodies hold nothing else
  }
  const tag = node.localName
  out.push('<', tag)
  for (const name of Array.from(node.getAttributeNames()))
    out.push(' ', name, '="', escapeAttribute(node.getAttribute(name) ?? ''), '"')
  out.push('>')
  if (VOID.has(tag)) return
  // A parser drops one newline right after <pre>: write one more so a leading newline survives.
  if (
    tag === 'pre' &&
    node.firstChild?.nodeType === 3 &&
    node.firstChild.textContent?.startsWith('\n')
  )
    out.push('\n')
  for (let child = node.firstChild; child; child = child.nextSibling) write(child, out)
  out.push('</', tag, '>')
}

const TEXT = /[&<>\u00a0]/g
const ATTRIBUTE = /[&<>"]/g
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\u00a0': '&#160;',
}

export const escapeText = (text: string) => text.replace(TEXT, (c) => ENTITIES[c]!)
export const escapeAttribute = (value: string) => value.replace(ATTRIBUTE, (c) => ENTITIES[c]!)
