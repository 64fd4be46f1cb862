/** The URL parameters every route shares, checked once, before anything is read. */
import type { MiddlewareHandler } from 'hono'
import type { AppContext, AppEnv } from '../env'
import { AppError } from '../errors'
import { checkSlug } from '../source/keys'
import { SECONDS } from '../cache/policy'

/** `:lang` must be one of LANGUAGES; anything else is a 404 on every route, readers' and publishers' alike. */
export const servedLanguage: MiddlewareHandler<AppEnv> = async (c, next) => {
  const lang = c.req.param('lang') ?? ''
  if (!c.get('config').languages.includes(lang))
    throw new AppError('NOT_FOUND', `no language ${lang} on this site`)
  await next()
}

/** The language (checked by `servedLanguage`) and the slug from the URL. */
export function articleParams(c: AppContext): { lang: string; slug: string } {
  return { lang: c.req.param('lang')!, slug: checkSlug(c.req.param('slug') ?? '') }
}

/**
 * One address per page: `/KO/x` and `/ko/x/` (a language in another case, a trailing slash anywhere
 * but a language's home) answer a permanent redirect to `/ko/x`, the query kept, instead of a 404.
 */
export const canonicalPath: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next()
  const url = new URL(c.req.url)
  const [, first = '', ...rest] = url.pathname.split('/')
  const lang = c.get('config').languages.find((l) => l.toLowerCase() === first.toLowerCase())
  if (!lang) return next()
  const tail = rest.length > 1 ? rest.join('/').replace(/\/+$/, '') : (rest[0] ?? '')
  const canonical = `/${lang}/${tail}`
  if (canonical === url.pathname) return next()
  c.header('Cache-Control', `public, max-age=${SECONDS.canonicalRedirect}`)
  return c.redirect(`${canonical}${url.search}`, 301)
}
