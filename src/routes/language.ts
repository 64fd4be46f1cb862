/**
 * Addresses without a language (`/`, `/<slug>`) send each visitor to their language, while the
 * `/<lang>/…` pages they lead to stay fully cacheable.
 */
import { Hono } from 'hono'
import { publishedVersions } from '../articles/load'
import type { AppEnv } from '../env'
import { AppError } from '../errors'
import { personalRedirect } from '../i18n/redirect'
import { bestOf, visitorLanguages } from '../i18n/visitor'
import { checkSlug } from '../source/keys'

export const languageRoutes = new Hono<AppEnv>()
  .get('/', (c) => personalRedirect(c, `/${visitorLanguages(c)[0]}/`))
  .get('/:slug', async (c) => {
    const slug = c.req.param('slug')
    if (c.get('config').languages.includes(slug)) return c.redirect(`/${slug}/`, 301)
    checkSlug(slug)
    const versions = await publishedVersions(c, slug)
    const lang = bestOf(
      c,
      versions.map((v) => v.lang),
    )
    if (!lang) throw new AppError('ARTICLE_NOT_FOUND', `no article ${slug} in any language`)
    return personalRedirect(c, `/${lang}/${encodeURIComponent(slug)}`)
  })
