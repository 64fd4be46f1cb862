/**
 * Building the article index from finished articles (content:push and the admin API run this):
 * pure, so the same entries come out wherever it runs.
 */
import type { Article } from '../schema/article'
import type { IndexEntry, LanguageIndex } from '../schema/listing'

/** The index entry of a published article. `siteOrigin` is stripped so on-site images stay root-relative. */
export function indexEntry(article: Article, siteOrigin: string): IndexEntry {
  const image = article.image && {
    url: article.image.url.startsWith(`${siteOrigin}/`)
      ? article.image.url.slice(siteOrigin.length)
      : article.image.url,
    alt: article.image.alt,
    ...(article.image.width && { width: article.image.width }),
    ...(article.image.height && { height: article.image.height }),
  }
  return {
    slug: article.slug,
    title: article.title,
    description: article.description,
    ...(article.datePublished && { datePublished: article.datePublished }),
    ...(article.dateModified && { dateModified: article.dateModified }),
    ...(image && { image }),
    categories: article.categories,
    tags: article.tags,
    contentLang: article.contentLang,
    translations: [],
  }
}

/** One index per language, newest first, each entry knowing its translations. */
export function buildIndexes(
  entries: Map<string, IndexEntry>,
  languages: readonly string[],
): LanguageIndex[] {
  const bySlug = new Map<string, string[]>()
  for (const key of entries.keys()) {
    const [lang, slug] = splitKey(key)
    bySlug.set(slug, [...(bySlug.get(slug) ?? []), lang])
  }
  return languages.map((lang) => ({
    version: 1 as const,
    lang,
    articles: [...entries]
      .filter(([key]) => splitKey(key)[0] === lang)
      .map(([, entry]) => ({
        ...entry,
        translations: (bySlug.get(entry.slug) ?? []).filter((l) => l !== lang).sort(),
      }))
      .sort(newestFirst),
  }))
}

const splitKey = (key: string) =>
  [key.slice(0, key.indexOf('/')), key.slice(key.indexOf('/') + 1)] as const

function newestFirst(a: IndexEntry, b: IndexEntry): number {
  const byDate = Date.parse(b.datePublished ?? '') - Date.parse(a.datePublished ?? '')
  if (byDate) return byDate
  if (!a.datePublished !== !b.datePublished) return a.datePublished ? -1 : 1
  return a.slug.localeCompare(b.slug)
}

/** The entries of stored indexes, by article key: the starting point for changing one article. */
export function entriesOf(indexes: LanguageIndex[]): Map<string, IndexEntry> {
  return new Map(
    indexes.flatMap((index) =>
      index.articles.map((entry) => [`${index.lang}/${entry.slug}`, entry] as const),
    ),
  )
}
