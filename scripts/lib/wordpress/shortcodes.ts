/**
 * WordPress shortcodes, found the way WordPress finds them (get_shortcode_regex and
 * shortcode_parse_atts, generalized to any tag name) and turned into plain HTML by the converters
 * given. A shortcode nobody converts stays in the text as it was and is reported by name: a reader
 * may see `[contact-form]`, but nothing is silently lost.
 */
export interface Shortcode {
  name: string
  attributes: Record<string, string>
  /** Positional (unnamed) attributes, in order: `[embed https://…]` style. */
  positional: string[]
  /** The enclosed content, for `[name]…[/name]`. */
  content?: string
}

/** Turns one shortcode into HTML, or returns undefined to leave it as written (and reported). */
export type Converter = (shortcode: Shortcode) => string | undefined

// \[ (\[?) (name) (attributes) (?: (/)\] | \] (?: (content) \[/name\] )? ) (\]?)
const SHORTCODE =
  /\[(\[?)([A-Za-z][\w-]*)(?![\w-])([^\]/]*(?:\/(?!\])[^\]/]*)*?)(?:(\/)\]|\](?:([^[]*(?:\[(?!\/\2\])[^[]*)*)\[\/\2\])?)(\]?)/g
const ATTRIBUTE =
  /([\w-]+)\s*=\s*"([^"]*)"(?:\s|$)|([\w-]+)\s*=\s*'([^']*)'(?:\s|$)|([\w-]+)\s*=\s*([^\s'"]+)(?:\s|$)|"([^"]*)"(?:\s|$)|'([^']*)'(?:\s|$)|(\S+)(?:\s|$)/g
/** Code samples show shortcodes rather than run them. */
const CODE = /(<(pre|code)\b[\s\S]*?<\/\2>)/i

export function parseAttributes(text: string): {
  named: Record<string, string>
  positional: string[]
} {
  const named: Record<string, string> = {}
  const positional: string[] = []
  const clean = text.replace(/[\u00a0\u200b]+/g, ' ')
  for (const m of clean.matchAll(ATTRIBUTE)) {
    if (m[1] !== undefined) named[m[1].toLowerCase()] = m[2]!
    else if (m[3] !== undefined) named[m[3].toLowerCase()] = m[4]!
    else if (m[5] !== undefined) named[m[5].toLowerCase()] = m[6]!
    else positional.push(m[7] ?? m[8] ?? m[9] ?? '')
  }
  return { named, positional }
}

/**
 * Replaces every shortcode in `html` that a converter handles (nested ones inside converted content
 * too); `unknown` is told the name of each one left as written.
 */
export function convertShortcodes(
  html: string,
  converters: Record<string, Converter>,
  unknown: (name: string) => void,
): string {
  if (!html.includes('[')) return html
  return html
    .split(CODE)
    .map((part, i) => {
      // split with two groups: [text, code, tagName, text, code, tagName, …]
      if (i % 3 === 1) return part
      if (i % 3 === 2) return ''
      return replaceIn(part, converters, unknown)
    })
    .join('')
}

function replaceIn(
  text: string,
  converters: Record<string, Converter>,
  unknown: (name: string) => void,
): string {
  return text.replace(
    SHORTCODE,
    (whole, open: string, name: string, rawAttributes: string, _self, content, close: string) => {
      // [[name]] is WordPress's way to write a shortcode as text.
      if (open === '[' && close === ']') return whole.slice(1, -1)
      const { named, positional } = parseAttributes(rawAttributes)
      const inner =
        content === undefined ? undefined : replaceIn(content as string, converters, unknown)
      const converter = converters[name.toLowerCase()]
      const converted = converter?.({
        name: name.toLowerCase(),
        attributes: named,
        positional,
        ...(inner !== undefined && { content: inner }),
      })
      if (converted !== undefined) return open + converted + close
      unknown(name)
      if (inner === undefined) return whole
      // Left as written, but the shortcodes inside it are still converted.
      const tail = `[/${name}]${close}`
      return whole.slice(0, whole.length - tail.length - (content as string).length) + inner + tail
    },
  )
}
