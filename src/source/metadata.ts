/**
 * The metadata stored beside each source (file name, format, hash, upload times, measured image),
 * flattened to strings as KV metadata and R2 custom metadata want them, and read back defensively:
 * anyone with storage access can edit it by hand.
 */
import { AppError } from '../errors'
import { logEvent } from '../log'
import type { SourceMetadata } from './store'

const IMAGE_FIELDS = ['imageUrl', 'imageWidth', 'imageHeight', 'imageType'] as const

/** Flat strings, as both KV metadata and R2 custom metadata want them. */
export function encodeMetadata(metadata: SourceMetadata, limit = Infinity): Record<string, string> {
  const { image, fileName, ...rest } = metadata
  const flat: Record<string, string | undefined> = {
    ...rest,
    fileName: fileName === undefined ? undefined : encodeURI(fileName),
    ...(image && {
      imageUrl: image.url,
      imageWidth: String(image.width),
      imageHeight: String(image.height),
      imageType: image.type,
    }),
  }
  const encoded = Object.fromEntries(
    Object.entries(flat).filter((entry): entry is [string, string] => entry[1] !== undefined),
  )
  // The measured image is a nicety; the file name and hash are not. Drop the image first when it does not fit.
  if (JSON.stringify(encoded).length > limit)
    for (const field of IMAGE_FIELDS) delete encoded[field]
  if (JSON.stringify(encoded).length > limit) {
    throw new AppError(
      'REQUEST_INVALID',
      `the file name is too long to store beside the article (${limit} bytes of metadata at most)`,
      { file: fileName },
    )
  }
  return encoded
}

/** Stored strings back into metadata; a field that does not parse is left out. */
export function decodeMetadata(raw: Record<string, string>): SourceMetadata {
  const width = Number(raw.imageWidth)
  const height = Number(raw.imageHeight)
  const image =
    raw.imageUrl && raw.imageType && width > 0 && height > 0
      ? { url: raw.imageUrl, width, height, type: raw.imageType }
      : undefined
  return {
    fileName: decodeFileName(raw.fileName),
    format: raw.format === 'md' || raw.format === 'html' ? raw.format : undefined,
    sha256: /^[0-9a-f]{64}$/.test(raw.sha256 ?? '') ? raw.sha256 : undefined,
    uploaded: raw.uploaded,
    firstUploaded: raw.firstUploaded,
    ...(raw.modified && { modified: raw.modified }),
    ...(image && { image }),
  }
}

function decodeFileName(stored: string | undefined): string | undefined {
  if (!stored) return undefined
  try {
    return decodeURI(stored)
  } catch {
    return stored
  }
}

/** Years a page can show: a date outside them (`+275760-09-13`) breaks formatting with a zone offset. */
const FIRST_DATE = Date.UTC(1, 0, 1)
const LAST_DATE = Date.UTC(9999, 11, 31)

/**
 * A date from stored metadata, which anyone with storage access can edit by hand: one that does not
 * parse or lies outside years 1–9999 is treated as missing (and logged), never as an error.
 */
export function metadataDate(
  value: string | undefined,
  key?: string,
  field?: string,
): Date | undefined {
  if (!value) return undefined
  const ms = Date.parse(value)
  if (Number.isNaN(ms) || ms < FIRST_DATE || ms > LAST_DATE) {
    if (key)
      logEvent('warn', { event: 'metadata-date-ignored', key, field, value: value.slice(0, 40) })
    return undefined
  }
  return new Date(ms)
}
