import { childrenOf, isElement, type DomElement, type DomNode } from '../parse/dom'
import { allowlist } from './allowlist'

/**
 * Removes everything not in the allowlist from `root`'s subtree, in place.
 * Sanitize after the last step that could add markup (Markdown, raw HTML).
 */
export function sanitize(root: DomElement): void {
  for (const child of childrenOf(root)) sanitizeNode(child)
}

function sanitizeNode(node: DomNode): void {
  if (!isElement(node)) {
    // Text stays; comments, CDATA and processing instructions go.
    if (node.nodeType !== 3) node.remove()
    return
  }
  const tag = node.localName.toLowerCase()
  if (allowlist.dropWithContent.has(tag)) {
    node.remove()
    return
  }
  const children = childrenOf(node)
  for (const child of children) sanitizeNode(child)
  if (!allowlist.tags.has(tag)) {
    node.replaceWith(...childrenOf(node))
    return
  }
  sanitizeAttributes(node, tag)
}

function sanitizeAttributes(el: DomElement, tag: string): void {
  const allowed = allowlist.attributes[tag] ?? []
  for (const { name, value } of Array.from(el.attributes)) {
    const attr = name.toLowerCase()
    const keep = (allowed.includes(attr) || allowlist.attributes['*']!.includes(attr)) && isSafeValue(tag, attr, value)
    if (!keep) {
      el.removeAttribute(name)
    } else if (attr === 'style') {
      const style = safeStyle(value)
      if (style) el.setAttribute('style', style)
      else el.removeAttribute('style')
    }
  }
}

function isSafeValue(tag: string, attr: string, value: string): boolean {
  if (attr === 'srcset') return value.split(',').every((candidate) => isSafeUrl('src', candidate.trim().split(/\s+/)[0] ?? ''))
  if (attr in allowlist.protocols) return tag === 'img' && attr === 'src' && allowlist.dataImage.test(value.trim()) ? true : isSafeUrl(attr, value)
  if (attr === 'class') return allowlist.codeClass.test(value)
  return true
}

/**
 * Browsers ignore ASCII whitespace and controls inside a scheme (`jav&#x09;ascript:`); we also drop
 * every Unicode space and invisible format character, so no later step that trims can reveal a scheme.
 */
export function isSafeUrl(attr: string, value: string): boolean {
  const compact = value.replace(/[\s\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202f\u2060-\u206f\ufeff]/g, '')
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact)?.[1]?.toLowerCase()
  if (!scheme) return !compact.startsWith('\\') // `\\evil.example` is protocol-relative in browsers
  return (allowlist.protocols[attr] ?? []).includes(scheme)
}

export function safeStyle(style: string): string {
  if (/[\\<>]|\/\*/.test(style)) return '' // escapes and comments only serve to hide things
  return style
    .split(';')
    .map((declaration) => {
      const colon = declaration.indexOf(':')
      if (colon < 0) return ''
      const property = declaration.slice(0, colon).trim().toLowerCase()
      const value = declaration.slice(colon + 1).trim()
      return allowlist.styles[property]?.test(value) ? `${property}: ${value}` : ''
    })
    .filter(Boolean)
    .join('; ')
}
