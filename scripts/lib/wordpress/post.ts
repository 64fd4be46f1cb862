/**
 * One WordPress post or page → the article file's front matter and body. Pure: the site model from
 * the first pass and the item are all it reads.
 */
import { parseDate, zoneOffsetMinutes } from '../../../src/parse/date'
import { TEXT_LIMITS } from '../../../src/schema/article'
import { convertBody, fileOf, type BodyFindings } from './body'
import type { FrontMatterData } from './front-matter'
import { oldUrls, urlKey, type Planned, type Site } from './site'
import { decodeEntities, isSetDate, percentDecode, plainText } from './text'
import type { WxrItem } from './wxr'

export interface ConvertedPost {
  data: FrontMatterData
  body: string
  findings: BodyFindings
  /** The status as the report counts it: `publish`, `draft`, …, `password`. */
  status: string
  notes: string[]
  /** Featured image's attachment id when the export does not hold it. */
  missingFeatured?: string
}

/** The effective status: a published post with a password is not public. */
export function statusOf(item: WxrItem): string {
  const status = item.fields['wp:status']?.trim() || 'publish'
  return status === 'publish' && item.fields['wp:post_password']?.trim() ? 'password' : status
}

export function convertPost(
  item: WxrItem,
  options: { planned: Planned; site: Site; timeZone: string; keepSrcset?: boolean },
): ConvertedPost {
  const { planned, site } = options
  const notes: string[] = []
  const id = planned.id
  const status = statusOf(item)
  // A title is text on this site: WordPress lets it carry markup (`Title <em>With</em>`).
  let title = decodeEntities((item.fields.title ?? '').replace(/<\/?[a-zA-Z][^>]*>/g, ''))
    .replace(/\s+/g, ' ')
    .trim()
  if (!title) {
    title = planned.slug
    notes.push(`${planned.type} ${id} has no title; titled "${title}" after its slug`)
  }
  if (title.length > TEXT_LIMITS.title) {
    notes.push(`${planned.type} ${id}: title cut to ${TEXT_LIMITS.title} characters`)
    title = title.slice(0, TEXT_LIMITS.title)
  }
  const published = wpDate(
    item.fields['wp:post_date'],
    item.fields['wp:post_date_gmt'],
    options.timeZone,
  )
  const modified = wpDate(
    item.fields['wp:post_modified'],
    item.fields['wp:post_modified_gmt'],
    options.timeZone,
  )
  const labels = (domain: string) => {
    const names = item.categories
      .filter((c) => c.domain === domain)
      .map((c) => decodeEntities(c.name).trim() || percentDecode(c.nicename).trim())
      .filter(Boolean)
      .map((name) => name.slice(0, TEXT_LIMITS.label))
    const unique = [...new Set(names)]
    if (unique.length > TEXT_LIMITS.labels)
      notes.push(
        `${planned.type} ${id}: only the first ${TEXT_LIMITS.labels} of ${unique.length} ${domain} terms kept`,
      )
    return unique.length ? unique.slice(0, TEXT_LIMITS.labels) : undefined
  }
  const login = item.fields['dc:creator']?.trim() ?? ''
  const author = login ? (site.authors.get(login) ?? decodeEntities(login)) : undefined
  const excerpt = limit(plainText(item.fields['excerpt:encoded'] ?? ''))
  const description = limit(
    plainText(
      item.meta.get('_yoast_wpseo_metadesc') ?? item.meta.get('rank_math_description') ?? '',
    ),
  )
  const seoTitle = seoTemplate(
    item.meta.get('_yoast_wpseo_title') ?? item.meta.get('rank_math_title') ?? '',
    title,
    site.siteName,
  )
  const { html, findings } = convertBody(item.fields['content:encoded'] ?? '', {
    site,
    postId: id,
    keepSrcset: options.keepSrcset,
  })
  const featured = item.meta.get('_thumbnail_id')?.trim()
  const image = featured ? site.attachments.get(featured) : undefined
  if (image) findings.usedAttachments.add(image.id)
  const redirects = redirectFrom(item, site, planned)
  const page = planned.type === 'page'
  const data: FrontMatterData = {
    title,
    ...(page && { type: 'page' }),
    ...(!page && published && { date: published.text }),
    ...(!page &&
      published &&
      modified &&
      modified.instant - published.instant >= 60_000 && { last_modified_at: modified.text }),
    categories: page ? undefined : labels('category'),
    tags: page ? undefined : labels('post_tag'),
    author,
    ...(excerpt && { excerpt }),
    ...(description && description !== excerpt && { description }),
    ...(seoTitle && seoTitle !== title && { seo_title: seoTitle }),
    ...(image && {
      image: {
        url: image.url,
        ...(image.width && { width: image.width }),
        ...(image.height && { height: image.height }),
        alt: image.alt,
      },
    }),
    ...(status !== 'publish' && { published: false }),
    ...(redirects.length && { redirect_from: redirects }),
    wordpress_id: Number(id),
  }
  return {
    data,
    body: html,
    findings,
    status,
    notes,
    ...(featured && !image && { missingFeatured: featured }),
  }
}

