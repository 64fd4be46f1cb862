/**
 * The import, in two streaming passes over the export. The first learns the small facts every post
 * may need (attachments, authors, where each post moves, reusable blocks) and decides what is
 * written; the second converts and writes one post at a time. Memory grows with the number of items,
 * never with their bodies.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { cspAllowsImage } from '../../../src/meta/image-hosts'
import type { MediaFetcher } from '../media/fetch'
import { localizeArticle } from '../media/rewrite'
import { fileOf } from './body'
import { articleFile } from './front-matter'
import { convertPost, statusOf } from './post'
import { ImportReport } from './report'
import { addAttachment, addEntry, newSite, plan, sortChildren, type Site } from './site'
import { decodeEntities } from './text'
import { readWxr, type WxrItem } from './wxr'
import { wpDate } from './post'

export interface ImportOptions {
  file: string
  /** The content folder; files go to `<out>/<lang>/`. */
  out: string
  /** Overrides the channel's `<language>`. */
  lang?: string
  /** Only posts published or modified at or after this instant. */
  since?: Date
  skipUnpublished?: boolean
  timeZone: string
  imageHosts: string[]
  /** The deployed site's origin, for judging image hosts (any https site without one). */
  siteOrigin: string
  defaultLang: string
  /** `--media download`: images are fetched into `<out>/media/` and the articles point at them. */
  media?: MediaFetcher
}

/** What --verify compares: per written post, what the export itself shows. */
export interface Written {
  key: string
  /** The file, relative to the content folder: `ko/<slug>.html`. */
  path: string
  title: string
  id: string
  /** The export's HTML of the post, as WordPress stored it. */
  raw: string
}

/** The fields planning reads (slug, old addresses); the rest of an item is read again in pass 2. */
const PLANNING = [
  'wp:post_id',
  'wp:post_type',
  'wp:post_name',
  'wp:post_date',
  'title',
  'link',
  'guid',
]

/** Site designs and settings WordPress keeps as posts: not content. */
const SITE_TYPES = new Set([
  'wp_navigation',
  'wp_template',
  'wp_template_part',
  'wp_global_styles',
  'custom_css',
  'customize_changeset',
  'oembed_cache',
  'user_request',
  'wp_font_family',
  'wp_font_face',
  'jp_pay_order',
  'jp_pay_product',
])

/** `ko-KR` → `ko`; `zh-Hant-TW` → `zh-Hant`. */
export function langOf(language: string | undefined, fallback: string): string {
  const parts = (language ?? '').trim().split(/[-_]/)
  if (!parts[0] || !/^[a-z]{2,3}$/i.test(parts[0])) return fallback
  const script =
    parts[1] && /^[A-Za-z]{4}$/.test(parts[1])
      ? `-${parts[1][0]!.toUpperCase()}${parts[1].slice(1).toLowerCase()}`
      : ''
  return `${parts[0].toLowerCase()}${script}`
}

const describe = (item: WxrItem) => {
  const type = item.fields['wp:post_type']?.trim() || 'post'
  const id = item.fields['wp:post_id']?.trim() || '?'
  const title = decodeEntities(item.fields.title ?? '').trim()
  return `${type} ${id}${title ? ` "${title}"` : ''}`
}

