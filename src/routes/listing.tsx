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
import { frontPage, sectionPage } from '../listing/front'
import { listingPage, PAGE_SIZE, type ListingFilter } from '../listing/read'
import { breadcrumbList } from '../meta/breadcrumbs'
import { FrontPage } from '../render/front-page'
import { ListingPage, type ListingProps } from '../render/listing-page'
import { siteSections } from '../sections/site'
import { toHtml } from '../render/to-html'
import { headIdentity, identityOf } from '../articles/site'
import { organization } from '../meta/json-ld'
import type { SiteConfig } from '../config'

const identityAndName = (config: SiteConfig, origin: string) => ({
  siteName: config.siteName,
  twitterSite: config.twitterSite,
  ...identityOf(config, origin),
})
import { servedLanguage } from './params'

/** Stories each section block of the front page shows. */
const FRONT_PER_SECTION = 4

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
    const section = kind === 'category' ? siteSections().find(name) : undefined
    const cached: Cached = {
      kind: 'listing',
      lang,
      page,
      ...(section
        ? {
            label: { kind: 'category', key: section.key },
            also: siteSections().labelKeys(section, lang),
          }
        : kind !== 'home' && { label: { kind, key: labelKey(name, lang) } }),
    }
    return cachedResponse(c, {
      cached,
      produce: async () => {
        const config = c.get('config')
        const origin = c.get('baseUrl')
        const render = (props: OwnListingProps) => listingHtml(c, lang, props)
        const homeAlternates =
          kind === 'home' && page === 1 && config.languages.length > 1
            ? [
                ...config.languages.map((l) => ({ hreflang: l, href: `${origin}/${l}/` })),
                { hreflang: 'x-default', href: `${origin}/` },
              ]
            : undefined
        let body: string
        if (kind === 'home' && page === 1) {
          const sections = siteSections()
          const front = await timed(
            c,
            'storage',
            frontPage(indexDb(c.env), config, {
              lang,
              // The plain list's first page, so its page 2 follows on.
              latest: PAGE_SIZE,
              perSection: FRONT_PER_SECTION,
              sections: sections.all.map((s) => ({
                key: s.key,
                labelKeys: sections.labelKeys(s, lang),
              })),
            }),
          )
          body = `<!DOCTYPE html>${await toHtml(
            <FrontPage
              lang={lang}
              siteName={config.siteName}
              origin={origin}
              timeZone={config.timeZone}
              languages={config.languages}
              front={front}
              alternates={homeAlternates}
              pageSize={PAGE_SIZE}
              identity={headIdentity(config, origin)}
              jsonLd={{
                '@context': 'https://schema.org',
                ...organization(identityAndName(config, origin), `${origin}/${lang}/`),
              }}
            />,
          )}`
        } else if (section) {
          const sections = siteSections()
          const found = await timed(
            c,
            'storage',
            sectionPage(indexDb(c.env), config, {
              lang,
              keys: sections.labelKeys(section, lang),
              page,
            }),
          )
          if (!found) throw new AppError('NOT_FOUND', `no section page ${section.key} ${page}`)
          const heading = sections.name(section, lang)
          const basePath = `/${lang}/category/${section.key}`
          body = await render({
            heading,
            basePath,
            page: found,
            section: section.key,
            description: section.description?.[lang],
            breadcrumbs: breadcrumbList([
              { name: config.siteName, url: `${origin}/${lang}/` },
              { name: heading, url: `${origin}${basePath}` },
            ]),
          })
        } else {
          const found = await timed(
            c,
            'storage',
            listingPage(indexDb(c.env), config, { lang, filter, page }),
          )
          if (!found) throw new AppError('NOT_FOUND', `no ${kind} page ${name} ${page}`)
          const { page: current, label } = found
          const t = messages(lang)
          // A category in no section is titled as written; a tag says it is one.
          const heading =
            kind === 'home'
              ? config.siteName
              : kind === 'category'
                ? label!
                : fill(t.tagTitle, { name: label! })
          const basePath =
            kind === 'home' ? `/${lang}/` : `/${lang}/${kind}/${encodeURIComponent(label!)}`
          body = await render({
            heading,
            basePath,
            page: current,
            alternates: homeAlternates,
            ...(kind === 'category' && {
              breadcrumbs: breadcrumbList([
                { name: config.siteName, url: `${origin}/${lang}/` },
                { name: heading, url: `${origin}${basePath}` },
              ]),
            }),
          })
        }
        return new Response(body, {
          headers: {
            'content-type': 'text/html; charset=UTF-8',
            etag: etagFor(fingerprint(body), 'list'),
          },
        })
      },
    })
  }
}

/** What a listing page shows of its own; the site's part (name, origin, languages, identity) is added. */
export type OwnListingProps = Omit<
  ListingProps,
  'lang' | 'siteName' | 'origin' | 'timeZone' | 'languages' | 'identity'
>

/** A listing page (home list, category, tag, author) as HTML, in the site's chrome. */
export async function listingHtml(
  c: AppContext,
  lang: string,
  props: OwnListingProps,
): Promise<string> {
  const config = c.get('config')
  const origin = c.get('baseUrl')
  return `<!DOCTYPE html>${await toHtml(
    <ListingPage
      lang={lang}
      siteName={config.siteName}
      origin={origin}
      timeZone={config.timeZone}
      languages={config.languages}
      identity={headIdentity(config, origin)}
      {...props}
    />,
  )}`
}

export const listingRoutes = new Hono<AppEnv>()
  .get('/:lang/', servedLanguage, listing('home'))
  .get('/:lang/page/:n', servedLanguage, listing('home'))
  .get('/:lang/category/:name', servedLanguage, listing('category'))
  .get('/:lang/category/:name/page/:n', servedLanguage, listing('category'))
  .get('/:lang/tag/:name', servedLanguage, listing('tag'))
  .get('/:lang/tag/:name/page/:n', servedLanguage, listing('tag'))
