/**
 * Points an article's remote images at files in the content folder: the front matter's `image`
 * (a URL, or `url`/`path` of an image object), `<img src>` and `<a href>` to an image file in HTML
 * (and in Markdown's raw HTML) and `![alt](url)` in Markdown, outside code. Only the reference itself changes (alt text, captions,
 * quoting and everything else stay byte for byte); a reference whose fetch failed stays as written.
 * Of an `<img>` with `srcset`, the largest candidate is brought in and `srcset`/`sizes` go: the site
 * makes its own sizes from the original.
 */
import { dirname, relative, sep } from 'node:path'
import MarkdownIt from 'markdown-it'
import { isMap, isScalar, parseDocument, Scalar } from 'yaml'
import type { SourceFormat } from '../../../src/schema/article'
import type { MediaFetcher } from './fetch'

export interface LocalizeOptions {
  /** The article file on disk: references are written relative to its folder. */
  file: string
  /** Names the article in the report: `ko/a.html`. */
  where: string
  format: SourceFormat
  fetcher: MediaFetcher
  /** The original of a resized copy, when something knows it (the importer, from the export). */
  original?: (url: string) => string
}

export interface Localized {
  text: string
  /** References now pointing at files in the content folder. */
  local: number
  /** References left as written (fetch failed or not attempted), as written. */
  remote: string[]
}

interface Edit {
  start: number
  end: number
  text: string
}

/** One reference: the URLs that would do, best first, and the edits that point it at a file. */
interface Reference {
  written: string
  candidates: string[]
  edits: (path: string) => Edit[]
}

export async function localizeArticle(text: string, options: LocalizeOptions): Promise<Localized> {
  const original = options.original ?? ((url: string) => url)
  const references = [...frontMatterImage(text), ...bodyImages(text, options.format)]
  const edits: Edit[] = []
  const remote: string[] = []
  await Promise.all(
    references.map(async (reference) => {
      const candidates = [...new Set(reference.candidates.flatMap((url) => [original(url), url]))]
      for (const url of candidates) {
        const outcome = await options.fetcher.get(url, options.where)
        if (outcome.kind === 'fetched' || outcome.kind === 'present') {
          edits.push(...reference.edits(referencePath(options.file, outcome.file)))
          return
        }
      }
      remote.push(reference.written)
    }),
  )
  let out = text
  for (const edit of edits.sort((a, b) => b.start - a.start))
    out = `${out.slice(0, edit.start)}${edit.text}${out.slice(edit.end)}`
  return { text: out, local: references.length - remote.length, remote }
}

