/**
 * Pictures hosted with the site (docs/images.md): the image files in the content folder that an
 * article uses by a relative path (`image: ../media/seoul/heat.jpg`, `<img src="heat.jpg">`,
 * `![](../media/x.png)`). Each is read here, from the file alone (no network): its SHA-256 gives
 * its address, its header its width, height and type. A push uploads them to R2 before the article.
 */
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { AppError } from '../../src/errors'
import { MAX_PICTURE_BYTES, type PictureFile } from '../../src/media/hosting'
import { mediaKey, mediaName, type HostedImage, type MediaMap } from '../../src/media/urls'
import type { Article } from '../../src/schema/article'
import { imageFacts } from './image-probe'

/** A picture to upload: its R2 key, bytes, type and size (the Worker's own shape). */
export type MediaUpload = PictureFile

export interface FoundMedia {
  media: MediaMap
  uploads: MediaUpload[]
}

const IMAGE_FILE = /\.(jpe?g|png|webp|gif|avif)$/i
/** Whether a content folder path names a picture a push can host. */
export const isPicturePath = (path: string) => IMAGE_FILE.test(path)

/**
 * The content folder's pictures an article (built for `origin`) uses: every on-site image address
 * (its main image, each `<img>` in its body) that names an image file in `dir`. A missing file
 * under `media/` is an error naming it; other site paths (`/logo.png` served elsewhere) are left.
 */
export function findMedia(
  article: Article,
  {
    dir,
    origin,
    file,
  }: {
    /** The content folder the pictures' files are looked for in. */
    dir: string
    /** The site's origin: only addresses on it can name a local file. */
    origin: string
    /** The article's file, named in errors. */
    file: string
  },
): FoundMedia {
  const urls = [article.image?.url, ...imageSources(article.html)].filter((u): u is string => !!u)
  const media: MediaMap = {}
  const uploads: MediaUpload[] = []
  for (const url of new Set(urls)) {
    const parsed = URL.parse(url)
    if (!parsed || parsed.origin !== origin || parsed.search) continue
    let path: string
    try {
      path = decodeURIComponent(parsed.pathname.slice(1))
    } catch {
      continue
    }
    if (!IMAGE_FILE.test(path) || media[path]) continue
    const full = join(dir, path)
    if (!existsSync(full)) {
      if (path.startsWith('media/'))
        throw new AppError(
          'SOURCE_INVALID',
          `the picture ${path} is not in ${dir}/: add the file, or fix the path (relative to the article file)`,
          { file, key: 'image' },
        )
      continue
    }
    const bytes = new Uint8Array(readFileSync(full))
    if (bytes.byteLength > MAX_PICTURE_BYTES)
      throw new AppError(
        'SOURCE_INVALID',
        `the picture ${path} is ${Math.round(bytes.byteLength / 1e6)} MB; at most ${MAX_PICTURE_BYTES / 1e6} MB is hosted: resize it`,
        { file, key: 'image' },
      )
    const facts = imageFacts(bytes)
    if (!facts)
      throw new AppError(
        'SOURCE_INVALID',
        `the picture ${path} is not a JPEG, PNG, WebP, GIF or AVIF file this push can read`,
        { file, key: 'image' },
      )
    const hosted: HostedImage = {
      hash: createHash('sha256').update(bytes).digest('hex').slice(0, 16),
      name: mediaName(path),
      width: facts.width,
      height: facts.height,
      type: facts.type,
    }
    media[path] = hosted
    uploads.push({ key: mediaKey(hosted.hash, hosted.name), bytes, ...facts })
  }
  return { media, uploads }
}

/** The `src` of every `<img>` in serialized body HTML. */
function imageSources(html: string): string[] {
  return [...html.matchAll(/<img\b[^>]*?\ssrc="([^"]*)"/g)].map((m) =>
    m[1]!.replaceAll('&amp;', '&').replaceAll('&quot;', '"'),
  )
}

/** The same pictures in a stable order, to compare with what storage recorded. */
export const sameMedia = (a: MediaMap | undefined, b: MediaMap | undefined) =>
  canonical(a ?? {}) === canonical(b ?? {})
const canonical = (map: MediaMap) =>
  JSON.stringify(
    Object.keys(map)
      .sort()
      .map((k) => [k, map[k]]),
  )
