import * as z from 'zod'

/** An article as listings show it (a row of the article index, see src/listing/). Drafts are never in it. */
export const IndexEntry = z.object({
  slug: z.string(),
  title: z.string(),
  description: z.string(),
  /** ISO 8601 with the site's offset. */
  datePublished: z.string().optional(),
  dateModified: z.string().optional(),
  /** Absolute, or root-relative (`/images/a.jpg`) for images on the site itself. */
  image: z
    .object({
      url: z.string(),
      alt: z.string(),
      width: z.number().optional(),
      height: z.number().optional(),
    })
    .optional(),
  categories: z.array(z.string()),
  tags: z.array(z.string()),
  contentLang: z.string(),
  /** Languages this slug also exists in (published). */
  translations: z.array(z.string()),
})
export type IndexEntry = z.output<typeof IndexEntry>

/**
 * The article index's `articles` row, one declaration for every shape of it: the record type D1
 * returns (ArticleRecord), the columns the writer fills (listing/write.ts COLUMNS) and the check
 * that the migrations built exactly these columns with these nullabilities
 * (test/listing/schema.test.ts).
 */
export const ArticleRow = z.object({
  id: z.number().int(),
  lang: z.string(),
  slug: z.string(),
  title: z.string(),
  description: z.string(),
  /** ISO 8601 with the site's offset, as pages show them; sort_ms orders the listings. */
  published_at: z.string(),
  modified_at: z.string().nullable(),
  sort_ms: z.number().int(),
  image_url: z.string().nullable(),
  image_alt: z.string().nullable(),
  image_width: z.number().int().nullable(),
  image_height: z.number().int().nullable(),
  content_lang: z.string(),
  /** JSON arrays of the labels as the article writes them, and its authors [{name, url?}]. */
  categories: z.string(),
  tags: z.string(),
  authors: z.string(),
  /** Which version of which stored source this row describes. */
  source_sha256: z.string(),
  store: z.enum(['kv', 'r2']),
  file_name: z.string().nullable(),
  first_seen: z.string(),
  /** The search index row: newest articles have the highest search ids. */
  search_id: z.number().int(),
})
export type ArticleRow = z.output<typeof ArticleRow>

/** Every column of an `articles` row, in declaration order. */
export const ARTICLE_COLUMNS = Object.keys(ArticleRow.shape) as (keyof ArticleRow)[]
