/**
 * Reads a WordPress export (WXR 1.0–1.2) as a stream with htmlparser2 in XML mode: constant memory
 * whatever the file's size, and forgiving of the broken markup real exports carry. Each `<item>` is
 * handed over as soon as it closes. Namespace prefixes are resolved by their URI, so an export that
 * names them differently (or uses the 1.0/1.1 URIs) reads the same.
 */
import { createReadStream } from 'node:fs'
import { Parser } from 'htmlparser2'

export interface WxrCategory {
  /** `category`, `post_tag`, `post_format` or a custom taxonomy. */
  domain: string
  nicename: string
  name: string
}

export interface WxrComment {
  approved: string
  type: string
}

/** One `<item>`: its leaf fields by canonical name (`wp:post_id`, `content:encoded`, `title`). */
export interface WxrItem {
  fields: Record<string, string>
  categories: WxrCategory[]
  meta: Map<string, string>
  comments: WxrComment[]
}

/** A channel-level `<wp:author>`, `<wp:category>`, `<wp:tag>` or `<wp:term>`: its leaf fields. */
export interface WxrChannelEntry {
  kind: 'wp:author' | 'wp:category' | 'wp:tag' | 'wp:term'
  fields: Record<string, string>
}

export interface WxrChannel {
  /** Channel leaf fields: `title`, `link`, `language`, `wp:wxr_version`, `wp:base_blog_url`… */
  fields: Record<string, string>
  /** How many `<item>` elements the file holds, counted by the reader itself. */
  items: number
}

export interface WxrHandlers {
  /**
   * Called as each item closes, with the channel fields read so far (they come before the items). A
   * returned promise is awaited before the next chunk of the file is read (work in flight stays
   * bounded by a chunk's items).
   */
  onItem?: (item: WxrItem, channel: Record<string, string>) => void | Promise<void>
  onEntry?: (entry: WxrChannelEntry, channel: Record<string, string>) => void
}

/** Fields whose text is not kept when `skipBodies` is set (a first pass needs only the small ones). */
const BODIES = new Set(['content:encoded', 'excerpt:encoded'])
const CHANNEL_ENTRIES = new Set(['wp:author', 'wp:category', 'wp:tag', 'wp:term'])

/** The prefix the rest of the importer uses for a namespace URI. */
export function canonicalPrefix(uri: string, prefix: string): string {
  if (/wordpress\.(org|com)\/export\/[\d.]+\/excerpt/i.test(uri)) return 'excerpt'
  if (/wordpress\.(org|com)\/export\//i.test(uri)) return 'wp'
  if (/purl\.org\/rss\/1\.0\/modules\/content/i.test(uri)) return 'content'
  if (/purl\.org\/dc\/elements/i.test(uri)) return 'dc'
  if (/wellformedweb\.org\/CommentAPI/i.test(uri)) return 'wfw'
  return prefix
}

/** Streams `file` through the handlers; resolves with the channel's own fields and the item count. */
export async function readWxr(
  file: string,
  handlers: WxrHandlers,
  options: { skipBodies?: boolean } = {},
): Promise<WxrChannel> {
  const reader = wxrReader(handlers, options)
  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 })
  for await (const chunk of stream) {
    reader.write(chunk as string)
    await reader.settle()
  }
  const channel = reader.end()
  await reader.settle()
  return channel
}

/**
 * A copy of a field's text that does not point into the parser's 1 MB chunk. V8 keeps a substring as
 * a view of its parent, so one kept post id or title would keep its whole chunk, and the site model of
 * a large export would hold the export. Concatenating flattens into a new string; slicing that keeps
 * only the copy.
 */
const detached = (text: string) => (text.length < 13 ? text : ` ${text}`.slice(1))

