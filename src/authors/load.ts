/** Profiles for a request: the byline's authors resolved against the stored profiles. */
import type { AppContext } from '../env'
import type { Author } from '../schema/article'
import { timed } from '../timing'
import { profileIds, withProfile } from './resolve'
import { readProfile } from './store'
import type { AuthorProfile } from '../schema/author'

/** Profiles read during one request, by id: an article page asks twice (its ETag, then its byline). */
const readThisRequest = new WeakMap<AppContext, Map<string, Promise<AuthorProfile | undefined>>>()

function profileFor(c: AppContext, id: string): Promise<AuthorProfile | undefined> {
  let read = readThisRequest.get(c)
  if (!read) {
    read = new Map<string, Promise<AuthorProfile | undefined>>()
    readThisRequest.set(c, read)
  }
  let profile = read.get(id)
  if (!profile) read.set(id, (profile = readProfile(c.env, c.get('config'), id)))
  return profile
}

/**
 * The authors as the page in `lang` shows them. A storage failure is thrown, not rendered as a plain
 * name: the page is then not cached with a byline that lost its profile.
 */
export async function bylineAuthors(
  c: AppContext,
  authors: Author[],
  lang: string,
): Promise<Author[]> {
  return (await bylinesAuthors(c, [authors], lang))[0]!
}

/** The same for many bylines (a feed's entries), each profile read once. */
export async function bylinesAuthors(
  c: AppContext,
  bylines: Author[][],
  lang: string,
): Promise<Author[][]> {
  const ids = profileIds(bylines.flat())
  if (!ids.length) return bylines
  const config = c.get('config')
  const profiles = new Map(
    await timed(
      c,
      'storage',
      Promise.all(ids.map(async (id) => [id, await profileFor(c, id)] as const)),
    ),
  )
  const ctx = { lang, defaultLang: config.defaultLang, origin: c.get('baseUrl') }
  return bylines.map((authors) =>
    authors.map((a) => (a.id ? withProfile(a, profiles.get(a.id), ctx) : a)),
  )
}
