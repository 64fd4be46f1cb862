/**
 * A byline's authors as a page shows them: one that names a profile takes its name in the page's
 * language, its title, photo and links, and links to its page; any other stays as the article wrote it.
 */
import type { Author } from '../schema/article'
import { inLanguage, type AuthorProfile } from '../schema/author'

export const authorPath = (lang: string, id: string) => `/${lang}/author/${encodeURIComponent(id)}`

export interface ProfileContext {
  lang: string
  defaultLang: string
  origin: string
}

export function withProfile(
  author: Author,
  profile: AuthorProfile | undefined,
  ctx: ProfileContext,
): Author {
  // An id-shaped name no profile has is a plain name (the content check warns about it).
  if (!profile) {
    const { id, ...plain } = author
    void id
    return plain
  }
  const sameAs = [...new Set([...(profile.sameAs ?? []), ...(author.sameAs ?? [])])]
  const jobTitle = inLanguage(profile.title, ctx.lang, ctx.defaultLang)
  return {
    id: profile.id,
    name: inLanguage(profile.name, ctx.lang, ctx.defaultLang)!,
    url: `${ctx.origin}${authorPath(ctx.lang, profile.id)}`,
    ...(sameAs.length && { sameAs }),
    ...(jobTitle && { jobTitle }),
    ...(profile.photo && { image: new URL(profile.photo, `${ctx.origin}/`).href }),
  }
}

/** The profile ids a list of authors names (each once). */
export const profileIds = (authors: Author[]) => [
  ...new Set(authors.flatMap((a) => (a.id ? [a.id] : []))),
]

/** What of the profiles a page shows, for its ETag: a profile edit is a new version of the page. */
export const profilesFingerprint = (authors: Author[]) =>
  authors
    .filter((a) => a.id)
    .map((a) => JSON.stringify([a.id, a.name, a.jobTitle, a.image, a.sameAs]))
    .join('\n')
