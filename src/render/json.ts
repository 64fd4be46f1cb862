import type { PageMeta } from '../meta/page'
import type { Article } from '../schema/article'

/** The JSON API's article: every field, the extra front matter keys, and the page's meta tags as data. */
export function articleJson(article: Article, meta: PageMeta) {
  return { ...article, meta }
}
