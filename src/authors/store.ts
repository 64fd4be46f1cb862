/**
 * Where profiles live at the edge: beside the articles, in the site's own space of the first store
 * that has them (`_/authors/<id>`, which no article key can reach), as the validated file itself.
 * content:push and npm start's live saves write them; the Worker only reads. A profile that no
 * longer validates (written by hand) is treated as missing and logged by the caller, never served half.
 */
import type { SiteConfig } from '../config'
import type { AuthorProfile } from '../schema/author'
import { decodeSource } from '../parse/decode'
import { parseProfile } from './parse'
import type { InternalStore } from '../source/internal'
import { internalOf, storeDriver } from '../source'
import type { Driver } from '../source/driver'
import { INTERNAL_PREFIX } from '../source/keys'

export const profileName = (id: string) => `authors/${id}`

/**
 * A stored profile is its file, byte for byte (content:pull writes it back as it was), checked
 * again when read: one that does not validate (put there by hand) is treated as missing.
 */
export function decodeProfile(bytes: ArrayBuffer, id: string): AuthorProfile | undefined {
  try {
    return parseProfile(decodeSource(bytes, profileFile(id)), profileFile(id))
  } catch {
    return undefined
  }
}

/** Where content/ keeps a profile, relative to the folder. */
export const profileFile = (id: string) => `authors/${id}.yml`

export const writeProfile = (internal: InternalStore, id: string, source: Uint8Array) =>
  internal.put(profileName(id), source, {})

export const deleteProfile = (internal: InternalStore, id: string) =>
  internal.delete(profileName(id))

/** The profile `id` from the configured stores, in their order; undefined when none has one. */
export async function readProfile(
  env: Env,
  config: Pick<SiteConfig, 'sources' | 'storageTimeoutMs'>,
  id: string,
): Promise<AuthorProfile | undefined> {
  for (const name of config.sources) {
    const found = await internalOf(env, name, config.storageTimeoutMs).get(profileName(id))
    if (found) return decodeProfile(found.bytes, id)
  }
  return undefined
}

/** The ids of the profiles one store holds (a page of keys a call: KV lists 1,000). */
export async function profileIdsIn(driver: Driver): Promise<string[]> {
  const prefix = `${INTERNAL_PREFIX}${profileName('')}`
  const ids: string[] = []
  let cursor: string | undefined
  do {
    const page = await driver.list({ prefix, ...(cursor && { cursor }) })
    ids.push(...page.entries.map((e) => e.key.slice(prefix.length)))
    cursor = page.cursor
  } while (cursor)
  return ids
}

/** The ids of every stored profile, in any configured store (the sitemap's author pages). */
export async function storedProfileIds(
  env: Env,
  config: Pick<SiteConfig, 'sources'>,
): Promise<Set<string>> {
  const found = await Promise.all(
    config.sources.map((name) => profileIdsIn(storeDriver(env, name))),
  )
  return new Set(found.flat())
}
