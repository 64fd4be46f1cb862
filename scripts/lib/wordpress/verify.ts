/**
 * --verify: each imported file built through the project's own pipeline (as content:check and a push
 * build it), its images (by file name), links and headings counted and compared with what the
 * export's post shows. Counted straight from the export's HTML, not from the importer's output, so a
 * conversion that loses an image shows up here.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { SiteConfig } from '../../../src/config'
import { checkFile, describeError } from '../content'
import type { Site } from './site'

/** A written article and what the export showed of it. */
export interface Verified {
  key: string
  path: string
  title: string
  expected: Counts
}

export interface Counts {
  images: string[]
  links: number
  headings: number
  /** Images wrapped in a link of their own (WordPress's "link to media file"). */
  linkedImages?: string[]
}

/** `https://x/wp-content/uploads/2024/06/photo-1024x576.jpg?w=300` → `photo.jpg` */
export function imageName(src: string): string {
  const path = src.split(/[?#]/)[0]!
  let name = path.slice(path.lastIndexOf('/') + 1)
  try {
    name = decodeURIComponent(name)
  } catch {
    // not percent-encoded
  }
  return name.normalize('NFC').replace(/-(?:\d+x\d+|scaled)(\.[A-Za-z0-9]+)$/, '$1')
}

const IMG_SRC = /<img\b(?:[^>"']|"[^"]*"|'[^']*')*?\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi
const LINK = /<a\b(?:[^>"']|"[^"]*"|'[^']*')*?\shref\s*=/gi
const HEADING = /<h[1-6][\s>]/gi
const LINKED_IMG =
  /<a\b[^>]*>\s*<img\b(?:[^>"']|"[^"]*"|'[^']*')*?\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi
/** Shortcodes and bare URL lines that a WordPress page shows as a player and the import as a link. */
const EMBEDS = /\[(?:embed|video|audio|youtube|vimeo)\b|^[ \t]*https?:\/\/[^\s<>"'[\]]+[ \t]*$/gim
const GALLERY = /\[gallery\b([^\]]*)\]/gi

/** What a reader of the WordPress site saw in a post, counted from the export's HTML. */
export function exportCounts(raw: string, site: Site, postId: string): Counts {
  const html = raw.replace(/<!--[\s\S]*?-->/g, (c) => (/^<!--\s*\/?wp:/.test(c) ? '' : c))
  const images = [...html.matchAll(IMG_SRC)].map((m) => imageName(m[1] ?? m[2] ?? m[3] ?? ''))
  for (const m of html.matchAll(GALLERY)) {
    const ids = /\b(?:ids|include)\s*=\s*["']?([\d,\s]+)/.exec(m[1]!)?.[1]
    const files = ids
      ? ids.split(',').map((id) => site.attachments.get(id.trim())?.url)
      : (site.children.get(postId) ?? [])
          .map((a) => a.url)
          .filter((u) => /\.(jpe?g|png|gif|webp|avif|svg)$/i.test(u))
    for (const url of files) if (url) images.push(imageName(url))
  }
  return {
    images,
    links: (html.match(LINK)?.length ?? 0) + (html.match(EMBEDS)?.length ?? 0),
    headings: html.match(HEADING)?.length ?? 0,
    linkedImages: [...html.matchAll(LINKED_IMG)].map((m) => imageName(m[1] ?? m[2] ?? m[3] ?? '')),
  }
}

export function renderedCounts(html: string, heroUrl?: string): Counts {
  const images = [...html.matchAll(IMG_SRC)].map((m) =>
    imageName((m[1] ?? m[2] ?? m[3] ?? '').replaceAll('&amp;', '&')),
  )
  // The pipeline shows the share image once, as the hero, and drops its first stand-alone copy from
  // the body; `heroUrl` is given only when the export's body had it.
  if (heroUrl) images.unshift(imageName(heroUrl))
  return {
    images,
    links: html.match(LINK)?.length ?? 0,
    headings: html.match(HEADING)?.length ?? 0,
  }
}

/** The differences between two counts, as short phrases; none when they agree. */
export function differences(expected: Counts, actual: Counts): string[] {
  const out: string[] = []
  const missing = subtract(expected.images, actual.images)
  const extra = subtract(actual.images, expected.images)
  if (missing.length) out.push(`images missing: ${missing.join(', ')}`)
  if (extra.length) out.push(`images added: ${extra.join(', ')}`)
  if (expected.links !== actual.links)
    out.push(`links ${expected.links} in the export, ${actual.links} rendered`)
  if (expected.headings !== actual.headings)
    out.push(`headings ${expected.headings} in the export, ${actual.headings} rendered`)
  return out
}

function subtract(a: string[], b: string[]): string[] {
  const left = [...b]
  return a.filter((x) => {
    const i = left.indexOf(x)
    if (i < 0) return true
    left.splice(i, 1)
    return false
  })
}

export async function verifyImport(
  out: string,
  written: Verified[],
  config: SiteConfig,
): Promise<{ ok: boolean; lines: string[]; differing: number }> {
  const lines: string[] = []
  let differing = 0
  for (const post of written) {
    let found: string[]
    try {
      const bytes = new Uint8Array(await readFile(join(out, post.path)))
      const { article } = checkFile(
        { path: post.path, key: post.key, bytes, metadataOf: (f) => ({ sha256: f.sha256 }) },
        config,
      )
      const image = article.image?.url
      // The hero stands for the body copy the pipeline dropped, if it dropped one.
      const inExport = post.expected.images.filter((n) => image && n === imageName(image)).length
      const inBody = image
        ? renderedCounts(article.html).images.filter((n) => n === imageName(image)).length
        : 0
      const hero = image && inBody < inExport ? image : undefined
      const rendered = renderedCounts(article.html, hero)
      // A hero that was linked to its own file in the body took that link along into the hero.
      if (hero && post.expected.linkedImages?.includes(imageName(hero))) rendered.links++
      found = differences(post.expected, rendered)
    } catch (error) {
      found = [`does not build: ${describeError(error, post.path)}`]
    }
    if (found.length) {
      differing++
      lines.push(`  ✗ ${post.key} "${post.title}": ${found.join('; ')}`)
    }
  }
  lines.unshift(
    differing
      ? `verify: ${differing} of ${written.length} article(s) differ from the export:`
      : `✓ verify: ${written.length} article(s) rendered with the export's images, links and headings`,
  )
  return { ok: differing === 0, lines, differing }
}
