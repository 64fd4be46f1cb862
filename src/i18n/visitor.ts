import { getCookie } from 'hono/cookie'
import type { AppContext } from '../env'
import type { Context } from 'hono'
import { preferenceOrder, type LanguageChoice } from './negotiate'

/** The cookie the language switcher sets (through the redirect, never on a cacheable page). */
export const LANG_COOKIE = 'lang'

/** The site's languages in this visitor's order of preference. */
export function visitorLanguages(c: AppContext): string[] {
  const config = c.get('config')
  return preferenceOrder(visitorChoice(c), config.languages, config.defaultLang)
}

export function visitorChoice(c: Context): LanguageChoice {
  return {
    query: c.req.query('lang'),
    cookie: getCookie(c, LANG_COOKIE),
    acceptLanguage: c.req.header('accept-language'),
  }
}

/** Of the languages an article exists in, the one this visitor reads best. */
export function bestOf(c: AppContext, available: readonly string[]): string | undefined {
  return visitorLanguages(c).find((lang) => available.includes(lang))
}
