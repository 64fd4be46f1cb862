/**
 * Old addresses (front matter `redirect_from`, the jekyll-redirect-from convention) → the article
 * that now lives elsewhere. Written beside the index row by the one index writer, read once when a
 * request would otherwise be a 404.
 */
import type { Db } from './db'

/**
 * How an old address is stored and looked up: percent-decoded, NFC, without trailing slashes, and of
 * the query only WordPress's post ids (`/?p=101`, `/?page_id=7`), so `/2024/06/19/%ED%91%B8틴/` and
 * `/2024/06/19/푸틴` are one address. Undefined for something that is not a site path.
 */
export function redirectKey(pathAndQuery: string): string | undefined {
  let url: URL
  try {
    url = new URL(pathAndQuery, 'https://redirect.invalid')
  } catch {
    return undefined
  }
  if (url.origin !== 'https://redirect.invalid') return undefined
  let path = url.pathname
  try {
    path = decodeURIComponent(path)
  } catch {
    // not valid percent-encoding: kept as written
  }
  path = path.normalize('NFC').replace(/\/+$/, '') || '/'
  const id = ['p', 'page_id'].find((name) => /^\d+$/.test(url.searchParams.get(name) ?? ''))
  return id ? `${path}?${id}=${url.searchParams.get(id)}` : path
}

/** An article and its old addresses (paths or URLs). */
export interface RedirectsTo {
  lang: string
  slug: string
  paths: readonly string[]
}

/** One statement that takes every old address of these articles away (a JSON list of [lang, slug]). */
export const clearRedirects = (db: Db, keys: { lang: string; slug: string }[]) =>
  db
    .prepare(
      `DELETE FROM redirects WHERE rowid IN (SELECT r.rowid FROM json_each(?1) AS k
         JOIN redirects AS r ON r.lang = json_extract(k.value, '$[0]') AND r.slug = json_extract(k.value, '$[1]'))`,
    )
    .bind(JSON.stringify(keys.map((k) => [k.lang, k.slug])))

/** The statements that make `paths` lead to lang/slug (after `clearRedirects`): none for most articles. */
export function redirectInserts(db: Db, { lang, slug, paths }: RedirectsTo): D1PreparedStatement[] {
  const keys = [...new Set(paths.map(redirectKey).filter((k): k is string => !!k && k !== '/'))]
  return keys.map((key) =>
    db
      .prepare('INSERT OR REPLACE INTO redirects (path, lang, slug) VALUES (?1, ?2, ?3)')
      .bind(key, lang, slug),
  )
}

/** Where an old address leads now: `/ko/<slug>`, or undefined. */
export async function findRedirect(db: Db, pathAndQuery: string): Promise<string | undefined> {
  const key = redirectKey(pathAndQuery)
  if (!key || (key === '/' && !pathAndQuery.includes('?'))) return undefined
  const row = await db
    .prepare('SELECT lang, slug FROM redirects WHERE path = ?1')
    .bind(key)
    .first<{ lang: string; slug: string }>()
  return row ? `/${row.lang}/${encodeURIComponent(row.slug)}` : undefined
}
