/**
 * Which hosted pictures an article uses, kept beside its source (`_/media-of/<lang>/<slug>`): written
 * by the writer with each push, read whenever the article is built again from its source (a new
 * renderer version, a derived article gone), so its pictures keep their addresses.
 *
 * Anyone with storage access could edit it, so it is checked entry by entry: a hash and a name
 * that fit the media addresses, whole pixel sizes, an image type; anything else is ignored (logged).
 */
import * as z from 'zod'
import { logEvent } from '../log'
import type { InternalStore } from '../source/internal'
import { MEDIA_HASH, MEDIA_NAME, type MediaMap } from './urls'

const nameOf = (lang: string, slug: string) => `media-of/${lang}/${slug}`

const Entry = z.object({
  hash: z.string().regex(MEDIA_HASH),
  name: z.string().regex(MEDIA_NAME),
  width: z.number().int().positive().max(100_000),
  height: z.number().int().positive().max(100_000),
  type: z.string().regex(/^image\/[a-z0-9.+-]+$/),
})
const Manifest = z.record(z.string().max(1_000), Entry)

export async function readManifest(
  internal: InternalStore,
  lang: string,
  slug: string,
): Promise<MediaMap | undefined> {
  const value = await internal.get(nameOf(lang, slug))
  if (!value) return undefined
  try {
    return Manifest.parse(JSON.parse(new TextDecoder().decode(value.bytes)))
  } catch (error) {
    logEvent('warn', {
      event: 'media-manifest-ignored',
      key: `${lang}/${slug}`,
      message: String(error).slice(0, 200),
    })
    return undefined
  }
}

/** Records an article's pictures; none deletes the record. */
export async function writeManifest(
  internal: InternalStore,
  { lang, slug, media }: { lang: string; slug: string; media: MediaMap },
): Promise<void> {
  if (!Object.keys(media).length) return internal.delete(nameOf(lang, slug))
  await internal.put(nameOf(lang, slug), new TextEncoder().encode(JSON.stringify(media)))
}

export const deleteManifest = (internal: InternalStore, lang: string, slug: string) =>
  internal.delete(nameOf(lang, slug))
