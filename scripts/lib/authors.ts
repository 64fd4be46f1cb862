/**
 * Author profiles in the content folder (content/authors/<id>.yml): read and validated with the
 * Worker's own parser, checked against the articles that name them, and pushed through the same
 * write path as the publishing API (src/authors/publish.ts).
 */
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parseProfile, profileId } from '../../src/authors/parse'
import { removeProfile, storeProfile } from '../../src/authors/publish'
import { decodeSource } from '../../src/parse/decode'
import type { Article } from '../../src/schema/article'
import type { AuthorProfile } from '../../src/schema/author'
import { describeError } from './content'
import type { ScriptConfig } from './config'
import type { Storage } from './storage'
import { callPurge, type DevServer } from './purge'

/** The folder under the content folder that holds the profiles. */
export const AUTHORS_DIR = 'authors'

export const isProfilePath = (path: string) => /^authors\/[^/]+\.ya?ml$/.test(path)

/** A profile file: what it says, and its bytes (stored as they are, so a pull gives them back). */
export interface ProfileFile {
  profile: AuthorProfile
  source: Uint8Array
}

export interface CheckedProfiles {
  profiles: ProfileFile[]
  /** `authors/kim.yml:3 → sameAs.0: expected an absolute http(s) URL` */
  errors: string[]
}

/** One profile file (its path relative to the content folder), validated. */
export async function readProfile(dir: string, path: string): Promise<ProfileFile> {
  const source = new Uint8Array(await readFile(join(dir, path)))
  return { profile: parseProfile(decodeSource(source, path), path), source }
}

/** Every profile file of the folder, each validated; a folder without authors/ has none. */
export async function readProfiles(dir: string): Promise<CheckedProfiles> {
  const names = await readdir(join(dir, AUTHORS_DIR)).catch(() => [] as string[])
  const checked: CheckedProfiles = { profiles: [], errors: [] }
  for (const name of names.sort()) {
    const path = `${AUTHORS_DIR}/${name}`
    if (name.startsWith('.') || !isProfilePath(path)) continue
    try {
      checked.profiles.push(await readProfile(dir, path))
    } catch (error) {
      checked.errors.push(describeError(error, path))
    }
  }
  return checked
}

/**
 * Articles whose byline names an id no profile has: shown as a plain name, with no author page. A
 * warning, since a one-word plain name (`editor`) looks like an id too.
 */
export function unknownAuthors(
  articles: Iterable<[string, Pick<Article, 'authors'> & { source?: { key: string } }]>,
  profiles: ProfileFile[],
  pathOf: (key: string) => string = (key) => key,
): string[] {
  const known = new Set(profiles.map((p) => p.profile.id))
  const warnings: string[] = []
  for (const [key, article] of articles)
    for (const author of article.authors)
      if (author.id && !known.has(author.id))
        warnings.push(
          `${pathOf(key)}: author "${author.id}" names no profile (${AUTHOR_FILE(author.id)}); shown as a plain name, without an author page`,
        )
  return warnings
}

const AUTHOR_FILE = (id: string) => `${AUTHORS_DIR}/${id}.yml`

/** Stores each profile that changed; the cache tags to purge (each changed author's pages and articles). */
export async function pushProfiles(
  storage: Pick<Storage, 'internal' | 'db'>,
  {
    languages,
    profiles,
    log,
  }: {
    /** The site's languages: an author's pages are purged in each. */
    languages: readonly string[]
    profiles: ProfileFile[]
    log: (line: string) => void
  },
): Promise<{ changed: string[]; tags: string[] }> {
  const changed: string[] = []
  const tags: string[] = []
  for (const { profile, source } of profiles) {
    const stored = await storeProfile(
      { internal: storage.internal, db: storage.db, languages },
      profile,
      source,
    )
    if (!stored.changed) continue
    changed.push(profile.id)
    tags.push(...stored.tags)
    log(`  ✎ /${languages[0]}/author/${profile.id}: profile ${AUTHOR_FILE(profile.id)}`)
  }
  return { changed, tags: [...new Set(tags)] }
}

/**
 * A saved or deleted profile through the running dev server's publishing API (PUT/DELETE
 * /admin/authors/<id>), which stores it and purges what shows it; null when the server did not take
 * it (then the caller writes it itself). Pages keyed under the server's other origins are purged too.
 */
export async function profileThroughServer(
  server: DevServer,
  {
    id,
    bytes,
    baseUrl,
  }: {
    id: string
    /** The profile's file; null deletes it. */
    bytes: Uint8Array | null
    /** The site's configured origin, whose pages are purged too. */
    baseUrl: string
  },
): Promise<{ changed: boolean } | null> {
  const res = await fetch(`${server.origin}/admin/authors/${encodeURIComponent(id)}`, {
    method: bytes ? 'PUT' : 'DELETE',
    headers: {
      authorization: `Bearer ${server.token}`,
      ...(bytes && { 'content-type': 'application/yaml; charset=utf-8' }),
    },
    body: bytes,
    signal: AbortSignal.timeout(10_000),
  }).catch(() => null)
  if (!bytes && res?.status === 404) {
    await res.body?.cancel()
    return { changed: false }
  }
  if (!res?.ok) {
    await res?.body?.cancel()
    return null
  }
  const answer = (await res.json()) as { changed?: boolean; removed?: boolean; tags: string[] }
  const others = baseUrl ? [] : server.origins.filter((o) => o !== server.origin)
  if (others.length && answer.tags.length)
    await callPurge(server.origin, server.token, { tags: answer.tags, origins: others }).catch(
      () => undefined,
    )
  return { changed: answer.changed ?? answer.removed ?? false }
}

/**
 * A live save of a profile (or its deletion) under npm start: stored through the dev server like an
 * article (or here when it does not answer), its author page and their articles purged; a broken
 * one keeps the stored one. Prints one line saying which.
 */
export async function saveProfile(
  path: string,
  context: {
    dir: string
    config: Pick<ScriptConfig, 'languages' | 'baseUrl'>
    storage: Pick<Storage, 'internal' | 'db'>
    server: DevServer | null
    purge: (tags: string[]) => Promise<void>
    log: (line: string) => void
  },
): Promise<void> {
  const { config, storage, log } = context
  const started = performance.now()
  const ms = () => `${Math.round(performance.now() - started)} ms`
  let id: string
  try {
    id = profileId(path)
  } catch (error) {
    return log(`✗ ${describeError(error, path)}`)
  }
  const page = `/${config.languages[0]}/author/${id}`
  const bytes = await readFile(join(context.dir, path)).then(
    (b) => new Uint8Array(b),
    () => null,
  )
  let profile: AuthorProfile | undefined
  if (bytes) {
    try {
      profile = parseProfile(decodeSource(bytes, path), path)
    } catch (error) {
      return log(`✗ ${describeError(error, path)} — ${page} keeps the previous profile`)
    }
  }
  const answer = context.server
    ? await profileThroughServer(context.server, { id, bytes, baseUrl: config.baseUrl })
    : null
  let changed = answer?.changed ?? false
  if (!answer) {
    const target = { internal: storage.internal, db: storage.db, languages: config.languages }
    const done = profile
      ? await storeProfile(target, profile, bytes!)
      : await removeProfile(target, id).then((r) => ({ changed: r.removed, tags: r.tags }))
    if (done.tags.length) await context.purge(done.tags)
    changed = done.changed
  }
  if (!changed) return
  log(
    profile
      ? `✎ ${page} profile saved (${ms()})`
      : `- ${page} profile removed: ${path} was deleted (${ms()})`,
  )
}
