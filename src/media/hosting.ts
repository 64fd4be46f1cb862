/**
 * Pictures sent through the publishing API, the counterpart of content:push's upload
 * (scripts/lib/media.ts): `PUT /admin/media/<name>` stores a picture under its content address and
 * answers it; an article sent through the API afterwards names that address (`/media/<hash>/<name>`)
 * and is built with the picture's variants, size and crops, as a pushed one is.
 */
import { AppError } from '../errors'
import { sha256Hex } from '../source/store'
import { mediaKey, mediaName, type HostedImage, type MediaMap } from './urls'

/** What browsers and the Images binding both read; SVG is refused (it can carry script). */
const HOSTED_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif'])
/** Larger files are refused: resize the original first (the same limit as content:push). */
export const MAX_PICTURE_BYTES = 20 * 1024 * 1024
/** At most this many hosted addresses are looked up for one article. */
const MAX_NAMED = 100

/** A picture to store at its content address, with what its address does not say. */
export interface PictureFile {
  key: string
  bytes: Uint8Array
  type: string
  width: number
  height: number
}

/** Stores a picture unless it is there already (the address is its content); whether it was written. */
export async function storePicture(bucket: R2Bucket, file: PictureFile): Promise<boolean> {
  if (await bucket.head(file.key)) return false
  await bucket.put(file.key, file.bytes, {
    httpMetadata: { contentType: file.type },
    customMetadata: { width: String(file.width), height: String(file.height) },
  })
  return true
}

/** Measures a picture sent as bytes (the Images binding reads its header), checks it and stores it. */
export async function hostPicture(
  target: { bucket: R2Bucket; images: ImagesBinding | undefined },
  fileName: string,
  bytes: Uint8Array,
): Promise<{ hosted: HostedImage; stored: boolean }> {
  if (bytes.byteLength === 0)
    throw new AppError('REQUEST_INVALID', 'the body is empty: send the picture')
  if (bytes.byteLength > MAX_PICTURE_BYTES)
    throw new AppError(
      'SOURCE_TOO_LARGE',
      `the picture is ${Math.round(bytes.byteLength / 1e6)} MB; at most ${MAX_PICTURE_BYTES / 1e6} MB is hosted: resize it`,
    )
  if (!target.images)
    throw new AppError(
      'FORMAT_NOT_IMPLEMENTED',
      'this deployment has no Images binding ([images] in wrangler.toml) to measure pictures with',
    )
  const info = await target.images
    .info(new Blob([bytes]).stream() as ReadableStream<Uint8Array>)
    .catch(() => undefined)
  if (!info || !('width' in info) || !HOSTED_TYPES.has(info.format))
    throw new AppError(
      'REQUEST_INVALID',
      `${fileName} is not a JPEG, PNG, WebP, GIF or AVIF picture${info ? ` (it is ${info.format})` : ''}`,
    )
  const hosted: HostedImage = {
    hash: (await sha256Hex(bytes)).slice(0, 16),
    name: mediaName(fileName),
    width: info.width,
    height: info.height,
    type: info.format,
  }
  const stored = await storePicture(target.bucket, {
    key: mediaKey(hosted.hash, hosted.name),
    bytes,
    type: hosted.type,
    width: hosted.width,
    height: hosted.height,
  })
  return { hosted, stored }
}

/** A hosted picture's address in a source: not a variant (`/media/<hash>/480.webp/<name>`). */
const NAMED = /\/media\/([0-9a-f]{16})\/([A-Za-z0-9_-][A-Za-z0-9._-]{0,99})(?![\w./-])/g

/**
 * The hosted pictures a source names by their address, as stored (one metadata read each): keyed
 * like content:push's, by the address's path, so the article is built with their variants and size.
 * An address nothing is stored at is left as written.
 */
export async function namedPictures(bucket: R2Bucket, text: string): Promise<MediaMap> {
  const named = new Map<string, { hash: string; name: string }>()
  for (const [path, hash, name] of text.matchAll(NAMED)) {
    if (named.size >= MAX_NAMED) break
    named.set(path.slice(1), { hash: hash!, name: name! })
  }
  const found = await Promise.all(
    [...named].map(async ([path, { hash, name }]) => {
      const object = await bucket.head(mediaKey(hash, name))
      const width = Number(object?.customMetadata?.width)
      const height = Number(object?.customMetadata?.height)
      const type = object?.httpMetadata?.contentType
      return object && width > 0 && height > 0 && type
        ? ([path, { hash, name, width, height, type }] as const)
        : undefined
    }),
  )
  return Object.fromEntries(found.filter((entry) => entry !== undefined))
}
