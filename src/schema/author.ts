import * as z from 'zod'
import { TEXT_LIMITS } from './article'
import { HttpUrl, WebOrSiteUrl } from './url'

/**
 * An author profile, content/authors/<id>.yml. Each text is one string for every language or a map
 * of language → text (`name: { ko: 김민지, en: Kim Min-ji }`); a page shows its own language's, else
 * the site's default language's, else the first given.
 */
const PerLanguage = (max: number) => {
  const oneText = z
    .string({ error: 'expected a text' })
    .trim()
    .min(1, 'expected a non-empty string')
    .max(max, `expected at most ${max} characters`)
  return z.union(
    [
      oneText,
      z.record(
        z
          .string()
          .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'expected a language tag such as ko or en'),
        oneText,
        {
          error: (issue) =>
            issue.code === 'invalid_key'
              ? 'expected a language tag such as ko or en as the key'
              : undefined,
        },
      ),
    ],
    { error: 'expected a text, or a map of language: text (ko: …, en: …)' },
  )
}

export const AuthorProfile = z.strictObject(
  {
    name: PerLanguage(TEXT_LIMITS.author),
    /** Role or job title: schema.org jobTitle. */
    title: PerLanguage(TEXT_LIMITS.author).optional(),
    bio: PerLanguage(TEXT_LIMITS.summary).optional(),
    /** A path on the site (`/images/authors/kim.jpg`) or an http(s) URL. */
    photo: WebOrSiteUrl.optional(),
    email: z.email('expected an email address like name@example.com').optional(),
    /** Profiles elsewhere (Wikipedia, X, LinkedIn …): schema.org sameAs. */
    sameAs: z.array(HttpUrl).max(20, 'expected at most 20 links').optional(),
  },
  { error: 'a profile is a map of `key: value` lines (name, title, bio, photo, email, sameAs)' },
)
export type AuthorProfile = z.output<typeof AuthorProfile> & { id: string }

export type PerLanguageText = z.output<ReturnType<typeof PerLanguage>>

/** One language's text of a per-language field. */
export function inLanguage(
  value: PerLanguageText | undefined,
  lang: string,
  fallback: string,
): string | undefined {
  if (value === undefined || typeof value === 'string') return value
  return value[lang] ?? value[fallback] ?? Object.values(value)[0]
}
