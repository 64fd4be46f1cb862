/**
 * What the index keeps of an article: one row per language, made from the finished article. Pure, so
 * content:push, the publishing API, the reconciler and the read path all write the same row.
 */
import { AUTHOR_ID, type ArticleHead, type Author } from '../schema/article'
import type { StoreName } from '../source/driver'
import { searchText } from './search-text'

/** Search reads this much of a body: enough to find any article by its text, bounded per row. */
export const SEARCH_BODY_CHARACTERS = 20_000

export interface IndexRow {
  lang: string
  slug: string
  title: string
  description: string
  /** ISO 8601 with the site's offset. */
  publishedAt: string
  modifiedAt?: string
  /** Absolute, or root-relative (`/images/a.jpg`) for images on the site itself. */
  image?: { url: string; alt: string; width?: number; height?: number }
  contentLang: string
  categories: string[]
  tags: string[]
  authors: Author[]
  sourceSha256: string
  store: StoreName
  fileName?: string
  /** When the index first saw this article (its first upload, or its first read for a hand-put source). */
  firstSeen: string
  /** A page: its old addresses are kept, but it takes no place in listings, feeds or search. */
  page?: true
  redirectFrom?: string[]
  /** Title, description and body as the search index stores them. */
  search: { title: string; description: string; body: string }
}

/** How listings match a category or tag, whatever its case or Unicode normalization (`News` = `news`). */
export const labelKey = (name: string, lang: string) =>
  name.normalize('NFC').toLocaleLowerCase(lang)

/** What a row records besides the article itself: which stored version, where, since when. */
export interface RowFacts {
  sourceSha256: string
  store: StoreName
  firstSeen: string
  fileName?: string
  origin: string
}

/** The row for an article; `origin` is the one it was built for, and on-site images are kept relative to it. */
export function indexRow(article: ArticleHead, text: string, facts: RowFacts): IndexRow {
  const image = article.image && {
    url: article.image.url.startsWith(`${facts.origin}/`)
      ? article.image.url.slice(facts.origin.length)
      : article.image.url,
    alt: article.image.alt,
    ...(article.image.width && { width: article.image.width }),
    ...(article.image.height && { height: article.image.height }),
  }
  return {
    lang: article.lang,
    slug: article.slug,
    title: article.title,
    description: article.description,
    publishedAt: article.datePublished ?? facts.firstSeen,
    ...(article.dateModified &&
      article.dateModified !== article.datePublished && { modifiedAt: article.dateModified }),
    ...(image && { image }),
    contentLang: article.contentLang,
    categories: article.categories,
    tags: article.tags,
    authors: article.authors,
    sourceSha256: facts.sourceSha256,
    store: facts.store,
    ...(facts.fileName && { fileName: facts.fileName }),
    firstSeen: facts.firstSeen,
    ...(article.page && { page: true as const }),
    ...(article.redirectFrom?.length && { redirectFrom: article.redirectFrom }),
    search: {
      title: searchText(article.title),
      description: searchText(article.description),
      body: searchText(text.slice(0, SEARCH_BODY_CHARACTERS)),
    },
  }
}

export type LabelKind = 'category' | 'tag' | 'author'

/** Each category and tag once, and each profile the byline names, with the key listings match it by. */
export function labelsOf(
  row: Pick<IndexRow, 'lang' | 'categories' | 'tags'> & { authors?: Author[] },
): { kind: LabelKind; key: string; name: string }[] {
  const seen = new Set<string>()
  const labels: { kind: LabelKind; key: string; name: string }[] = []
  for (const [kind, names] of [
    ['category', row.categories],
    ['tag', row.tags],
  ] as const) {
    for (const name of names) {
      const key = labelKey(name, row.lang)
      if (seen.has(`${kind}:${key}`)) continue
      seen.add(`${kind}:${key}`)
      labels.push({ kind, key, name })
    }
  }
  // An author's listing is keyed by the profile id; one the site has no profile for stays unlisted
  // until it gets one (its page is a 404 until then).
  for (const author of row.authors ?? []) {
    if (!author.id || seen.has(`author:${author.id}`)) continue
    seen.add(`author:${author.id}`)
    labels.push({ kind: 'author', key: author.id, name: author.id })
  }
  return labels
}

/**
 * The listings an indexed row is in, from its JSON label columns. A column that does not decode (a
 * row written by hand) lists nothing rather than stopping whoever reads it.
 */
export function rowLabels(row: {
  lang: string
  categories: string
  tags: string
  authors?: string
}): { lang: string; kind: LabelKind; key: string }[] {
  return labelsOf({
    lang: row.lang,
    categories: labelList(row.categories),
    tags: labelList(row.tags),
    authors: authorList(row.authors),
  }).map(({ kind, key }) => ({ lang: row.lang, kind, key }))
}

/** A label column (`categories`, `tags`: a JSON array as stored) as its labels; damaged → none. */
export function labelList(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json)
    return Array.isArray(value) ? value.map(String) : []
  } catch {
    return []
  }
}

function authorList(json: string | undefined): Author[] {
  if (json === undefined) return []
  try {
    const value: unknown = JSON.parse(json)
    return Array.isArray(value)
      ? value.flatMap((a: { id?: unknown; name?: unknown }) =>
          typeof a?.id === 'string' && AUTHOR_ID.test(a.id)
            ? [{ name: String(a.name), id: a.id }]
            : [],
        )
      : []
  } catch {
    return []
  }
}
