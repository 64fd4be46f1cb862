import * as z from 'zod'

/**
 * The article index content:push writes per language (`_index/<lang>`): what listings, feeds and the
 * sitemap need, so no request lists or reads every article. Drafts are never in it.
 */
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

export const LanguageIndex = z.object({
  version: z.literal(1),
  lang: z.string(),
  /** Newest first. */
  articles: z.array(IndexEntry),
})
export type LanguageIndex = z.output<typeof LanguageIndex>

/** Where a language's index is stored among the site's internal data. */
export const indexName = (lang: string) => `index/${lang}`