/** `../media/host/2024/06/평양 거리.jpg` → `../media/host/2024/06/평양%20거리.jpg`: readable, never broken. */
export function referencePath(articleFile: string, mediaFile: string): string {
  return relative(dirname(articleFile), mediaFile)
    .split(sep)
    .map((segment) => segment.replace(/[%?#\s"'<>\\^`{|}()[\]]/g, (c) => encodeURIComponent(c)))
    .join('/')
}

/** A remote image URL as fetched (`//host/a.jpg` is https), or undefined for a site path. */
function remoteUrl(value: string): string | undefined {
  const trimmed = value.trim()
  if (/^https?:\/\//i.test(trimmed) || /^data:/i.test(trimmed)) return trimmed
  if (trimmed.startsWith('//')) return `https:${trimmed}`
  return undefined
}

/** Where the YAML and the body are (the same split as the site's parser). */
function parts(text: string): { yamlStart: number; yamlEnd: number; bodyStart: number } {
  const open = /^---[ \t]*\n/.exec(text)
  if (!open) return { yamlStart: 0, yamlEnd: 0, bodyStart: 0 }
  const rest = text.slice(open[0].length)
  const close = /^(?:---|\.\.\.)[ \t]*$/m.exec(rest)
  if (!close) return { yamlStart: 0, yamlEnd: 0, bodyStart: 0 }
  const yamlStart = open[0].length
  return {
    yamlStart,
    yamlEnd: yamlStart + close.index,
    bodyStart: yamlStart + close.index + close[0].length,
  }
}

function frontMatterImage(text: string): Reference[] {
  const { yamlStart, yamlEnd } = parts(text)
  if (yamlEnd <= yamlStart) return []
  const doc = parseDocument(text.slice(yamlStart, yamlEnd))
  // A file the parser refuses is left to the push's own check, which names the line.
  if (doc.errors.length || !isMap(doc.contents)) return []
  const image = doc.contents.get('image', true)
  const node = isMap(image)
    ? (image.get('url', true) ?? image.get('path', true))
    : isScalar(image)
      ? image
      : undefined
  if (!isScalar(node) || typeof node.value !== 'string' || !node.range) return []
  const url = remoteUrl(node.value)
  if (!url) return []
  const [start, end] = node.range
  const style = node.type
  return [
    {
      written: node.value,
      candidates: [url],
      edits: (path) => [
        { start: yamlStart + start, end: yamlStart + end, text: yamlScalar(path, style) },
      ],
    },
  ]
}

/** A path as YAML: in the quotes the author used, plain when that is safe. */
function yamlScalar(path: string, style: Scalar['type']): string {
  if (style === Scalar.QUOTE_SINGLE) return `'${path.replaceAll("'", "''")}'`
  if (style === Scalar.PLAIN && /^[\w.][^:#]*$/u.test(path) && !/\s$/.test(path)) return path
  return JSON.stringify(path)
}

const IMG = /<img\b((?:[^>"']|"[^"]*"|'[^']*')*)>/gi
const LINK = /<a\b((?:[^>"']|"[^"]*"|'[^']*')*)>/gi
const IMAGE_PATH = /\.(?:jpe?g|png|gif|webp|avif)$/i
const ATTRIBUTE = /(\s*)([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g
const MD_IMAGE =
  /!\[((?:[^\]\\\n]|\\.)*)\]\((\s*)(<[^>\n]*>|[^\s()]+)(\s+(?:"[^"\n]*"|'[^'\n]*'|\([^)\n]*\)))?\s*\)/g

function bodyImages(text: string, format: SourceFormat): Reference[] {
  const { bodyStart } = parts(text)
  const body = text.slice(bodyStart)
  const references: Reference[] = []
  for (const [start, end] of format === 'md' ? outsideCode(body) : [[0, body.length] as const]) {
    const piece = body.slice(start, end)
    const offset = bodyStart + start
    for (const m of piece.matchAll(IMG)) {
      const reference = imgTag(m[1]!, offset + m.index + 4)
      if (reference) references.push(reference)
    }
    for (const m of piece.matchAll(LINK)) {
      const reference = imageLink(m[1]!, offset + m.index + 2)
      if (reference) references.push(reference)
    }
    if (format === 'md')
      for (const m of piece.matchAll(MD_IMAGE)) {
        const target = m[3]!
        const angled = target.startsWith('<')
        const url = remoteUrl(angled ? target.slice(1, -1) : target)
        if (!url) continue
        const at = offset + m.index + 2 + m[1]!.length + 2 + m[2]!.length
        references.push({
          written: angled ? target.slice(1, -1) : target,
          candidates: [url],
          edits: (path) => [
            { start: at, end: at + target.length, text: angled ? `<${path}>` : path },
          ],
        })
      }
  }
  return references
}

/** A tag's attributes (from `at`, where they start in the file): each value and its whole span. */
function attributesOf(text: string, at: number) {
  const found = new Map<string, { value: string; start: number; end: number }>()
  for (const m of text.matchAll(ATTRIBUTE)) {
    const name = m[2]!.toLowerCase()
    if (found.has(name)) continue
    found.set(name, {
      value: decodeAttribute(m[3] ?? m[4] ?? m[5] ?? ''),
      start: at + m.index,
      end: at + m.index + m[0].length,
    })
  }
  return found
}

/**
 * A link to an image file (WordPress's "link to media file" around a picture): the full-size file,
 * brought in too, so the link still works once the old host is gone.
 */
function imageLink(attributes: string, at: number): Reference | undefined {
  const href = attributesOf(attributes, at).get('href')
  const url = href ? remoteUrl(href.value) : undefined
  if (!href || !url || url.startsWith('data:')) return undefined
  if (!IMAGE_PATH.test(url.split(/[?#]/)[0]!)) return undefined
  return {
    written: href.value,
    candidates: [url],
    edits: (path) => [
      { start: href.start, end: href.end, text: ` href="${escapeAttribute(path)}"` },
    ],
  }
}

/** An `<img>`: src, srcset and sizes. */
function imgTag(attributes: string, at: number): Reference | undefined {
  const found = attributesOf(attributes, at)
  const src = found.get('src')
  const srcUrl = src ? remoteUrl(src.value) : undefined
  if (!src || !srcUrl) return undefined
  const srcset = found.get('srcset')
  const largest = srcset ? largestCandidate(srcset.value) : undefined
  const largestUrl = largest ? remoteUrl(largest) : undefined
  const sizes = found.get('sizes')
  return {
    written: src.value,
    candidates: largestUrl ? [largestUrl, srcUrl] : [srcUrl],
    edits: (path) => [
      { start: src.start, end: src.end, text: ` src="${escapeAttribute(path)}"` },
      ...[srcset, sizes].flatMap((a) => (a ? [{ start: a.start, end: a.end, text: '' }] : [])),
    ],
  }
}

/** The widest candidate of a `srcset` (by its `w`, else its `x` descriptor), read as HTML does. */
export function largestCandidate(srcset: string): string | undefined {
  let best: { url: string; size: number; w: boolean } | undefined
  let i = 0
  while (i < srcset.length) {
    while (i < srcset.length && /[\s,]/.test(srcset[i]!)) i++
    const urlStart = i
    while (i < srcset.length && !/\s/.test(srcset[i]!)) i++
    let url = srcset.slice(urlStart, i)
    let descriptor = ''
    if (url.endsWith(',')) url = url.replace(/,+$/, '')
    else {
      const comma = srcset.indexOf(',', i)
      const end = comma < 0 ? srcset.length : comma
      descriptor = srcset.slice(i, end).trim()
      i = end + 1
    }
    if (!url) continue
    const m = /^(\d+(?:\.\d+)?)([wx])$/.exec(descriptor)
    const candidate = { url, size: m ? Number(m[1]) : 1, w: m?.[2] === 'w' }
    if (!best || (candidate.w && !best.w) || (candidate.w === best.w && candidate.size > best.size))
      best = candidate
  }
  return best?.url
}

const decodeAttribute = (value: string) =>
  value.replace(/&(amp|quot|#39|lt|gt);/g, (_, name: string) =>
    name === 'amp' ? '&' : name === 'quot' ? '"' : name === '#39' ? "'" : name === 'lt' ? '<' : '>',
  )

const escapeAttribute = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;')

const markdown = new MarkdownIt({ html: true })

/** The spans of a Markdown body that are not code (fenced or indented blocks, inline code spans). */
function outsideCode(body: string): (readonly [number, number])[] {
  const lineStarts = [0]
  for (let i = body.indexOf('\n'); i >= 0; i = body.indexOf('\n', i + 1)) lineStarts.push(i + 1)
  const at = (line: number) => (line < lineStarts.length ? lineStarts[line]! : body.length)
  const code: [number, number][] = []
  for (const token of markdown.parse(body, {}))
    if ((token.type === 'fence' || token.type === 'code_block') && token.map)
      code.push([at(token.map[0]), at(token.map[1])])
  for (const m of body.matchAll(/(`+)[^`][\s\S]*?(?<!`)\1(?!`)/g))
    code.push([m.index, m.index + m[0].length])
  code.sort((a, b) => a[0] - b[0])
  const spans: (readonly [number, number])[] = []
  let from = 0
  for (const [start, end] of code) {
    if (start > from) spans.push([from, start])
    from = Math.max(from, end)
  }
  if (from < body.length) spans.push([from, body.length])
  return spans
}
