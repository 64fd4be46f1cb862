import * as z from 'zod'
import { parseDate } from '../parse/date'
import { HttpUrl, WebOrSiteUrl } from './url'

/**
 * Front matter, following Jekyll (and jekyll-seo-tag) where publishers already know the keys.
 * Unknown keys (like the seed's `feature_text`) pass through and are exposed as `extra`.
 */

const text = z.string().trim().min(1, 'expected a non-empty string')

/**
 * How long the things a page shows more than once may be: a title lands in <title>, <h1>, og:title,
 * JSON-LD and every listing; a label in links, meta tags and listing addresses. Far above real use.
 */
export const TEXT_LIMITS = {
  title: 300,
  summary: 2_000,
  label: 100,
  labels: 50,
  author: 200,
} as const

const limited = (max: number) => z.string().max(max, `expected at most ${max} characters`)

/** Jekyll accepts a list or one string of space-separated words for categories and tags. */
const wordList = z
  .union([z.string(), z.number(), z.array(z.union([z.string(), z.number()]))])
  .transform((v) => (Array.isArray(v) ? v.map(String) : String(v).split(/\s+/)))
  .transform((items) => [...new Set(items.map((s) => s.trim()).filter(Boolean))])
  .pipe(
    z
      .array(limited(TEXT_LIMITS.label))
      .max(
        TEXT_LIMITS.labels,
        `expected at most ${TEXT_LIMITS.labels} categories or tags; listings and meta tags list each one`,
      ),
  )

const DATE_FORMAT = 'expected a date like 2024-06-19 or 2024-06-19 10:30:00 +0900'
// Checked here rather than when the date is used, so the error names the line: the zone does not
// change whether a calendar date exists (2024-13-45 does not anywhere).
const dateLike = z
  .union([z.string(), z.date()], { error: DATE_FORMAT })
  .refine((value) => parseDate(value, 'UTC') !== null, { error: DATE_FORMAT })

const pixels = z
  .number({ error: 'expected a whole number of pixels' })
  .int('expected a whole number of pixels')
  .positive()
  .max(100_000)
const dimension = z.preprocess(
  (v) => (typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v) : v),
  pixels,
)

const unit = z
  .number({ error: 'expected a number from 0 to 1' })
  .min(0, 'expected a number from 0 to 1')
  .max(1, 'expected a number from 0 to 1')

const ImageObject = z
  .looseObject({
    url: WebOrSiteUrl.optional(),
    /** jekyll-seo-tag's name for the URL. */
    path: WebOrSiteUrl.optional(),
    width: dimension.optional(),
    height: dimension.optional(),
    alt: z.string().optional(),
    /** Shown under the picture on the page, and the photographer or agency beside it. */
    caption: limited(TEXT_LIMITS.summary).optional(),
    credit: limited(TEXT_LIMITS.author).optional(),
    /** Where crops of a hosted picture centre (docs/images.md): x and y, 0..1 from left and top. */
    focus: z
      .tuple([unit, unit], { error: 'expected [x, y], two numbers from 0 to 1, e.g. [0.5, 0.3]' })
      .optional(),
  })
  .refine((img) => img.url ?? img.path, { message: 'an image object needs `url` (or `path`)' })

/**
 * A profile's id (content/authors/<id>.yml): lower-case letters, digits and dashes. An article's
 * `author: kim-minji` names the profile when one exists, as jekyll-seo-tag looks a string author up
 * in `site.data.authors`; any other string is a plain name.
 */
export const AUTHOR_ID = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/

const AuthorObject = z.looseObject({
  name: text.pipe(limited(TEXT_LIMITS.author)),
  /** The profile this byline is (content/authors/<id>.yml); its name, title and photo win. */
  id: z
    .string()
    .regex(AUTHOR_ID, 'expected a profile id: lower-case letters, digits and dashes')
    .optional(),
  url: HttpUrl.optional(),
  /** Profiles elsewhere (Wikipedia, X, LinkedIn …): schema.org Person sameAs. */
  sameAs: z.array(HttpUrl).max(20).optional(),
  email: z.string().optional(),
  twitter: z.string().optional(),
})

export const LanguageTag = z
  .string()
  .refine(isLanguageTag, 'expected a BCP 47 language tag such as ko or en-US')

