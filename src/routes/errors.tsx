import type { Context, ErrorHandler, NotFoundHandler } from 'hono'
import { siteConfig } from '../config'
import type { AppEnv } from '../env'
import { ArticleError } from '../errors'
import { messages } from '../i18n'
import { ErrorPage } from '../render/ErrorPage'
import { preferenceOrder } from '../i18n/negotiate'
import { visitorChoice } from '../i18n/visitor'
import { log } from '../log'
import { StorageError } from '../source/store'

/** Every failure becomes a clear, localized page (or JSON under /api/), never a stack trace. */
export const onError: ErrorHandler<AppEnv> = (err, c) => {
  const error =
    err instanceof ArticleError
      ? err
      : err instanceof StorageError || err instanceof AggregateError
        ? new ArticleError('STORAGE_UNAVAILABLE', err.message, {}, { cause: err })
        : new ArticleError('INTERNAL', String(err), {}, { cause: err })
  log(c, error.status >= 500 ? 'error' : 'info', {
    code: error.code,
    message: error.describe(),
    ...(error.code === 'INTERNAL' && { stack: (err as Error).stack }),
  })
  return errorResponse(c, error)
}

export const notFound: NotFoundHandler<AppEnv> = (c) =>
  errorResponse(c, new ArticleError('ARTICLE_NOT_FOUND', `no route for ${c.req.path}`))

export function errorResponse(c: Context<AppEnv>, error: ArticleError): Response {
  const config = c.get('config') ?? siteConfig(c.env)
  // The page's language from its address; without one, the visitor's (so the answer varies by them).
  const fromPath = pathLanguage(c.req.path, config.languages)
  const lang =
    fromPath ?? preferenceOrder(visitorChoice(c), config.languages, config.defaultLang)[0]!
  const text = messages(lang).errors[error.code]
  const headers: Record<string, string> = { 'Cache-Control': 'no-store' }
  if (!fromPath) headers['Vary'] = 'Accept-Language, Cookie'
  if (error.status === 503) headers['Retry-After'] = '30'
  if (error.status === 429) headers['Retry-After'] = '60'
  if (/^\/(api|admin)\//.test(c.req.path)) {
    // Publishers call the API: a broken source's details help them; readers' pages say less.
    const detailed = error.code === 'SOURCE_INVALID' || error.code === 'SOURCE_REJECTED'
    const message = detailed ? `${text.title}: ${error.describe()}` : text.title
    const body = {
      code: error.code,
      status: error.status,
      message,
      ...(detailed && { location: error.location }),
    }
    return c.json({ error: body }, error.status, headers)
  }
  const chrome = { uiLang: lang, siteName: config.siteName, homeUrl: `/${lang}/` }
  return c.html(
    `<!DOCTYPE html>${(<ErrorPage error={error} chrome={chrome} />).toString()}`,
    error.status,
    headers,
  )
}

/** The language a path is in: `/ko/…` or `/api/articles/ko/…`. */
function pathLanguage(path: string, languages: string[]): string | undefined {
  const segment = path.replace(/^\/api\/articles\//, '/').split('/')[1]
  return segment && languages.includes(segment) ? segment : undefined
}
