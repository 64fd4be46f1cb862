import { parseHTML } from 'linkedom'
import { allowlist } from '../../src/transform/allowlist'
import type { PageElement } from './html'

/** Attributes our own transforms add after sanitizing: heading ids, lazy images, safe external links. */
const ADDED_BY_TRANSFORMS: Record<string, string[]> = {
  img: ['loading', 'decoding'],
  a: ['rel', 'target'],
  h2: ['id'], h3: ['id'], h4: ['id'], h5: ['id'], h6: ['id'],
}

/**
 * Everything that could run script or reach out in sanitized HTML, listed: elements outside the
 * allowlist, event handlers, attributes the element may not have, dangerous URL schemes, and CSS
 * beyond the allowed properties. An empty list means the markup is inert. The HTML is parsed afresh,
 * so problems created by serializing and re-parsing (mutation XSS) show too.
 */
export function dangers(html: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`)
  const found: string[] = []
  for (const el of Array.from(document.body.querySelectorAll('*')) as PageElement[]) {
    const tag = el.localName.toLowerCase()
    if (!allowlist.tags.has(tag)) found.push(`<${tag}>`)
    const allowed = [...(allowlist.attributes[tag] ?? []), ...allowlist.attributes['*']!, ...(ADDED_BY_TRANSFORMS[tag] ?? [])]
    for (const { name, value } of Array.from(el.attributes)) {
      const attr = name.toLowerCase()
      if (attr.startsWith('on')) found.push(`${tag}[${attr}] handler`)
      else if (!allowed.includes(attr)) found.push(`${tag}[${attr}] not allowed`)
      if (['href', 'src', 'cite', 'srcset', 'action', 'formaction', 'xlink:href'].includes(attr)) {
        const urls = attr === 'srcset' ? value.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '') : [value]
        for (const url of urls) {
          const compact = url.replace(/[\s\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202f\u2060-\u206f\ufeff]/g, '').toLowerCase()
          const scheme = /^([a-z][a-z0-9+.-]*):/.exec(compact)?.[1]
          const dataImage = tag === 'img' && attr === 'src' && allowlist.dataImage.test(url.trim())
          if (scheme && !['http', 'https', 'mailto', 'tel'].includes(scheme) && !dataImage) found.push(`${tag}[${attr}] ${scheme}: URL`)
          if (compact.startsWith('\\')) found.push(`${tag}[${attr}] backslash URL`)
        }
      }
      if (attr === 'style') {
        if (/url\s*\(|expression|@import|\\|behavior|binding|javascript/i.test(value)) found.push(`${tag}[style] ${value}`)
        for (const declaration of value.split(';').filter((d) => d.trim())) {
          const property = declaration.split(':')[0]!.trim().toLowerCase()
          if (!(property in allowlist.styles)) found.push(`${tag}[style] ${property}`)
        }
      }
    }
  }
  return found
}
