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
