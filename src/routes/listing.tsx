/** Home, category and tag pages, from the article index. */
import { Hono } from 'hono'
import { timed } from '../timing'
import { etagFor, fingerprint } from '../cache/policy'
import type { Cached } from '../cache/tags'
import { labelKey } from '../listing/entry'
import { cachedResponse } from '../cache/serve'
import type { AppContext, AppEnv } from '../env'
import { AppError } from '../errors'
import { fill, messages } from '../i18n'
import { indexDb } from '../listing/db'
import { listingPage, type ListingFilter } from '../listing/read'
import { ListingPage } from '../render/ListingPage'
import { headIdentity, identityOf } from '../articles/site'
import { organization } from '../meta/json-ld'
import type { SiteConfig } from '../config'

const identityAndName = (config: SiteConfig, origin: string) => ({
  siteName: config.siteName,
  twitterSite: config.twitterSite,
  ...identityOf(config, origin),
})
import { toHtml } from '../render/to-html'
import { servedLanguage } from './params'

function pageNumber(c: AppContext): number {
  const raw = c.req.param('n')
  if (raw === undefined) return 1
  // One spelling per page: /page/2, never /page/02.
  if (!/^[1-9]\d{0,5}$/.test(raw)) throw new AppError('NOT_FOUND', `no page ${raw}`)
  return Number(raw)
}

function listing(kind: ListingFilter['kind']) {
  return async (c: AppContext) => {
    const lang = c.req.param('lang')!
    const page = pageNumber(c)
    // Page 1 lives at the listing's own address.
    if (c.req.param('n') === '1')
      return c.redirect(c.req.path.replace(/\/page\/1$/, kind === 'home' ? '/' : ''), 301)
    const name = kind === 'home' ? '' : (c.req.param('name') ?? '').normalize('NFC')
    const filter: ListingFilter = kind === 'home' ? { kind } : { kind, name }
    const cached: Cached = {
      kind: 'listing',
      lang,
      page,
      ...(kind !== 'home' && { label: { kind, key: labelKey(name, lang) } }),
    }
    return cachedResponse(c, cached, async () => {
      const config = c.get('config')
      const found = await timed(
        c,
        'storage',
        listingPage(indexDb(c.env), config, lang, filter, page),
      )
      if (!found) throw new AppError('NOT_FOUND', `no ${kind} page ${name} ${page}`)
      const { page: current, label } = found
      const t = messages(lang)
      const heading =
        kind === 'home'
          ? config.siteName
          : fill(kind === 'category' ? t.categoryTitle : t.tagTitle, { name: label! })
      const basePath =
        kind === 'home' ? `/${lang}/` : `/${lang}/${kind}/${encodeURIComponent(label!)}`
      const origin = c.get('baseUrl')
      const alternates =
        kind === 'home' && page === 1 && config.languages.length > 1
          ? [
              ...config.languages.map((l) => ({ hreflang: l, href: `${origin}/${l}/` })),
              { hreflang: 'x-default', href: `${origin}/` },
            ]
          : undefined
      const html = toHtml(
        <ListingPage
          lang={lang}
          siteName={config.siteName}
          origin={origin}
          timeZone={config.timeZone}
          heading={heading}
          basePath={basePath}
          page={current}
          alternates={alternates}
          languages={config.languages}
          identity={headIdentity(config, origin)}
          jsonLd={
            kind === 'home'
              ? {
                  '@context': 'https://schema.org',
                  ...organization(identityAndName(config, origin), `${origin}/${lang}/`),
                }
              : undefined
          }
        />,
      )
      const body = `<!DOCTYPE html>${await html}`
      return new Response(body, {
        headers: {
          'content-type': 'text/html; charset=UTF-8',
          etag: etagFor(fingerprint(body), 'list'),
        },
      })
    })
  }
}

export const listingRoutes = new Hono<AppEnv>()
  .get('/:lang/', servedLanguage, listing('home'))
  .get('/:lang/page/:n', servedLanguage, listing('home'))
  .get('/:lang/category/:name', servedLanguage, listing('category'))
  .get('/:lang/category/:name/page/:n', servedLanguage, listing('category'))
  .get('/:lang/tag/:name', servedLanguage, listing('tag'))
  .get('/:lang/tag/:name/page/:n', servedLanguage, listing('tag'))
