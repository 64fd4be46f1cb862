/**
 * The XSS oracle: everything in sanitized HTML that could run script, navigate or submit somewhere,
 * replace the page's own markup or styles, or clobber its globals. It judges from what HTML itself
 * can do (the elements and attributes browsers give script, URLs, loading or parsing powers), never
 * from a list of what the sanitizer keeps: it imports nothing from src/ and mirrors no allowlist, so
 * an element or attribute is harmless here unless it has a power, and dangerous whatever a list says.
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
  /** Elements with a power of their own, whatever their attributes. */
  const POWERS: Record<string, string> = {
    script: 'runs script',
    // Nested browsing contexts and plug-ins: run their own documents (srcdoc, data:, any origin).
    iframe: 'embeds a document',
    frame: 'embeds a document',
    frameset: 'embeds documents',
    object: 'embeds a plug-in or document',
    embed: 'embeds a plug-in or document',
    applet: 'embeds a plug-in',
    portal: 'embeds a document',
    fencedframe: 'embeds a document',
    // The document's own machinery.
    base: 'rebases every relative URL of the page',
    meta: 'can refresh to a URL or set policies (http-equiv)',
    link: 'loads stylesheets, imports or preloads',
    style: 'restyles the whole page (and parses differently in SVG: mutation XSS)',
    // Forms submit (to any action) and can phish for what the reader types.
    form: 'submits to an action',
    input: 'is a form control',
    button: 'is a form control (formaction)',
    select: 'is a form control',
    textarea: 'is a form control (raw text: parsers disagree on it)',
    keygen: 'is a form control',
    isindex: 'is a form control',
    // Raw-text and parser-switching containers: serialized and re-parsed, their content can become
    // markup (the classic mutation-XSS carriers).
    noscript: 'parses differently with script on (mutation XSS)',
    noembed: 'is a raw-text container (mutation XSS)',
    noframes: 'is a raw-text container (mutation XSS)',
    xmp: 'is a raw-text container (mutation XSS)',
    plaintext: 'swallows the rest of the page as text',
    title: 'is a raw-text container (mutation XSS)',
    template: 'holds markup a script can stamp out',
    // SVG: script, event-like animation, foreign content and external references.
    foreignobject: 'embeds HTML inside SVG',
    animate: 'can animate an href to a javascript: URL',
    set: 'can set an href to a javascript: URL',
    animatemotion: 'SVG animation (begin/end events)',
    animatetransform: 'SVG animation (begin/end events)',
    handler: 'SVG event handler',
    listener: 'SVG event listener',
    use: 'references (possibly external) SVG content',
    feimage: 'loads an image or document into a filter',
    // MathML: actions, and annotations carrying HTML (namespace-confusion mutation XSS).
    maction: 'MathML action (toggles and links)',
    'annotation-xml': 'can carry HTML inside MathML (mutation XSS)',
  }
  /** Attributes whose value is a URL the browser fetches or navigates to. */
  const URL_ATTRIBUTES = new Set([
    'href',
    'xlink:href',
    'src',
    'srcset',
    'imagesrcset',
    'action',
    'formaction',
    'data',
    'poster',
    'background',
    'cite',
    'ping',
    'longdesc',
    'lowsrc',
    'dynsrc',
    'codebase',
    'archive',
    'manifest',
    'icon',
    'profile',
  ])
  /** Schemes that only fetch or navigate: anything else may run (javascript:, vbscript:, data:…). */
  const INERT_SCHEMES = new Set(['http', 'https', 'mailto', 'tel'])
  /** Attributes with a power of their own, on any element. */
  const ATTRIBUTE_POWERS: Record<string, string> = {
    srcdoc: 'is a whole document',
    'http-equiv': 'acts like a response header',
    formaction: 'submits a form',
    action: 'submits a form',
    autofocus: 'fires focus events unasked',
    popover: 'can cover the page in the top layer',
    is: 'instantiates a custom element',
    attributename: 'animates another attribute (SVG)',
  }
  /** IDs the page itself uses: a second one breaks its links and scripts. */
  const PAGE_IDS = new Set(['content', 'toc-title'])

  /**
   * A URL's scheme as a browser reads it: the parser has already decoded character references; the
   * URL parser drops leading/trailing C0 controls and spaces and every tab and newline inside, so
   * `java&#9;script:`, ` javascript:` and `JaVaScRiPt:` are all `javascript:`. Other invisible
   * characters are removed too, to be safe.
   */
  const scheme = (url: string) =>
    /^([a-z][a-z0-9+.-]*):/i
      .exec(
        url.replace(
          // eslint-disable-next-line no-control-regex -- browsers ignore these in a URL's scheme, so must the check
          /[\s\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202f\u2060-\u206f\ufeff]/g,
          '',
        ),
      )?.[1]
      ?.toLowerCase()
  /** CSS that fetches, runs, imports or lifts content out of its place to cover the page. */
  const cssDanger = (css: string): string | undefined => {
    // Escapes and comments can spell any of the below in pieces (`u\72l(`, `exp/**/ression`).
    if (/\\|\/\*/.test(css)) return 'escapes or comments that can hide anything'
    const found =
      /(url|image-set|image|cross-fade|element|paint)\s*\(|expression\s*\(|@import|behavior\s*:|-moz-binding|javascript:|vbscript:/i.exec(
        css,
      )
    if (found) return `${found[0]} fetches or runs`
    if (/(^|[;\s])position\s*:\s*(fixed|absolute|sticky)/i.test(css))
      return 'positioned out of the flow (can cover the page)'
    return undefined
  }

  const found: string[] = []
  const visit = (el: InspectedElement) => {
    const tag = el.localName.toLowerCase()
    const power = POWERS[tag]
    if (power) found.push(`<${tag}> ${power}`)
    for (const { name, value } of Array.from(el.attributes)) {
      const attr = name.toLowerCase()
      if (attr.startsWith('on')) found.push(`${tag}[${attr}] event handler`)
      const attrPower = ATTRIBUTE_POWERS[attr]
      if (attrPower) found.push(`${tag}[${attr}] ${attrPower}`)
      if (URL_ATTRIBUTES.has(attr) || attr.endsWith(':href')) {
        const urls = /srcset$/.test(attr)
          ? value.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '')
          : [value]
        for (const url of urls) {
          const s = scheme(url)
          // A raster data: image in an <img> shows pixels; nothing in it can run.
          const rasterData =
            tag === 'img' && /^data:image\/(png|jpe?g|gif|webp|avif);base64,/i.test(url.trim())
          if (s && !INERT_SCHEMES.has(s) && !rasterData) found.push(`${tag}[${attr}] ${s}: URL`)
          // Browsers read a leading backslash as a slash: `\\evil.example` is another host.
          // eslint-disable-next-line no-control-regex -- browsers skip leading C0 controls before a backslash
          if (/^[\s\u0000-\u0020]*\\/.test(url)) found.push(`${tag}[${attr}] backslash URL`)
        }
      }
      if (attr === 'style') {
        const danger = cssDanger(value)
        if (danger) found.push(`${tag}[style] ${danger}: ${value}`)
      }
      // An id or name that is a JavaScript name becomes `window.<id>` / `document.<name>`.
      if (attr === 'id' && (PAGE_IDS.has(value) || /^[A-Za-z_$][\w$]*$/.test(value)))
        found.push(`${tag}[id] ${value} can clobber`)
      if (attr === 'name' && /^(img|form|embed|object|iframe)$/.test(tag))
        found.push(`${tag}[name] ${value} can clobber document.${value}`)
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