export async function importWordPress(
  options: ImportOptions,
  onWritten?: (written: Written, site: Site) => void,
): Promise<{ report: ImportReport; site: Site }> {
  const report = new ImportReport()
  let site: Site | undefined
  const siteFor = (channel: Record<string, string>) =>
    (site ??= newSite(channel, langOf(options.lang ?? channel.language, options.defaultLang)))
  const taken = new Set<string>()
  const toPlan: WxrItem[] = []

  // Pass 1: the small facts, and what each item becomes.
  const channel = await readWxr(options.file, {
    onEntry(entry, fields) {
      const s = siteFor(fields)
      addEntry(s, entry)
      if (entry.kind === 'wp:author') report.authors++
      else if (entry.kind === 'wp:category') report.add(report.terms, 'category')
      else if (entry.kind === 'wp:tag') report.add(report.terms, 'post_tag')
      else report.add(report.terms, entry.fields['wp:term_taxonomy']?.trim() || 'term')
    },
    onItem(item, fields) {
      const s = siteFor(fields)
      report.comments += item.comments.length
      const type = item.fields['wp:post_type']?.trim() || 'post'
      const status = item.fields['wp:status']?.trim() || 'publish'
      const id = item.fields['wp:post_id']?.trim()
      if (!id || !/^\d+$/.test(id))
        return void report.skipped.push({ item: describe(item), reason: 'no wp:post_id' })
      if (type === 'attachment') {
        if (addAttachment(s, item)) report.attachments.add(id)
        else report.skipped.push({ item: describe(item), reason: 'attachment without a URL' })
        return
      }
      if (type === 'nav_menu_item') return void report.menuItems.push(describe(item))
      if (type === 'wp_block') {
        s.reusable.set(id, item.fields['content:encoded'] ?? '')
        report.reusableBlocks++
        return
      }
      if (type === 'revision')
        return void report.skipped.push({
          item: describe(item),
          reason: 'a revision (the post itself is imported)',
        })
      if (SITE_TYPES.has(type))
        return void report.skipped.push({
          item: describe(item),
          reason: `${type}: site design or settings, not content`,
        })
      if (type !== 'post' && type !== 'page')
        return void report.skipped.push({
          item: describe(item),
          reason: `custom post type "${type}" is not imported`,
        })
      if (status === 'auto-draft')
        return void report.skipped.push({
          item: describe(item),
          reason: 'auto-draft (never saved by its author)',
        })
      if (status === 'trash')
        return void report.skipped.push({ item: describe(item), reason: 'in the trash' })
      if (status === 'inherit')
        return void report.skipped.push({
          item: describe(item),
          reason: 'status inherit (a revision)',
        })
      const effective = statusOf(item)
      if (options.skipUnpublished && effective !== 'publish')
        return void report.skipped.push({
          item: describe(item),
          reason: `not public (${effective}) and --skip-unpublished`,
        })
      if (options.since) {
        // Newer: published or changed since, so a later import also brings the edits.
        const dates = [
          wpDate(item.fields['wp:post_date'], item.fields['wp:post_date_gmt'], options.timeZone),
          wpDate(
            item.fields['wp:post_modified'],
            item.fields['wp:post_modified_gmt'],
            options.timeZone,
          ),
        ]
        const latest = Math.max(...dates.map((d) => d?.instant ?? -Infinity))
        if (latest < options.since.getTime())
          return void report.skipped.push({
            item: describe(item),
            reason: `not changed since --since ${options.since.toISOString()}`,
          })
      }
      // Keep only what planning needs; the body is read again in pass 2.
      toPlan.push({
        fields: Object.fromEntries(PLANNING.map((name) => [name, item.fields[name] ?? ''])),
        categories: [],
        meta: new Map(),
        comments: [],
      })
    },
  })
  const s = siteFor(channel.fields)
  report.items = channel.items
  sortChildren(s)
  for (const item of toPlan) {
    const type = item.fields['wp:post_type']?.trim() === 'page' ? 'page' : 'post'
    const { note } = plan(s, { item, type, taken })
    if (note) report.notes.push(note)
  }
  toPlan.length = 0

  // Pass 2: convert and write each planned post.
  const folder = join(options.out, s.lang)
  mkdirSync(folder, { recursive: true })
  await readWxr(options.file, {
    onItem(item) {
      const id = item.fields['wp:post_id']?.trim() ?? ''
      const planned = s.planned.get(id)
      const type = item.fields['wp:post_type']?.trim() || 'post'
      if (!planned || planned.type !== type) return
      const where = `${type} ${id} (${planned.path})`
      const media = options.media
      let post: ReturnType<typeof convertPost>
      let path: string
      let bytes: string
      try {
        post = convertPost(item, {
          planned,
          site: s,
          timeZone: options.timeZone,
          keepSrcset: !!media,
        })
        path = join(folder, planned.fileName)
        bytes = articleFile(post.data, post.body)
      } catch (error) {
        report.failures.push(`${where}: ${(error as Error).message}`)
        return
      }
      const finish = (text: string, remote: string[]) => {
        // Unchanged files are left alone, so a re-import touches nothing a watcher would republish.
        if (!sameFile(path, text)) writeFileSync(path, text)
        report.files++
        report.add(type === 'page' ? report.pages : report.posts, post.status)
        if (post.status === 'future')
          report.scheduled.push({
            item: where,
            date: (post.data.date as string | undefined) ?? item.fields['wp:post_date'] ?? '',
          })
        report.notes.push(...post.notes)
        for (const used of post.findings.usedAttachments) report.usedAttachments.add(used)
        for (const name of post.findings.unknownShortcodes)
          report.list(report.unknownShortcodes, `[${name}]`, where)
        for (const name of post.findings.dynamicBlocks)
          report.list(report.dynamicBlocks, name, where)
        for (const missing of post.findings.missingAttachments)
          report.list(report.missingAttachments, missing, where)
        if (post.missingFeatured)
          report.list(report.missingAttachments, post.missingFeatured, `${where} featured image`)
        for (const category of item.categories)
          if (!['category', 'post_tag'].includes(category.domain) && type === 'post')
            report.add(report.otherTaxonomies, category.domain)
        for (const url of remote)
          if (!cspAllowsImage(url, options.siteOrigin, options.imageHosts)) {
            const origin = originOf(url)
            if (origin) report.add(report.foreignHosts, origin)
          }
        onWritten?.(
          {
            key: `${s.lang}/${planned.slug}`,
            path: `${s.lang}/${planned.fileName}`,
            title: String(post.data.title),
            id,
            raw: item.fields['content:encoded'] ?? '',
          },
          s,
        )
      }
      const failed = (error: unknown) =>
        void report.failures.push(`${where}: ${(error as Error).message}`)
      if (!media) {
        const image = post.data.image as { url: string } | undefined
        try {
          return finish(bytes, [...post.findings.images, ...(image ? [image.url] : [])])
        } catch (error) {
          return failed(error)
        }
      }
      // The images first, then the file that points at them.
      return localizeArticle(bytes, {
        file: path,
        where: `${s.lang}/${planned.fileName}`,
        format: 'html',
        fetcher: media,
        original: (url) => fileOf(url, s)?.url ?? url,
      })
        .then(({ text, remote }) => finish(text, remote))
        .catch(failed)
    },
  })
  return { report, site: s }
}

/** Whether `path` already holds `text` (the size first: most new files are not there at all). */
function sameFile(path: string, text: string): boolean {
  const stats = statSync(path, { throwIfNoEntry: false })
  if (!stats?.isFile() || stats.size !== Buffer.byteLength(text)) return false
  return readFileSync(path, 'utf8') === text
}

function originOf(url: string): string | undefined {
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.origin : undefined
  } catch {
    return undefined
  }
}