export const FrontMatter = z.looseObject({
  title: text.pipe(limited(TEXT_LIMITS.title)),
  date: dateLike.optional(),
  last_modified_at: dateLike.optional(),
  categories: wordList.optional(),
  category: wordList.optional(),
  tags: wordList.optional(),
  author: z
    .union([
      text.pipe(limited(TEXT_LIMITS.author)),
      AuthorObject,
      z
        .array(z.union([text.pipe(limited(TEXT_LIMITS.author)), AuthorObject]))
        .max(20, 'expected at most 20 authors'),
    ])
    .optional(),
  image: z.union([WebOrSiteUrl, ImageObject]).optional(),
  excerpt: limited(TEXT_LIMITS.summary).optional(),
  description: limited(TEXT_LIMITS.summary).optional(),
  lang: LanguageTag.optional(),
  canonical_url: HttpUrl.optional(),
  published: z.boolean({ error: 'expected true or false' }).optional(),
  /** Not served anywhere before this time (a future `date` holds an article back the same way). */
  embargo: dateLike.optional(),
  /** Dated corrections, shown on the page and in the JSON-LD; each one is a change for dateModified. */
  corrections: z
    .array(
      z.object({
        date: dateLike,
        text: text.pipe(limited(TEXT_LIMITS.summary)),
      }),
    )
    .max(50, 'expected at most 50 corrections')
    .optional(),
  /** A page (about, contact): served at its address and in the sitemap, never listed, fed or searched. */
  type: z.enum(['article', 'page'], { error: 'expected article or page' }).optional(),
  /** Old addresses that answer with a 301 to this article (jekyll-redirect-from), e.g. an import's permalinks. */
  redirect_from: z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .pipe(
      z
        .array(z.string().startsWith('/', 'expected a site path starting with /'))
        .max(100, 'expected at most 100 old addresses'),
    )
    .optional(),
  /** Explicit schema.org type; otherwise a "news" category or tag makes a NewsArticle. */
  schema_type: z.enum(['NewsArticle', 'BlogPosting', 'Article']).optional(),
})
export type FrontMatter = z.output<typeof FrontMatter>

/** The keys the schema knows; everything else is kept as `extra`. */
export const KNOWN_KEYS = new Set(Object.keys(FrontMatter.shape))

function isLanguageTag(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1
  } catch {
    return false
  }
}

export type SourceFormat = 'html' | 'md'

export interface Heading {
  id: string
  text: string
  level: number
}

export interface Author {
  name: string
  url?: string
  sameAs?: string[]
  /** A profile id (see AUTHOR_ID): its page is /<lang>/author/<id>, and its profile fills in the rest. */
  id?: string
  /** From the profile, in the page's language (schema.org jobTitle). */
  jobTitle?: string
  /** The profile's photo, absolute. */
  image?: string
}

export interface Correction {
  /** ISO 8601 with the site's offset. */
  date: string
  text: string
}

export interface ArticleImage {
  url: string
  alt: string
  width?: number
  height?: number
  type?: string
  /** The URL as the source wrote it, when that was relative (resolved against the page for `url`). */
  written?: string
  caption?: string
  credit?: string
  /**
   * A picture hosted with the site (docs/images.md): `url` is its original at /media/<hash>/<name>;
   * pages offer its variants and crops around `focus` (centre when absent).
   */
  hosted?: { hash: string; name: string; focus?: [number, number] }
}

/** Another language's version of the same article (same slug). */
export interface Translation {
  lang: string
  /** Its canonical page URL. */
  url: string
  title: string
}

/** A finished article: everything a page, the JSON API and the metadata need. */
export interface Article {
  /** The URL language (the storage folder), one of the site's languages. */
  lang: string
  slug: string
  /** BCP 47 language of the text itself: front matter `lang`, else the URL language, else detected. */
  contentLang: string
  /** Absolute canonical URL. */
  url: string
  title: string
  description: string
  excerpt?: string
  /** ISO 8601 with the site's offset. */
  datePublished?: string
  /** The publication date was given as a day only (`date: 2024-06-19`, a dated file name): show no time. */
  dateOnly?: boolean
  /** Only when the article changed after publication (see pipeline.ts). */
  dateModified?: string
  /** Front matter `embargo`, when it holds the article back past its date (see publish/schedule.ts). */
  embargo?: string
  /** Oldest first. */
  corrections?: Correction[]
  categories: string[]
  tags: string[]
  authors: Author[]
  image?: ArticleImage
  schemaType: 'NewsArticle' | 'BlogPosting' | 'Article'
  published: boolean
  /** `type: page`: kept out of listings, feeds and search. */
  page?: true
  /** Old site paths that lead here (front matter `redirect_from`). */
  redirectFrom?: string[]
  /** Sanitized body HTML. */
  html: string
  text: string
  toc: Heading[]
  readingMinutes: number
  /** The other published language versions, in the site's language order; filled in by the route. */
  translations: Translation[]
  /** Front matter keys the schema does not know, as written. */
  extra: Record<string, unknown>
  source: { key: string; store: string; etag: string; format: SourceFormat; uploaded?: string }
}

/** An article without its body, which may still be stored bytes (see articles/derived.ts). */
export type ArticleHead = Omit<Article, 'html' | 'text'>
