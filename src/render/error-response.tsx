import type { Context } from 'hono'
import { siteConfig } from '../config'
import type { AppEnv } from '../env'
import { ERRORS, type AppError } from '../errors'
import { messages } from '../i18n'
import { preferenceOrder } from '../i18n/negotiate'
import { visitorChoice } from '../i18n/visitor'
import { ErrorPage } from './error-page'
import { toHtmlSync } from './to-html'
import { addressLanguage } from '../source/keys'
import { indexDb } from '../listing/db'
import { newest, toEntry } from '../listing/read'
import type { IndexEntry } from '../schema/listing'

/**
 * An error as the client sees it: a localized page, or JSON under /api/ and /admin/, with its
 * stable code. Never stored by caches here (`no-store`); the cache layer alone decides to keep a 404.
 */
export async function errorResponse(c: Context<AppEnv>, error: AppError): Promise<Response> {
  const config = c.get('config') ?? siteConfig(c.env)
  // The page's language from its address; without one, the visitor's (so the answer varies by them).
  const fromPath = addressLanguage(c.req.path, config.languages)
  const lang =
    fromPath ?? preferenceOrder(visitorChoice(c), config.languages, config.defaultLang)[0]!
  const text = messages(lang).errors[error.code]
  const headers: Record<string, string> = { 'Cache-Control': 'no-store' }
  if (!fromPath) headers['Vary'] = 'Accept-Language, Cookie'
  const retryAfter = (ERRORS[error.code] as { retryAfter?: number }).retryAfter
  if (retryAfter) headers['Retry-After'] = String(retryAfter)
  if (error.code === 'UNAUTHORIZED') headers['WWW-Authenticate'] = 'Bearer realm="admin"'
  if (/^\/(api|admin)\//.test(c.req.path) || c.req.path === '/oembed') {
    // Publishers call the API: a broken source's details help them; readers' pages say less.
    // The (authenticated) admin API says what was wrong with a request (a picture that is not one)
    // and, for a failed write, names the store and what is left to do.
    const admin = c.req.path.startsWith('/admin/')
    const detailed =
      error.code === 'SOURCE_INVALID' ||
      error.code === 'SOURCE_REJECTED' ||
      error.code === 'SOURCE_TOO_LARGE' ||
      (admin &&
        (error.code === 'STORAGE_UNAVAILABLE' ||
          error.code === 'REQUEST_INVALID' ||
          error.code === 'FORMAT_NOT_IMPLEMENTED'))
    const message = detailed ? `${text.title}: ${error.describe()}` : text.title
    const body = {
      code: error.code,
      status: error.status,
      message,
      ...(detailed && Object.keys(error.location).length && { location: error.location }),
      ...(error.hint && { hint: error.hint }),
    }
    return c.json({ error: body }, error.status, headers)
  }
  const chrome = {
    uiLang: lang,
    siteName: config.siteName,
    homeUrl: `/${lang}/`,
    languageHomes: config.languages,
  }
  // A reader who followed a dead link gets somewhere to go: the newest articles and the search box.
  const latest = error.status === 404 && fromPath ? await latestArticles(c, lang) : []
  return c.html(
    `<!DOCTYPE html>${toHtmlSync(<ErrorPage error={error} chrome={chrome} latest={latest} timeZone={config.timeZone} />)}`,
    error.status,
    headers,
  )
}

/** The few newest articles, or none when the index cannot say quickly (an error page must not fail). */
async function latestArticles(c: Context<AppEnv>, lang: string): Promise<IndexEntry[]> {
  try {
    const records = await newest(
      indexDb(c.env, 'near'),
      { storageTimeoutMs: 1000 },
      { lang, count: 5 },
    )
    return records.map(toEntry)
  } catch {
    return []
  }
}