const limit = (text: string) =>
  text.length > TEXT_LIMITS.summary ? `${text.slice(0, TEXT_LIMITS.summary - 1)}…` : text

/**
 * A date as front matter writes it, `2024-06-19 10:30:00 +0900`: the GMT field gives the instant and
 * the local field its offset; with no GMT date (drafts), the local time is read in `timeZone`.
 */
export function wpDate(
  local: string | undefined,
  gmt: string | undefined,
  timeZone: string,
): { text: string; instant: number } | undefined {
  const wall = isSetDate(local) ? Date.parse(`${local.trim().replace(' ', 'T')}Z`) : NaN
  const utc = isSetDate(gmt) ? Date.parse(`${gmt.trim().replace(' ', 'T')}Z`) : NaN
  let instant: number
  let offset: number
  if (!Number.isNaN(utc)) {
    instant = utc
    offset = Number.isNaN(wall) ? 0 : Math.round((wall - utc) / 60_000)
    if (Math.abs(offset) > 14 * 60 || offset % 15 !== 0)
      offset = zoneOffsetMinutes(new Date(utc), timeZone)
  } else if (!Number.isNaN(wall)) {
    const parsed = parseDate(local!.trim(), timeZone)
    if (!parsed) return undefined
    instant = parsed.getTime()
    offset = zoneOffsetMinutes(parsed, timeZone)
  } else return undefined
  const shown = new Date(instant + offset * 60_000).toISOString()
  const sign = offset < 0 ? '-' : '+'
  const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0')
  const minutes = String(Math.abs(offset) % 60).padStart(2, '0')
  return { text: `${shown.slice(0, 10)} ${shown.slice(11, 19)} ${sign}${hours}${minutes}`, instant }
}

/** Yoast's `%%title%% %%sep%% %%sitename%%` (and Rank Math's `%title%`) filled in as the site did. */
export function seoTemplate(template: string, title: string, siteName: string): string {
  if (!template.trim()) return ''
  return decodeEntities(template)
    .replace(/%%?title%%?/g, title)
    .replace(/%%?sitename%%?/g, siteName)
    .replace(/%%?sep%%?/g, '-')
    .replace(/%%?[a-z_]+%%?/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s|-]+|[\s|-]+$/g, '')
    .trim()
}

/** The old addresses as site paths (`/2024/06/19/slug/`, `/?p=101`), each once, never the new one. */
export function redirectFrom(item: WxrItem, site: Site, planned: Planned): string[] {
  const paths = new Set<string>()
  for (const old of oldUrls(item, site)) {
    let url: URL
    try {
      url = new URL(old, site.baseUrl)
    } catch {
      continue
    }
    if (!site.hosts.has(url.hostname.toLowerCase())) continue
    const query = urlKey(old, site.baseUrl)?.match(/\?(?:p|page_id)=\d+$/)?.[0] ?? ''
    if (url.search && !query) continue
    const path = `${url.pathname}${query}`
    if (path === '/' || path === planned.path || fileOf(old, site)) continue
    paths.add(path)
  }
  return [...paths]
}
