/** An author's page and feed: the profile (KV/R2) and their articles, paged from the index (D1). */
import { Hono } from 'hono'
import { authorPath, withProfile } from '../authors/resolve'
import { readProfile } from '../authors/store'
import { etagFor, fingerprint } from '../cache/policy'
import { cachedResponse } from '../cache/serve'
import type { Cached } from '../cache/tags'
import type { AppContext, AppEnv } from '../env'
import { AppError } from '../errors'
import { fill, messages } from '../i18n'
import { indexDb } from '../listing/db'
import { newestLabelled } from '../listing/label-feed'
import { listingPage } from '../listing/read'
import { breadcrumbList } from '../meta/breadcrumbs'
import { profilePage } from '../meta/profile-ld'
import { AuthorIntro } from '../render/author-intro'
import { pagePath } from '../render/listing-page'
import { AUTHOR_ID } from '../schema/article'
import { inLanguage } from '../schema/author'
import { timed } from '../timing'
import { FEED_SIZE, feedResponse } from './feeds'
import { listingHtml } from './listing'
import { servedLanguage } from './params'

function authorParams(c: AppContext): { lang: string; id: string; page: number } {
  const id = c.req.param('id') ?? ''
  const raw = c.req.param('n')
  // One spelling per page: /page/2, never /page/02; an id is always lower case.
  if (!AUTHOR_ID.test(id)) throw new AppError('NOT_FOUND', `no author ${id}`)
  if (raw !== undefined && !/^[1-9]\d{0,5}$/.test(raw))
    throw new AppError('NOT_FOUND', `no page ${raw}`)
  return { lang: c.req.param('lang')!, id, page: raw === undefined ? 1 : Number(raw) }
}

/** The profile, or a 404 exactly like an unknown page's. */
async function profileOf(c: AppContext, id: string) {
  const profile = await timed(c, 'storage', readProfile(c.env, c.get('config'), id))
  if (!profile) throw new AppError('NOT_FOUND', `no author profile ${id}`)
  return profile
}

async function authorPage(c: AppContext) {
  const { lang, id, page } = authorParams(c)
  if (c.req.param('n') === '1') return c.redirect(authorPath(lang, id), 301)
  const cached: Cached = { kind: 'listing', lang, page, label: { kind: 'author', key: id } }
  return cachedResponse(c, {
    cached,
    produce: async () => {
      const config = c.get('config')
      const origin = c.get('baseUrl')
      const profile = await profileOf(c, id)
      const found = await timed(
        c,
        'storage',
        listingPage(indexDb(c.env), config, { lang, filter: { kind: 'author', name: id }, page }),
      )
      // A profile with no articles in this language yet still has its page 1.
      if (!found && page > 1) throw new AppError('NOT_FOUND', `no page ${page} of author ${id}`)
      const listed = found?.page ?? { items: [], page: 1, pages: 1, total: 0 }
      const author = withProfile({ name: id, id }, profile, {
        lang,
        defaultLang: config.defaultLang,
        origin,
      })
      const bio = inLanguage(profile.bio, lang, config.defaultLang)
      const basePath = authorPath(lang, id)
      const canonical = `${origin}${pagePath(basePath, listed.page)}`
      const body = await listingHtml(c, lang, {
        heading: author.name,
        basePath,
        page: listed,
        description: bio,
        intro: <AuthorIntro author={author} bio={bio} email={profile.email} lang={lang} />,
        ogType: 'profile',
        extraTags: author.image ? [{ property: 'og:image', content: author.image }] : [],
        // The profile is the same person in every language: each language's page is an alternate.
        alternates:
          config.languages.length > 1
            ? config.languages.map((l) => ({
                hreflang: l,
                href: `${origin}${pagePath(authorPath(l, id), listed.page)}`,
              }))
            : undefined,
        jsonLd: profilePage(author, { url: canonical, lang, bio }),
        breadcrumbs: breadcrumbList([
          { name: config.siteName, url: `${origin}/${lang}/` },
          { name: author.name, url: `${origin}${basePath}` },
        ]),
      })
      return new Response(body, {
        headers: {
          'content-type': 'text/html; charset=UTF-8',
          etag: etagFor(fingerprint(body), 'list'),
        },
      })
    },
  })
}

async function authorFeed(c: AppContext) {
  const { lang, id } = authorParams(c)
  const cached: Cached = { kind: 'feed', lang, label: { kind: 'author', key: id } }
  return cachedResponse(c, {
    cached,
    produce: async () => {
      const config = c.get('config')
      const profile = await profileOf(c, id)
      const found = await timed(
        c,
        'storage',
        newestLabelled(indexDb(c.env), config, {
          lang,
          label: { kind: 'author', name: id },
          count: FEED_SIZE,
        }),
      )
      const base = c.get('baseUrl')
      const name = inLanguage(profile.name, lang, config.defaultLang)!
      return feedResponse(c, found?.records ?? [], {
        title: `${fill(messages(lang).authorArticles, { name })} | ${config.siteName}`,
        feedUrl: `${base}${authorPath(lang, id)}/feed.xml`,
        homeUrl: `${base}${authorPath(lang, id)}`,
      })
    },
  })
}

export const authorRoutes = new Hono<AppEnv>()
  .get('/:lang/author/:id', servedLanguage, authorPage)
  .get('/:lang/author/:id/page/:n', servedLanguage, authorPage)
  .get('/:lang/author/:id/feed.xml', servedLanguage, authorFeed)
