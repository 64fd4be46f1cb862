/**
 * One post's content as the article body: Gutenberg's block comments removed, classic-editor text
 * given its paragraphs (wpautop), shortcodes turned into HTML, resized images pointed at their
 * full-size original, links to other imported posts made site-relative. Pure string work (regular
 * expressions over tags, no DOM), fast enough for a hundred thousand posts; the project's sanitizer
 * still sees every body when the file is published.
 */
import { convertShortcodes, type Converter, type Shortcode } from './shortcodes'
import type { Attachment, Site } from './site'
import { urlKey } from './site'
import { decodeEntities, escapeAttribute, escapeText } from './text'
import { wpautop } from './wpautop'

export interface BodyFindings {
  /** Shortcodes left in the text as written, by name. */
  unknownShortcodes: string[]
  /** Blocks that store no HTML (rendered by PHP on each view): nothing of them can be imported. */
  dynamicBlocks: string[]
  /** Attachment ids a gallery, caption or image names that the export does not hold. */
  missingAttachments: string[]
  usedAttachments: Set<string>
  /** The `src` of every image in the body, as written. */
  images: string[]
}

const BLOCK_COMMENT = /<!--\s*\/?wp:[\s\S]*?-->/g
// A block comment's attributes are JSON that never contains `-->`.
const SELF_CLOSING_BLOCK = /<!--\s*wp:([a-z0-9/_-]+)(\s+\{(?:(?!-->)[\s\S])*\})?\s*\/-->/g
const REUSABLE = /<!--\s*wp:block\s+(\{(?:(?!-->)[\s\S])*\})\s*\/-->/g
const MORE = /<!--(?:more(?:[\s\S]*?)|nextpage|noteaser)-->/g
const CODE = /(<(pre|code)\b[\s\S]*?<\/\2>)/i
const URL_LINE = /^([ \t]*)(https?:\/\/[^\s<>"'[\]]+)([ \t]*)$/gm
const TAG = /<(img|a)\b((?:[^>"']|"[^"]*"|'[^']*')*)>/gi
const ATTRIBUTE = /([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g
const IMAGE_FILE = /\.(?:jpe?g|png|gif|webp|avif|svg|bmp|tiff?)(?:\?.*)?$/i

export function convertBody(
  raw: string,
  {
    site,
    postId,
    ...options
  }: {
    site: Site
    /** The post's WordPress id: a gallery with no `id` shows this post's attachments. */
    postId: string
    keepSrcset?: boolean
  },
): { html: string; findings: BodyFindings } {
  const findings: BodyFindings = {
    unknownShortcodes: [],
    dynamicBlocks: [],
    missingAttachments: [],
    usedAttachments: new Set(),
    images: [],
  }
  let html = raw.replace(/\r\n?/g, '\n')
  // A reusable block is stored once and shown wherever a post points to it.
  html = html.replace(REUSABLE, (_, json: string) => {
    const ref = readRef(json)
    const content = ref ? site.reusable.get(ref) : undefined
    if (content === undefined) {
      findings.dynamicBlocks.push(`block (reusable block ${ref ?? '?'} not in the export)`)
      return ''
    }
    return content.replace(REUSABLE, '')
  })
  const gutenberg = /<!--\s*wp:/.test(html)
  for (const m of html.matchAll(SELF_CLOSING_BLOCK))
    findings.dynamicBlocks.push(m[1]!.replace(/^core\//, ''))
  html = html.replace(BLOCK_COMMENT, '').replace(MORE, '')
  html = convertShortcodes(html, converters(site, postId, findings), (name) =>
    findings.unknownShortcodes.push(name),
  )
  html = outsideCode(html, (text) =>
    text.replace(URL_LINE, (_, before: string, url: string, after: string) => {
      const href = escapeAttribute(decodeEntities(url))
      return `${before}<a href="${href}">${url}</a>${after}`
    }),
  )
  if (!gutenberg) html = wpautop(html)
  html = html.replace(
    TAG,
    (whole, name: string, attributes: string) =>
      rewriteTag(name.toLowerCase(), attributes, { site, findings, ...options }) ?? whole,
  )
  html = html
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
  return { html: html ? `${html}\n` : '', findings }
}

function readRef(json: string): string | undefined {
  try {
    const ref = (JSON.parse(json) as { ref?: unknown }).ref
    return typeof ref === 'number' || typeof ref === 'string' ? String(ref) : undefined
  } catch {
    return undefined
  }
}

function outsideCode(html: string, change: (text: string) => string): string {
  return html
    .split(CODE)
    .map((part, i) => (i % 3 === 0 ? change(part) : i % 3 === 1 ? part : ''))
    .join('')
}

const link = (url: string) => {
  const href = escapeAttribute(decodeEntities(url.trim()))
  return `<a href="${href}">${escapeText(decodeEntities(url.trim()))}</a>`
}

function figure(attachment: Attachment, findings: BodyFindings): string {
  findings.usedAttachments.add(attachment.id)
  const size = `${attachment.width ? ` width="${attachment.width}"` : ''}${attachment.height ? ` height="${attachment.height}"` : ''}`
  const caption = attachment.caption
    ? `<figcaption>${escapeText(attachment.caption)}</figcaption>`
    : ''
  return `<figure><img src="${escapeAttribute(attachment.url)}" alt="${escapeAttribute(attachment.alt)}"${size}>${caption}</figure>`
}

const MEDIA_SOURCES = [
  'src',
  'mp4',
  'm4v',
  'webm',
  'ogv',
  'wmv',
  'flv',
  'mp3',
  'ogg',
  'oga',
  'm4a',
  'wav',
]

function converters(site: Site, postId: string, findings: BodyFindings): Record<string, Converter> {
  const attachment = (id: string) => {
    const found = site.attachments.get(id)
    if (!found) findings.missingAttachments.push(id)
    return found
  }
  const caption: Converter = ({ attributes, content = '' }) => {
    const id = /attachment_(\d+)/.exec(attributes.id ?? '')?.[1]
    if (id && site.attachments.has(id)) findings.usedAttachments.add(id)
    const m = /^\s*((?:<a [^>]+>\s*)?<img [^>]+>(?:\s*<\/a>)?)([\s\S]*)$/i.exec(content)
    const media = m ? m[1]! : content.trim()
    const text = (attributes.caption ?? (m ? m[2]! : '')).trim()
    if (!m && !attributes.caption) return content
    return `<figure>${media.trim()}${text ? `<figcaption>${text}</figcaption>` : ''}</figure>`
  }
  const gallery: Converter = ({ attributes }) => {
    const listed = (attributes.ids ?? attributes.include ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => /^\d+$/.test(s))
    const excluded = new Set((attributes.exclude ?? '').split(',').map((s) => s.trim()))
    const parent = attributes.id && /^\d+$/.test(attributes.id) ? attributes.id : postId
    const images = listed.length
      ? listed.map(attachment).filter((a): a is Attachment => !!a)
      : (site.children.get(parent) ?? []).filter(
          (a) => !excluded.has(a.id) && IMAGE_FILE.test(a.url),
        )
    return images.map((a) => figure(a, findings)).join('')
  }
  const media: Converter = ({ attributes, positional, content }) => {
    const url =
      MEDIA_SOURCES.map((key) => attributes[key]).find(Boolean) ??
      positional.find((p) => /^https?:\/\//.test(p)) ??
      (content && /^\s*https?:\/\/\S+\s*$/.test(content) ? content : undefined)
    return url ? link(url) : undefined
  }
  const embed: Converter = (shortcode: Shortcode) =>
    shortcode.content?.trim() ? link(shortcode.content) : media(shortcode)
  const playlist: Converter = ({ attributes }) => {
    const ids = (attributes.ids ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
    const files = ids.map(attachment).filter((a): a is Attachment => !!a)
    for (const file of files) findings.usedAttachments.add(file.id)
    return files.length ? files.map((f) => `<p>${link(f.url)}</p>`).join('') : undefined
  }
  return {
    caption,
    wp_caption: caption,
    gallery,
    embed,
    video: media,
    audio: media,
    youtube: media,
    vimeo: media,
    playlist,
  }
}

/** What rewriting a tag needs to know: the export, where findings go, whether srcset stays. */
interface TagContext {
  site: Site
  findings: BodyFindings
  keepSrcset?: boolean
}

/** Points an image at its full-size file (and an internal link at its new URL); undefined: unchanged. */
function rewriteTag(name: string, attributeText: string, context: TagContext): string | undefined {
  const attributes = new Map<string, string>()
  for (const m of attributeText.matchAll(ATTRIBUTE)) {
    const key = m[1]!.toLowerCase()
    if (!attributes.has(key)) attributes.set(key, decodeEntities(m[2] ?? m[3] ?? m[4] ?? ''))
  }
  const changed =
    name === 'img' ? rewriteImage(attributes, context) : rewriteLink(attributes, context.site)
  if (!changed) return undefined
  const written = [...attributes]
    .map(([key, value]) => ` ${key}="${escapeAttribute(value)}"`)
    .join('')
  return `<${name}${written}>`
}

/** An image's attributes pointed at its attachment's full-size file; whether any changed. */
function rewriteImage(attributes: Map<string, string>, context: TagContext): boolean {
  const { site, findings } = context
  let changed = false
  const src = attributes.get('src')
  const byClass = /\bwp-image-(\d+)\b/.exec(attributes.get('class') ?? '')?.[1]
  const byFile = src ? fileOf(src, site) : undefined
  const attachment = byFile ?? (byClass ? site.attachments.get(byClass) : undefined)
  if (attachment) findings.usedAttachments.add(attachment.id)
  if (byFile && src !== byFile.url) {
    attributes.set('src', byFile.url)
    // The resized copy's width and height would be the wrong pair for the original; the ratio holds.
    if (byFile.width && byFile.height) {
      attributes.set('width', String(byFile.width))
      attributes.set('height', String(byFile.height))
    }
    changed = true
  }
  // With media downloads the largest candidate is brought in, and srcset goes then (media/rewrite).
  if (!context.keepSrcset && (attributes.has('srcset') || attributes.has('sizes'))) {
    attributes.delete('srcset')
    attributes.delete('sizes')
    changed = true
  }
  if (attachment?.alt && !attributes.get('alt')) {
    attributes.set('alt', attachment.alt)
    changed = true
  }
  const final = attributes.get('src')
  if (final) findings.images.push(final)
  return changed
}

/** A link's href pointed at the imported post's new URL; whether it changed. */
function rewriteLink(attributes: Map<string, string>, site: Site): boolean {
  const href = attributes.get('href')
  const target = href ? internalTarget(href, site) : undefined
  if (!target || target === href) return false
  attributes.set('href', target)
  return true
}

/** The attachment whose file (full size or a resized copy) this URL is. */
export function fileOf(url: string, site: Site): Attachment | undefined {
  const key = urlKey(url, site.baseUrl)
  if (!key) return undefined
  const known = site.files.get(key)
  if (known) return known
  // A size the metadata does not list (`-1024x576` made later by a plugin).
  const original = key.replace(/-\d+x\d+(\.[a-z0-9]+)$/i, '$1')
  return original === key ? undefined : site.files.get(original)
}

/** A link to an imported post, rewritten to its new site-relative URL (its #fragment kept). */
export function internalTarget(href: string, site: Site): string | undefined {
  const key = urlKey(href, site.baseUrl)
  if (!key) return undefined
  const host = key.slice(0, key.search(/[/?]|$/))
  if (!site.hosts.has(host)) return undefined
  const path = site.links.get(key)
  if (path) {
    const hash = href.indexOf('#')
    return hash >= 0 ? `${path}${href.slice(hash)}` : path
  }
  const file = fileOf(href, site)
  return file?.url
}
