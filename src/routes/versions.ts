import type { AppContext } from '../env'
import { ArticleError } from '../errors'
import { peekArticle } from '../pipeline'
import type { Translation } from '../schema/article'
import { sourceStore } from '../source'
import { sourceKey } from '../source/keys'

/**
 * The published versions of a slug, in the site's language order (front matter only; a broken or
 * draft version is not offered). Storage failures propagate, so the cache can stand in.
 */
export async function publishedVersions(
  c: AppContext,
  slug: string,
  except?: string,
): Promise<Translation[]> {
  const config = c.get('config')
  const store = sourceStore(c.env, config)
  const languages = config.languages.filter((lang) => lang !== except)
  const found = await Promise.all(
    languages.map(async (lang): Promise<Translation | undefined> => {
      const source = await store.get(sourceKey(lang, slug))
      if (!source) return undefined
      try {
        const { title, published } = peekArticle(source)
        return published
          ? { lang, title, url: `${c.get('baseUrl')}/${lang}/${encodeURIComponent(slug)}` }
          : undefined
      } catch (error) {
        if (error instanceof ArticleError) return undefined
        throw error
      }
    }),
  )
  return found.filter((v) => v !== undefined)
}
