/**
 * Addresses without a language (`/`, `/<slug>`) send each visitor to their language. The answer
 * depends on the visitor, so it is private and varies by Accept-Language and Cookie, while the
 * `/<lang>/…` pages it points to stay fully cacheable.
 */
import { Hono } from 'hono'
import { setCookie } from 'hono/cookie'
import type { AppContext, AppEnv } from '../env'
import { ArticleError } from '../errors'
import { matchLanguage } from '../i18n/negotiate'
import { bestOf, LANG_COOKIE, visitorLanguages } from '../i18n/visitor'
import { checkSlug } from '../source/keys'
import { publishedVersions } from './versions'

/** A 302 for this visitor only; an explicit `?lang=` choice is remembered for a year. */
export function personalRedirect(c: AppContext, location: string): Response {
  const chosen = matchLanguage(c.req.query('lang') ?? '', c.get('config').languages)
  if (chosen) {
    setCookie(c, LANG_COOKIE, chosen, {
      path: '/',
      maxAge: 31_536_000,
      sameSite: 'Lax',
      httpOnly: true,
      secure: new URL(c.req.url).protocol === 'https:',
    })
  }
  c.header('Cache-Control', 'private, no-store')
  c.header('Vary', 'Accept-Language, Cookie')
  return c.redirect(location, 302)
}

export const languageRoutes = new Hono<AppEnv>()
  .get('/', (c) => personalRedirect(c, `/${visitorLanguages(c)[0]}/`))
  .get('/:slug', async (c) => {
    const slug = c.req.param('slug')
    const config = c.get('config')
    if (config.languages.includes(slug)) return c.redirect(`/${slug}/`, 301)
    checkSlug(slug)
    const versions = await publishedVersions(c, slug)
    const lang = bestOf(
      c,
      versions.map((v) => v.lang),
    )
    if (!lang) throw new ArticleError('ARTICLE_NOT_FOUND', `no article ${slug} in any language`)
    return personalRedirect(c, `/${lang}/${encodeURIComponent(slug)}`)
  })
