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
import { knownMiss, rememberMiss } from '../listing/misses'
import { checkSlug } from '../source/keys'
import { errorResponse } from '../render/error-response'
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
    // One index lookup decides, and never a read of KV or R2: most such paths are no article's
    // (`/wp-login.php` and other scanners' guesses). A source put by hand and not indexed yet is
    // served at its /<lang>/<slug> address, and found here once the reconciler has indexed it.
    const missing = () =>
      errorResponse(c, new AppError('ARTICLE_NOT_FOUND', `no article ${slug} in any language`))
    if (knownMiss(slug)) return missing()
    const lang = bestOf(
      c,
      (await publishedVersions(c, slug)).map((v) => v.lang),
    )
    if (!lang) {
      // An imported site's old address (`/about/`) is the one other thing such a path may be.
      const moved = await oldAddress(c)
      if (moved) return moved
      rememberMiss(slug)
      return missing()
    }
    return personalRedirect(c, `/${lang}/${encodeURIComponent(slug)}`)
  })
