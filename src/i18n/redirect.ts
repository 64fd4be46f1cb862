import { setCookie } from 'hono/cookie'
import type { AppContext } from '../env'
import { matchLanguage } from './negotiate'
import { LANG_COOKIE } from './visitor'

/**
 * A 302 for this visitor only: the answer depends on who asks, so it is private and varies by
 * Accept-Language and Cookie. An explicit `?lang=` choice is remembered for a year.
 */
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
