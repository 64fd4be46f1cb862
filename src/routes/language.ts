/**
 * Addresses without a language (`/`, `/<slug>`) send each visitor to their language, while the
 * `/<lang>/…` pages they lead to stay fully cacheable.
 */
import { Hono } from 'hono'
import { loadArticle, publishedVersions } from '../articles/load'
import type { AppContext } from '../env'
import type { AppEnv } from '../env'
import { AppError } from '../errors'
import { personalRedirect } from '../i18n/redirect'
import { bestOf, visitorLanguages } from '../i18n/visitor'
import { checkSlug } from '../source/keys'
import { oldAddress } from './old-address'

export const languageRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    // WordPress's own addresses, `/?p=101`: an imported article's old link.
    const moved = (c.req.query('p') ?? c.req.query('page_id')) && (await oldAddress(c))
    return moved || personalRedirect(c, `/${visitorLanguages(c)[0]}/`)
  })
  .get('/:slug', async (c) => {
    const slug = c.req.param('slug')
    if (c.get('config').languages.includes(slug)) return c.redirect(`/${slug}/`, 301)
    checkSlug(slug)
    const indexed = (await publishedVersions(c, slug)).map((v) => v.lang)
    // A source put by hand may not be indexed yet: look for it in the visitor's languages, best first.
    const lang = bestOf(c, indexed) ?? (await firstPublished(c, visitorLanguages(c), slug))
    if (!lang) throw new AppError('ARTICLE_NOT_FOUND', `no article ${slug} in any language`)
    return personalRedirect(c, `/${lang}/${encodeURIComponent(slug)}`)
  })

async function firstPublished(
  c: AppContext,
  languages: string[],
  slug: string,
): Promise<string | undefined> {
  for (const lang of languages) if ((await loadArticle(c, lang, slug)).article) return lang
  return undefined
}
