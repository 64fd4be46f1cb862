/**
 * What the first pass over an export learns, so the second can convert each post alone: the
 * attachments (by id and by every URL WordPress made of them), where each imported post moves (old
 * URLs → new), reusable blocks, and authors. Holds no post bodies.
 */
import { checkSlug } from '../../../src/source/keys'
import { unserialize } from './php'
import { decodeEntities, isSetDate, percentDecode } from './text'
import type { WxrChannelEntry, WxrItem } from './wxr'

export interface Attachment {
  id: string
  /** The full-size file's URL, as WordPress stored it. */
  url: string
  parent: string
  menuOrder: number
  width?: number
  height?: number
  alt: string
  caption: string
}

/** A post or page this import writes. */
export interface Planned {
  id: string
  type: 'post' | 'page'
  slug: string
  /** Its new site-relative URL, `/ko/<slug>`. */
  path: string
  /** The file name under `<out>/<lang>/`. */
  fileName: string
}

export interface Site {
  lang: string
  /** Hosts the old site answered on (lower case): links to them are internal. */
  hosts: Set<string>
  baseUrl: string
  siteName: string
  attachments: Map<string, Attachment>
  /** Normalized URL (see urlKey) of every full-size and resized file → its attachment. */
  files: Map<string, Attachment>
  /** Attachments by parent post id, in gallery order. */
  children: Map<string, Attachment[]>
  planned: Map<string, Planned>
  /** Normalized old URL of each planned post (permalink, ?p=, ?page_id=) → its new path. */
  links: Map<string, string>
  /** Reusable blocks (`wp_block`) by id: their content is inlined where a post uses them. */
  reusable: Map<string, string>
  authors: Map<string, string>
}

/**
 * A URL as links are matched: no scheme, host in lower case, percent-decoded path without trailing
 * slash, and only the query parameters that name a post.
 */
export function urlKey(url: string, base: string): string | undefined {
  let parsed: URL
  try {
    parsed = new URL(url.trim(), base)
  } catch {
    return undefined
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined
  const path = percentDecode(parsed.pathname).normalize('NFC').replace(/\/+$/, '')
  const id = ['p', 'page_id', 'attachment_id']
    .map((name) => [name, parsed.searchParams.get(name)] as const)
    .find(([, value]) => value && /^\d+$/.test(value))
  return `${parsed.hostname.toLowerCase()}${path}${id ? `?${id[0]}=${id[1]}` : ''}`
}

export function newSite(channel: Record<string, string>, lang: string): Site {
  const baseUrl = (channel['wp:base_blog_url'] || channel.link || 'https://example.invalid').trim()
  const hosts = new Set<string>()
  try {
    hosts.add(new URL(baseUrl).hostname.toLowerCase())
  } catch {
    // no usable base URL: item links still add their hosts
  }
  return {
    lang,
    hosts,
    baseUrl,
    siteName: decodeEntities(channel.title ?? '').trim(),
    attachments: new Map(),
    files: new Map(),
    children: new Map(),
    planned: new Map(),
    links: new Map(),
    reusable: new Map(),
    authors: new Map(),
  }
}

export function addEntry(site: Site, entry: WxrChannelEntry): void {
  if (entry.kind !== 'wp:author') return
  const login = entry.fields['wp:author_login']?.trim()
  const name = decodeEntities(entry.fields['wp:author_display_name'] ?? '').trim()
  if (login) site.authors.set(login, name || login)
}

export function addAttachment(site: Site, item: WxrItem): Attachment | undefined {
  const id = item.fields['wp:post_id']?.trim() ?? ''
  const url = (item.fields['wp:attachment_url'] || item.fields.guid || '').trim()
  if (!id || !url) return undefined
  const metadata = unserialize(item.meta.get('_wp_attachment_metadata') ?? '')
  const meta = metadata && typeof metadata === 'object' ? metadata : undefined
  const pixels = (v: unknown) => (typeof v === 'number' && v > 0 ? Math.round(v) : undefined)
  const attachment: Attachment = {
    id,
    url,
    parent: item.fields['wp:post_parent']?.trim() ?? '0',
    menuOrder: Number(item.fields['wp:menu_order'] ?? 0) || 0,
    ...(pixels(meta?.width) && { width: pixels(meta?.width) }),
    ...(pixels(meta?.height) && { height: pixels(meta?.height) }),
    alt: decodeEntities(item.meta.get('_wp_attachment_image_alt') ?? '').trim(),
    caption: decodeEntities(item.fields['excerpt:encoded'] ?? '').trim(),
  }
  site.attachments.set(id, attachment)
  const fullKey = urlKey(url, site.baseUrl)
  if (fullKey) site.files.set(fullKey, attachment)
  // Resized copies live beside the original: `photo-1024x576.jpg` next to `photo.jpg`.
  const sizes = meta?.sizes && typeof meta.sizes === 'object' ? meta.sizes : {}
  const folder = url.slice(0, url.lastIndexOf('/') + 1)
  for (const size of Object.values(sizes)) {
    const file = size && typeof size === 'object' ? size.file : undefined
    if (typeof file !== 'string' || !file) continue
    const key = urlKey(folder + file, site.baseUrl)
    if (key && !site.files.has(key)) site.files.set(key, attachment)
  }
  const siblings = site.children.get(attachment.parent) ?? []
  siblings.push(attachment)
  site.children.set(attachment.parent, siblings)
  return attachment
}

/** Orders gallery children as WordPress does by default: menu order, then id. */
export function sortChildren(site: Site): void {
  for (const list of site.children.values())
    list.sort((a, b) => a.menuOrder - b.menuOrder || Number(a.id) - Number(b.id))
}

/** A slug for a post: its decoded `post_name`, else made from the title, else `<type>-<id>`. */
export function slugFor(item: WxrItem, type: string, id: string): string {
  const fromName = percentDecode(item.fields['wp:post_name']?.trim() ?? '')
    .normalize('NFC')
    .replace(/__trashed$/, '')
  const fromTitle = decodeEntities(item.fields.title ?? '')
    .normalize('NFC')
    .toLocaleLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) // at most 180 bytes of UTF-8: slugs are limited to 200
  for (const candidate of [fromName, fromTitle]) {
    const slug = candidate.replace(/[/\\]/g, '-')
    if (!slug) continue
    try {
      return checkSlug(slug)
    } catch {
      // too long, or a dot first: try the next candidate
    }
  }
  return `${type}-${id}`
}