function wxrReader(handlers: WxrHandlers, options: { skipBodies?: boolean }) {
  const prefixes = new Map<string, string>()
  const stack: string[] = []
  const channel: WxrChannel = { fields: {}, items: 0 }
  let text = ''
  let keepText = true
  let item: WxrItem | undefined
  let entry: WxrChannelEntry | undefined
  let comment: WxrComment | undefined
  let metaKey = ''
  let metaValue = ''
  let categoryAttributes: Record<string, string> = {}
  let first = true
  const pending: Promise<void>[] = []

  const canonical = (name: string) => {
    const colon = name.indexOf(':')
    if (colon < 0) return name
    const prefix = name.slice(0, colon)
    return `${prefixes.get(prefix) ?? prefix}:${name.slice(colon + 1)}`
  }

  const parser = new Parser(
    {
      onopentag(rawName, attributes) {
        for (const [attribute, uri] of Object.entries(attributes))
          if (attribute.startsWith('xmlns:'))
            prefixes.set(attribute.slice(6), canonicalPrefix(uri, attribute.slice(6)))
        const name = canonical(rawName)
        const parent = stack.at(-1)
        stack.push(name)
        text = ''
        keepText = !(options.skipBodies && BODIES.has(name))
        if (name === 'item') {
          item = { fields: {}, categories: [], meta: new Map(), comments: [] }
          channel.items++
        } else if (item && parent === 'item') {
          if (name === 'category') categoryAttributes = attributes
          else if (name === 'wp:postmeta') metaKey = metaValue = ''
          else if (name === 'wp:comment') comment = { approved: '', type: '' }
        } else if (!item && parent === 'channel' && CHANNEL_ENTRIES.has(name)) {
          entry = { kind: name as WxrChannelEntry['kind'], fields: {} }
        }
      },
      ontext(data) {
        if (keepText) text += data
      },
      onclosetag() {
        const name = stack.pop() ?? ''
        const parent = stack.at(-1)
        const value = text.length < 65_536 ? detached(text) : text
        text = ''
        keepText = true
        if (name === 'item' && item) {
          const work = handlers.onItem?.(item, channel.fields)
          if (work) pending.push(work)
          item = undefined
        } else if (item && parent === 'item') {
          if (name === 'category') {
            // WXR 1.0 wrote tags as domain="tag".
            const domain = categoryAttributes.domain ?? 'category'
            item.categories.push({
              domain: domain === 'tag' ? 'post_tag' : domain,
              nicename: categoryAttributes.nicename ?? '',
              name: value,
            })
          } else if (name === 'wp:postmeta') {
            if (metaKey) item.meta.set(metaKey, metaValue)
          } else if (name === 'wp:comment') {
            if (comment) item.comments.push(comment)
            comment = undefined
          } else if (!(name in item.fields)) {
            item.fields[name] = value
          }
        } else if (item && parent === 'wp:postmeta') {
          if (name === 'wp:meta_key') metaKey = value.trim()
          else if (name === 'wp:meta_value') metaValue = value
        } else if (item && comment && parent === 'wp:comment') {
          if (name === 'wp:comment_approved') comment.approved = value.trim()
          else if (name === 'wp:comment_type') comment.type = value.trim()
        } else if (entry && name === entry.kind && parent === 'channel') {
          handlers.onEntry?.(entry, channel.fields)
          entry = undefined
        } else if (entry && parent === entry.kind) {
          entry.fields[name] = value
        } else if (!item && parent === 'channel' && !(name in channel.fields)) {
          channel.fields[name] = value
        }
      },
    },
    { xmlMode: true, decodeEntities: true, recognizeCDATA: true },
  )

  return {
    write(chunk: string) {
      // A byte order mark before `<?xml` is allowed; the parser would take it for text.
      parser.write(first && chunk.startsWith('\uFEFF') ? chunk.slice(1) : chunk)
      first = false
    },
    end(): WxrChannel {
      parser.end()
      return channel
    },
    /** The items' work of the text written so far, done. */
    async settle(): Promise<void> {
      if (pending.length) await Promise.all(pending.splice(0))
    },
  }
}
