/** The URL parameters every route shares, checked once, before anything is read. */
import type { MiddlewareHandler } from 'hono'
import type { AppContext, AppEnv } from '../env'
import { AppError } from '../errors'
import { checkSlug } from '../source/keys'

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
