/** Checking a source exactly as the read path will build it, before anything is written. */
import { buildOrigin } from '../articles/derived'
import type { SiteConfig } from '../config'
import { buildArticle } from '../pipeline'
import type { MediaMap } from '../media/urls'
import type { Article, SourceFormat } from '../schema/article'
import { checkSourceSize, type SourceMetadata } from '../source/store'

/** Checks a source as the read path will build it; the article, or an AppError naming file, key and line. */
export function validateSource(
  source: {
    bytes: Uint8Array
    /** `<lang>/<slug>`. */
    key: string
    /** Named in every error. */
    fileName: string
    format: SourceFormat
    metadata: SourceMetadata
    /** The pictures hosted with the site that it uses (content:push, scripts/lib/media.ts). */
    media?: MediaMap
  },
  config: SiteConfig,
): Article {
  const { bytes, key, fileName, format, metadata, media } = source
  checkSourceSize(bytes.byteLength, config.maxSourceBytes, fileName)
  return buildArticle(
    {
      key,
      bytes: bytes.slice().buffer,
      etag: metadata.sha256 ?? '',
      store: 'kv',
      fileName,
      format,
      uploaded: metadata.uploaded ? new Date(metadata.uploaded) : undefined,
      firstUploaded: metadata.firstUploaded ? new Date(metadata.firstUploaded) : undefined,
      modified: metadata.modified ? new Date(metadata.modified) : undefined,
      image: metadata.image,
      ...(media && { media }),
    },
    { baseUrl: buildOrigin(config), timeZone: config.timeZone, defaultLang: config.defaultLang },
  )
}
