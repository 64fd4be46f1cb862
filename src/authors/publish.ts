/**
 * The one write path of profiles, shared by the publishing API (PUT/DELETE /admin/authors/<id>),
 * content:push and npm start's live saves: store the validated profile, then say which cached
 * responses show it: the author's page and feed in every language, and each of their articles
 * (its byline and JSON-LD), found in the index.
 */
import { tag } from '../cache/tags'
import { query, type Db } from '../listing/db'
import type { AuthorProfile } from '../schema/author'
import type { InternalStore } from '../source/internal'
import { deleteProfile, profileName, writeProfile } from './store'

export interface ProfileTarget {
  internal: InternalStore
  db: Db
  languages: readonly string[]
}

/**
 * Stores a profile file (validated by the caller: `profile` is what it says); `changed` is false when
 * the stored file is the same, and then nothing is purged.
 */
export async function storeProfile(
  target: ProfileTarget,
  profile: AuthorProfile,
  source: Uint8Array,
): Promise<{ changed: boolean; tags: string[] }> {
  const stored = await target.internal.get(profileName(profile.id))
  if (stored && sameBytes(new Uint8Array(stored.bytes), source)) return { changed: false, tags: [] }
  await writeProfile(target.internal, profile.id, source)
  return { changed: true, tags: await profileTags(target.db, target.languages, profile.id) }
}

/** Deletes a stored profile; false when there was none. */
export async function removeProfile(
  target: ProfileTarget,
  id: string,
): Promise<{ removed: boolean; tags: string[] }> {
  if (!(await target.internal.get(profileName(id)))) return { removed: false, tags: [] }
  await deleteProfile(target.internal, id)
  return { removed: true, tags: await profileTags(target.db, target.languages, id) }
}

/**
 * What shows a profile: its page and feed per language (one tag each), and every article whose
 * byline names it, one index seek per language (labels' primary key starts with lang, kind, key).
 */
export async function profileTags(
  db: Db,
  languages: readonly string[],
  id: string,
): Promise<string[]> {
  const label = { kind: 'author', key: id } as const
  const rows = await query(
    db.batch<{ lang: string; slug: string }>(
      languages.map((lang) =>
        db
          .prepare(`SELECT lang, slug FROM labels WHERE lang = ? AND kind = 'author' AND key = ?`)
          .bind(lang, id),
      ),
    ),
    { storageTimeoutMs: 30_000 },
    `the articles of author ${id}`,
  )
  return [
    ...languages.map((lang) => tag.label(lang, label)),
    // The sitemap lists an author's page only while they have a profile.
    tag.sitemap(),
    ...rows.flatMap((r) => r.results).map((r) => tag.article(r.lang, r.slug)),
  ]
}

const sameBytes = (a: Uint8Array, b: Uint8Array) =>
  a.byteLength === b.byteLength && a.every((byte, i) => byte === b[i])
