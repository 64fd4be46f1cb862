import { type DomElement, type DomNode, childrenOf, isElement, unwrap } from '../parse/dom'
import { startsWithBackslash, urlScheme } from '../schema/url'
import { allowlist as defaultPolicy } from './allowlist'

export type SanitizePolicy = typeof defaultPolicy

/**
 * Removes everything not in the allowlist from `root`'s subtree, in place.
 * Sanitize after the last step that could add markup (Markdown, raw HTML).
 *
 * Guarantees, together with `serialize()`: every kept attribute has a lowercase name and appears
 * once (the first spelling wins, as in browsers), so later steps that look attributes up by name see
 * exactly what a browser will act on.
 */
export function sanitize(root: DomElement, policy: SanitizePolicy = defaultPolicy): void {
  for (const child of childrenOf(root)) sanitizeNode(child, policy)
}

function sanitizeNode(node: DomNode, policy: SanitizePolicy): void {
  if (!isElement(node)) {
    // Text stays; comments, CDATA and processing instructions go.
    if (node.nodeType !== 3) node.remove()
    return
  }
  const tag = node.localName.toLowerCase()
  if (policy.dropWithContent.has(tag)) {
    node.remove()
    return
  }
  const children = childrenOf(node)
  for (const child of children) sanitizeNode(child, policy)
  if (!policy.tags.has(tag)) {
    unwrap(node)
    return
  }
  sanitizeAttributes(node, tag, policy)
}

function sanitizeAttributes(el: DomElement, tag: string, policy: SanitizePolicy): void {
  const given = Array.from(el.getAttributeNames(), (name) => ({
    name,
    value: el.getAttribute(name) ?? '',
  }))
  if (given.length === 0) return
  // The DOM keeps attribute names as written (`HREF`); browsers do not. Rebuild the set in lowercase.
  for (const { name } of given) el.removeAttribute(name)
  const allowed = policy.attributes[tag] ?? []
  const seen = new Set<string>()
  const kept: [string, string][] = []
  for (const { name, value } of given) {
    const attr = name.toLowerCase()
    if (seen.has(attr)) continue // a browser uses the first of duplicate attributes
    seen.add(attr)
    if (!allowed.includes(attr) && !policy.attributes['*']!.includes(attr)) continue
    const clean = cleanValue({ tag, attr, value }, policy)
    if (clean !== undefined) kept.push([attr, clean])
  }
  // linkedom inserts a new attribute first: add them last to first to keep the author's order.
  for (const [attr, value] of kept.reverse()) el.setAttribute(attr, value)
}

/** The value to keep, or undefined to drop the attribute. */
function cleanValue(
  { tag, attr, value }: { tag: string; attr: string; value: string },
  policy: SanitizePolicy,
): string | undefined {
  if (attr === 'style') return safeStyle(value, policy) || undefined
  if (attr === 'srcset')
    return value
      .split(',')
      .every((candidate) => isSafeUrl('src', candidate.trim().split(/\s+/)[0] ?? '', policy))
      ? value
      : undefined
  if (attr in policy.protocols) {
    if (tag === 'img' && attr === 'src' && policy.dataImage.test(value.trim())) return value
    return isSafeUrl(attr, value, policy) ? value : undefined
  }
  if (attr === 'class') return policy.codeClass.test(value) ? value : undefined
  return value
}

/** A relative URL, or one whose scheme the policy allows for this attribute. */
export function isSafeUrl(
  attr: string,
  value: string,
  policy: SanitizePolicy = defaultPolicy,
): boolean {
  const scheme = urlScheme(value)
  if (scheme === undefined) return !startsWithBackslash(value)
  return (policy.protocols[attr] ?? []).includes(scheme)
}

export function safeStyle(style: string, policy: SanitizePolicy = defaultPolicy): string {
  if (/[\\<>&]|\/\*/.test(style)) return '' // escapes, entities and comments only serve to hide things
  return style
    .split(';')
    .map((declaration) => {
      const colon = declaration.indexOf(':')
      if (colon < 0) return ''
      const property = declaration.slice(0, colon).trim().toLowerCase()
      const value = declaration.slice(colon + 1).trim()
      return policy.styles[property]?.test(value) ? `${property}: ${value}` : ''
    })
    .filter(Boolean)
    .join('; ')
}
