/**
 * Where profiles live at the edge: beside the articles, in the site's own space of the first store
 * that has them (`_/authors/<id>`, which no article key can reach), as the validated profile's JSON.
 * content:push and npm start's live saves write them; the Worker only reads. A profile that no
 * longer validates (written by hand) is treated as missing and logged by the caller, never served half.
 */
import type { SiteConfig } from '../config'
import { AuthorProfile } from '../schema/author'
import type { InternalStore } from '../source/internal'
import { internalOf } from '../source'

export const profileName = (id: string) => `authors/${id}`

/** The profile without its id, which is its key. */
export function encodeProfile(profile: AuthorProfile): Uint8Array {
  const { id, ...fields } = profile
  void id
  return new TextEncoder().encode(JSON.stringify(fields))
}

export function decodeProfile(bytes: ArrayBuffer, id: string): AuthorProfile | undefined {
  try {
    const parsed = AuthorProfile.safeParse(JSON.parse(new TextDecoder().decode(bytes)))
    return parsed.success ? { ...parsed.data, id } : undefined
  } catch {
    return undefined
  }
}

export const writeProfile = (internal: InternalStore, profile: AuthorProfile) =>
  internal.put(profileName(profile.id), encodeProfile(profile))

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