/**
 * Plans one post or page: its slug (made unique within the import), file name, and the old URLs
 * that will lead to it. Returns a note when the slug had to change.
 */
export function plan(
  site: Site,
  {
    item,
    type,
    taken,
  }: {
    item: WxrItem
    type: 'post' | 'page'
    /** The slugs already given out in this import. */
    taken: Set<string>
  },
): { planned: Planned; note?: string } {
  const id = item.fields['wp:post_id']!.trim()
  const wanted = slugFor(item, type, id)
  let slug = wanted
  // A file name that starts with a date loses it (the prefix is Jekyll's date): a dated post keeps
  // its slug behind its own date, an undated page gets another slug.
  const day = item.fields['wp:post_date']?.trim().slice(0, 10) ?? ''
  const dateFirst = /^\d{4}-\d\d-\d\d-/.test(slug)
  if (dateFirst && (type === 'page' || !isSetDate(day))) slug = `${type}-${slug}`
  if (taken.has(slug.toLowerCase())) slug = `${slug}-${id}`
  taken.add(slug.toLowerCase())
  const fileName = /^\d{4}-\d\d-\d\d-/.test(slug) ? `${day}-${slug}.html` : `${slug}.html`
  const planned: Planned = { id, type, slug, path: `/${site.lang}/${pathSegment(slug)}`, fileName }
  site.planned.set(id, planned)
  for (const old of oldUrls(item, site)) {
    const key = urlKey(old, site.baseUrl)
    if (key && !site.links.has(key)) site.links.set(key, planned.path)
  }
  return {
    planned,
    ...(slug !== wanted && {
      note: `slug "${wanted}" is taken; ${type} ${id} is /${site.lang}/${slug}`,
    }),
  }
}

/** A slug as a URL path segment: Hangul stays readable, only what would break the URL is encoded. */
export const pathSegment = (slug: string) =>
  slug.replace(/[%?#\s"<>\\^`{|}]/g, (c) => encodeURIComponent(c))

/** The addresses a post answered on: its permalink, its guid when on the site, ?p= / ?page_id=. */
export function oldUrls(item: WxrItem, site: Site): string[] {
  const id = item.fields['wp:post_id']!.trim()
  const type = item.fields['wp:post_type']?.trim()
  const urls: string[] = []
  const link = item.fields.link?.trim()
  if (link) {
    urls.push(link)
    try {
      site.hosts.add(new URL(link).hostname.toLowerCase())
    } catch {
      // a relative or broken link: matched against the base URL
    }
  }
  const guid = item.fields.guid?.trim()
  if (guid && /^https?:/.test(guid)) urls.push(guid)
  urls.push(new URL(`/?${type === 'page' ? 'page_id' : 'p'}=${id}`, site.baseUrl).href)
  return urls
}
