import { AppError } from '../errors'

const MAX_SLUG_BYTES = 200

/**
 * Checks a slug from the URL before any storage read: no path tricks, no control characters,
 * at most 200 bytes of UTF-8. Hangul and other letters are welcome.
 */
export function checkSlug(slug: string): string {
  const normalized = slug.normalize('NFC')
  const problem =
    normalized.length === 0
      ? 'is empty'
      : normalized.includes('..')
        ? 'contains ".."'
        : /[/\\]/.test(normalized)
          ? 'contains a slash'
          : // eslint-disable-next-line no-control-regex -- refusing control characters is the point
            /[\u0000-\u001f\u007f-\u009f]/.test(normalized)
            ? 'contains a control character'
            : new TextEncoder().encode(normalized).length > MAX_SLUG_BYTES
              ? `is longer than ${MAX_SLUG_BYTES} bytes`
              : /^[.\s]|\s$/.test(normalized)
                ? 'starts with a dot or has surrounding spaces'
                : null
  if (problem) throw new AppError('SLUG_INVALID', `the slug ${problem}`, { key: 'slug' })
  return normalized
}

/** A BCP 47-style language tag as the site uses it in URLs: `ko`, `en`, `zh-Hant`. */
export const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/

/**
 * Storage layout. An article's source is `<lang>/<slug>`, exactly where a publisher can put it by
 * hand (`wrangler kv key put ko/my-story …`). Everything the site derives lives under `_/`, which no
 * article key can reach: a language tag never starts with `_`.
 */
export const articleKey = (lang: string, slug: string) => `${lang}/${slug}`
export const INTERNAL_PREFIX = '_/'

/** `ko/putin-kim-pact` → its language and slug. */
export function splitArticleKey(key: string): { lang: string; slug: string } {
  const slash = key.indexOf('/')
  return { lang: key.slice(0, slash), slug: key.slice(slash + 1) }
}

/** An article key: `<lang>/<slug>`, the slug without slashes. */
export const ARTICLE_KEY = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*\/[^/]+$/

/**
 * The one reading of a page address: `/ko/putin-kim-pact` → its language and slug (percent-decoded,
 * checked); listings, feeds, other sites' paths and bad slugs → undefined.
 */
export function articleAddress(
  path: string,
  languages: readonly string[],
): { lang: string; slug: string } | undefined {
  const [, lang, slug, ...rest] = path.split('/')
  if (!lang || !slug || rest.length || !languages.includes(lang)) return undefined
  try {
    return { lang, slug: checkSlug(decodeURIComponent(slug)) }
  } catch {
    return undefined
  }
}

/** The site language a path is in: `/ko/…`, `/api/articles/ko/…` or `/og/ko/…`; else undefined. */
export function addressLanguage(path: string, languages: readonly string[]): string | undefined {
  const segment = path.replace(/^\/(api\/articles|og)\//, '/').split('/')[1]
  return segment && languages.includes(segment) ? segment : undefined
}
