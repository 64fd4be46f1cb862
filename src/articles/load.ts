/**
 * An article for a request: read from the stores SOURCES names, parsed and transformed by the
 * pipeline, with its other published language versions. Routes call this; it knows nothing of HTTP.
 */
import { endTime, startTime, wrapTime } from 'hono/timing'
import type { AppContext } from '../env'
import { AppError } from '../errors'
import { buildArticle, peekArticle } from '../pipeline'
import type { Article, Translation } from '../schema/article'
import { readSources } from '../source'
import { articleKey } from '../source/keys'

/** A missing source or a draft is ARTICLE_NOT_FOUND; a source that cannot be rendered is SOURCE_INVALID. */
export async function loadArticle(c: AppContext, lang: string, slug: string): Promise<Article> {
  const config = c.get('config')
  const source = await wrapTime(
    c,
    'storage',
    readSources(c.env, config).get(articleKey(lang, slug)).catch(asReadError),
  )
  if (!source) throw new AppError('ARTICLE_NOT_FOUND', `no article at ${lang}/${slug}`)
  startTime(c, 'parse')
  try {
    const article = buildArticle(source, {
      baseUrl: c.get('baseUrl'),
      timeZone: config.timeZone,
      defaultLang: config.defaultLang,
    })
    // Drafts exist in storage but are not published.
    if (!article.published) throw new AppError('ARTICLE_NOT_FOUND', `${lang}/${slug} is a draft`)
    return article
  } catch (error) {
    return asReadError(error)
  } finally {
    endTime(c, 'parse')
  }
}

/** At read time every problem with the source itself is a broken article, whatever refused it. */
function asReadError(error: unknown): never {
  if (error instanceof AppError && error.code === 'SOURCE_TOO_LARGE')
    throw error.as('SOURCE_INVALID')
  throw error
}

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
  const store = readSources(c.env, config)
  const languages = config.languages.filter((lang) => lang !== except)
  const found = await Promise.all(
    languages.map(async (lang): Promise<Translation | undefined> => {
      try {
        const source = await store.get(articleKey(lang, slug))
        if (!source) return undefined
        const { title, published } = peekArticle(source)
        return published
          ? { lang, title, url: `${c.get('baseUrl')}/${lang}/${encodeURIComponent(slug)}` }
          : undefined
      } catch (error) {
        if (error instanceof AppError) return undefined
        throw error
      }
    }),
  )
  return found.filter((v) => v !== undefined)
}
