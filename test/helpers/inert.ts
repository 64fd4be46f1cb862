/**
 * The XSS oracle: everything in sanitized HTML that could run script, reach out, cover the page or
 * clobber globals. It stands apart from the code it judges (it imports nothing from src/): its idea
 * of safe markup is written out here, so loosening the sanitizer's allowlist cannot loosen it.
 *
 * `findDangers` is self-contained (no imports, no outer variables) so the very same function runs on
 * linkedom's DOM inside workerd and, through Playwright, on Chromium's DOM in the browser tests.
 */
import { parseHTML } from 'linkedom'

/** The little of the DOM the oracle reads; both linkedom and browsers provide it. */
export interface InspectedElement {
  localName: string
  attributes: ArrayLike<{ name: string; value: string }>
  children: ArrayLike<InspectedElement>
}

export function findDangers(root: InspectedElement): string[] {
  const SAFE_ELEMENTS = new Set(
    (
      'p br hr h1 h2 h3 h4 h5 h6 blockquote pre code kbd samp var em strong b i u s del ins mark small sub sup abbr ' +
      'cite q dfn time span div a img figure figcaption ul ol li dl dt dd table thead tbody tfoot tr th td caption ' +
      'colgroup col details summary ruby rt rp bdi bdo wbr'
    ).split(' '),
  )
  const GLOBAL_ATTRIBUTES = ['title', 'lang', 'dir', 'style']
  const SAFE_ATTRIBUTES: Record<string, string[]> = {
    a: ['href', 'hreflang', 'rel'],
    img: ['src', 'srcset', 'sizes', 'alt', 'width', 'height', 'loading', 'decoding'],
    blockquote: ['cite'],
    q: ['cite'],
    del: ['cite', 'datetime'],
    ins: ['cite', 'datetime'],
    time: ['datetime'],
    ol: ['start', 'reversed', 'type'],
    li: ['value'],
    th: ['colspan', 'rowspan', 'scope', 'abbr'],
    td: ['colspan', 'rowspan'],
    col: ['span'],
    colgroup: ['span'],
    details: ['open'],
    code: ['class'],
    h2: ['id'],
    h3: ['id'],
    h4: ['id'],
    h5: ['id'],
    h6: ['id'],
  }
  const URL_ATTRIBUTES = new Set([
    'href',
    'src',
    'cite',
    'action',
    'formaction',
    'data',
    'poster',
    'background',
    'xlink:href',
    'ping',
  ])
  const SCHEMES = new Set(['http', 'https', 'mailto', 'tel'])
  const STYLE_PROPERTIES = new Set([
    'color',
    'background-color',
    'text-align',
    'font-weight',
    'font-style',
    'text-decoration',
  ])
  const PAGE_IDS = new Set(['content', 'toc-title'])

  const scheme = (url: string) =>
    /^([a-z][a-z0-9+.-]*):/i
      .exec(
        url.replace(
          // eslint-disable-next-line no-control-regex -- browsers ignore these in a URL's scheme, so must the check
          /[\s\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202f\u2060-\u206f\ufeff]/g,
          '',
        ),
      )?.[1]
      ?.toLowerCase()
  const found: string[] = []
  const visit = (el: InspectedElement) => {
    const tag = el.localName.toLowerCase()
    if (!SAFE_ELEMENTS.has(tag)) found.push(`<${tag}> element`)
    for (const { name, value } of Array.from(el.attributes)) {
      const attr = name.toLowerCase()
      if (attr.startsWith('on')) found.push(`${tag}[${attr}] event handler`)
      else if (!GLOBAL_ATTRIBUTES.includes(attr) && !(SAFE_ATTRIBUTES[tag] ?? []).includes(attr))
        found.push(`${tag}[${attr}] attribute`)
      const urls =
        attr === 'srcset'
          ? value.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '')
          : URL_ATTRIBUTES.has(attr)
            ? [value]
            : []
      for (const url of urls) {
        const s = scheme(url)
        const rasterData =
          tag === 'img' && /^data:image\/(png|jpe?g|gif|webp|avif);base64,/i.test(url.trim())
        if (s && !SCHEMES.has(s) && !rasterData) found.push(`${tag}[${attr}] ${s}: URL`)
        // eslint-disable-next-line no-control-regex -- browsers skip leading C0 controls before a backslash
        if (/^[\s\u0000-\u0020]*\\/.test(url)) found.push(`${tag}[${attr}] backslash URL`)
      }
      if (attr === 'style') {
        if (/url\s*\(|expression|@import|\\|behavior|binding|javascript|\/\*|&/i.test(value))
          found.push(`${tag}[style] ${value}`)
        for (const declaration of value.split(';').filter((d) => d.trim())) {
          const property = declaration.split(':')[0]!.trim().toLowerCase()
          if (!STYLE_PROPERTIES.has(property)) found.push(`${tag}[style] ${property}`)
        }
      }
      if (attr === 'class' && !/^language-[\w-]+$/.test(value)) found.push(`${tag}[class] ${value}`)
      if (attr === 'rel' && !/^(noopener|noreferrer|nofollow|ugc|\s)+$/.test(value))
        found.push(`${tag}[rel] ${value}`)
      // An id that is a JavaScript name becomes `window.<id>`; one the page uses breaks its links.
      if (attr === 'id' && (PAGE_IDS.has(value) || /^[A-Za-z_$][\w$]*$/.test(value)))
        found.push(`${tag}[id] ${value} can clobber`)
    }
    for (const child of Array.from(el.children)) visit(child)
  }
  for (const child of Array.from(root.children)) visit(child)
  return found
}

/**
 * Dangers in an HTML fragment, parsed afresh: what serializing and re-parsing produces (mutation XSS)
 * is judged, not the sanitizer's own tree.
 */
export function dangers(html: string): string[] {
  // linkedom's result is typed with the DOM lib's Window, which the Worker's lib lacks.
  const { document } = parseHTML(`<!DOCTYPE html><html><body>${html}</body></html>`) as {
    document: { body: InspectedElement }
  }
  return findDangers(document.body)
}
