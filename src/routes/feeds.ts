/** What feed readers and search engines fetch: Atom per language, the sitemap, robots.txt. */
import { Hono } from 'hono'
import { timed } from '../timing'
import { fromIndex } from '../articles/load'
import { rebase, toArticle } from '../articles/derived'
import { etagFor, fingerprint, FIXED } from '../cache/policy'
import { cachedResponse } from '../cache/serve'
import type { AppContext, AppEnv } from '../env'
import { AppError } from '../errors'
import { fill, messages } from '../i18n'
import { labelKey } from '../listing/entry'
import { newestLabelled } from '../listing/label-feed'
import type { ArticleRecord } from '../listing/read'
import { indexDb } from '../listing/db'
import { authorPageCount, authorPagesFrom, pageCount, pagesFrom } from '../listing/pages'
import { byRank, counts, newest } from '../listing/read'
import { log } from '../log'
import { bylinesAuthors } from '../authors/load'
import { authorPath } from '../authors/resolve'
import { storedProfileIds } from '../authors/store'
import { atomFeed, type FeedEntry } from '../render/feed'
import { sitemapIndex, SITEMAP_LIMIT, urlset, type SitemapUrl } from '../render/sitemap'
import { servedLanguage } from './params'
import { recentNews } from '../listing/news'
import { newsSitemap } from '../render/news-sitemap'
import { robotsTxt } from '../render/robots'

/** Entries in a feed: enough for readers that poll, small enough to render on a miss. */
export const FEED_SIZE = 20

/**
 * Body HTML a feed carries in full, in bytes: articles past it carry their summary and link only.
 * Escaped for XML the bodies are at most ~5× this, so a feed stays a few MB however large the
 * articles (20 accepted 1 MB articles once made a 113 MB feed, near a Worker's 128 MB).
 */
export const FEED_CONTENT_BYTES = 1_000_000

async function feed(c: AppContext) {
  const lang = c.req.param('lang')!
  const config = c.get('config')
  return cachedResponse(c, {
    cached: { kind: 'feed', lang },
    produce: async () => {
      const records = await timed(
        c,
        'storage',
        newest(indexDb(c.env), config, { lang, count: FEED_SIZE }),
      )
      const base = c.get('baseUrl')
      return feedResponse(c, records, {
        title: `${config.siteName} (${messages(lang).languageName})`,
        feedUrl: `${base}/${lang}/feed.xml`,
        homeUrl: `${base}/${lang}/`,
      })
    },
  })
}

/** A category's or tag's own feed, for readers who follow one section or subject. */
function labelFeed(kind: 'category' | 'tag') {
  return async (c: AppContext) => {
    const lang = c.req.param('lang')!
    const name = c.req.param('name')!
    const config = c.get('config')
    const key = labelKey(name, lang)
    return cachedResponse(c, {
      cached: { kind: 'feed', lang, label: { kind, key } },
      produce: async () => {
        const found = await timed(
          c,
          'storage',
          newestLabelled(indexDb(c.env), config, { lang, label: { kind, name }, count: FEED_SIZE }),
        )
        if (!found) throw new AppError('NOT_FOUND', `no ${kind} ${name}`)
        const base = c.get('baseUrl')
        const path = `/${lang}/${kind}/${encodeURIComponent(found.name)}`
        const t = messages(lang)
        return feedResponse(c, found.records, {
          title: `${fill(kind === 'category' ? t.categoryTitle : t.tagTitle, { name: found.name })} | ${config.siteName}`,
          feedUrl: `${base}${path}/feed.xml`,
          homeUrl: `${base}${path}`,
        })
      },
    })
  }
}

export async function feedResponse(
  c: AppContext,
  records: ArticleRecord[],
  info: { title: string; feedUrl: string; homeUrl: string },
): Promise<Response> {
  const lang = c.req.param('lang')!
  const config = c.get('config')
  const found = await Promise.all(
    records.map((record) =>
      fromIndex(c, record).catch((error: unknown) => {
        // One broken article must not take the feed down; it is logged and left out.
        log(c, 'error', {
          event: 'feed-entry-skipped',
          message: error instanceof AppError ? error.describe() : String(error),
        })
        return undefined
      }),
    ),
  )
  let budget = FEED_CONTENT_BYTES
  const articles = found
    .filter((a) => a?.head.published)
    .map((a): FeedEntry => {
      // Measured on the stored bytes, before anything is decoded or escaped.
      if (a!.html.byteLength > budget) return { ...rebase(a!, c.get('baseUrl')).head }
      budget -= a!.html.byteLength
      const { text, ...entry } = toArticle(rebase(a!, c.get('baseUrl')))
      void text
      return entry
    })
  // Bylines that name a profile show its name in the feed's language.
  const bylines = await bylinesAuthors(
    c,
    articles.map((a) => a.authors),
    lang,
  )
  const xml = atomFeed(
    { lang, ...info, siteName: config.siteName, hubs: config.webSubHubs },
    articles.map((a, i) => ({ ...a, authors: bylines[i]! })),
  )
  return new Response(xml, {
    headers: {
      'content-type': 'application/atom+xml; charset=utf-8',
      etag: etagFor(fingerprint(xml), 'feed'),
    },
  })
}

/**
 * The sitemap is one list: the language homes, then each language's articles, oldest first (so a
 * part's contents stay put as new articles arrive at the end). Past SITEMAP_LIMIT URLs it is split
 * into numbered parts, each read from the index as a range of ranks.
 */
async function sitemapPart(
  c: AppContext,
  part: number | 'index',
): Promise<{ urls: SitemapUrl[]; parts: number }> {
  const config = c.get('config')
  const base = c.get('baseUrl')
  const db = indexDb(c.env)
  const [sizes, pages, authors] = await timed(
    c,
    'storage',
    Promise.all([
      counts(db, config, config.languages),
      pageCount(db, config),
      authorPageCount(db, config),
    ]),
  )
  // Pages (`type: page`) and author pages come last, so a new one moves no article to another part.
  const total =
    config.languages.length + [...sizes.values()].reduce((a, b) => a + b, 0) + pages + authors
  const parts = Math.max(1, Math.ceil(total / SITEMAP_LIMIT))
  // The index page is the whole sitemap while it fits in one part, else it only lists the parts.
  if (part === 'index' && parts > 1) return { urls: [], parts }
  const n = part === 'index' ? 1 : part
  const [from, to] = [(n - 1) * SITEMAP_LIMIT, Math.min(total, n * SITEMAP_LIMIT)]
  const homes = config.languages.map((lang) => ({ hreflang: lang, href: `${base}/${lang}/` }))
  const urls: SitemapUrl[] = []
  let position = 0
  for (const lang of config.languages) {
    if (position >= from && position < to)
      urls.push({ loc: `${base}/${lang}/`, alternates: homes.length > 1 ? homes : [] })
    position++
  }
  for (const lang of config.languages) {
    const size = sizes.get(lang) ?? 0
    // This language's ranks 1..size sit at positions position..position+size-1.
    const first = Math.max(from, position)
    const last = Math.min(to, position + size)
    if (first < last) {
      const records = await timed(
        c,
        'storage',
        byRank(db, config, { lang, from: first - position + 1, to: last - position }),
      )
      for (const record of records) {
        const url = (l: string) => `${base}/${l}/${encodeURIComponent(record.slug)}`
        const versions = record.versions.split(',').sort()
        urls.push({
          loc: url(lang),
          lastmod: record.modified_at ?? record.published_at,
          alternates:
            versions.length > 1 ? versions.map((l) => ({ hreflang: l, href: url(l) })) : [],
        })
      }
    }
    position += size
  }
  if (to > position && pages > 0) {
    const first = Math.max(from, position)
    for (const page of await timed(
      c,
      'storage',
      pagesFrom(db, config, { offset: first - position, limit: to - first }),
    ))
      urls.push({
        loc: `${base}/${page.lang}/${encodeURIComponent(page.slug)}`,
        lastmod: page.lastmod,
        alternates: [],
      })
  }
  position += pages
  if (to > position && authors > 0) {
    const first = Math.max(from, position)
    // The index lists every id-shaped byline; only those with a profile have a page.
    const [listed, profiles] = await timed(
      c,
      'storage',
      Promise.all([
        authorPagesFrom(db, config, { offset: first - position, limit: to - first }),
        storedProfileIds(c.env, config),
      ]),
    )
    for (const author of listed.filter((a) => profiles.has(a.id)))
      urls.push({
        loc: `${base}${authorPath(author.lang, author.id)}`,
        alternates: [],
      })
  }
  return { urls, parts }
}

const xml = (body: string, status = 200) =>
  new Response(body, {
    status,
    headers: {
      'content-type': 'application/xml; charset=utf-8',
      etag: etagFor(fingerprint(body), 'sitemap'),
    },
  })

export const feedRoutes = new Hono<AppEnv>()
  .get('/:lang/feed.xml', servedLanguage, feed)
  .get('/:lang/category/:name/feed.xml', servedLanguage, labelFeed('category'))
  .get('/:lang/tag/:name/feed.xml', servedLanguage, labelFeed('tag'))
  .get('/sitemap.xml', (c) =>
    cachedResponse(c, {
      cached: { kind: 'sitemap', part: 'index' },
      produce: async () => {
        const { urls, parts } = await sitemapPart(c, 'index')
        if (parts === 1) return xml(urlset(urls))
        const base = c.get('baseUrl')
        return xml(
          sitemapIndex(
            Array.from({ length: parts }, (_, i) => ({ loc: `${base}/sitemap-${i + 1}.xml` })),
          ),
        )
      },
    }),
  )
  .get('/:part{sitemap-[1-9][0-9]{0,5}\\.xml}', (c) => {
    const n = Number(c.req.param('part').slice('sitemap-'.length, -'.xml'.length))
    return cachedResponse(c, {
      cached: { kind: 'sitemap', part: n },
      produce: async () => {
        const { urls, parts } = await sitemapPart(c, n)
        if (parts === 1 || n > parts) throw new AppError('NOT_FOUND', `no sitemap part ${n}`)
        return xml(urlset(urls))
      },
    })
  })
  .get('/news-sitemap.xml', (c) =>
    cachedResponse(c, {
      cached: { kind: 'sitemap', part: 'news' },
      produce: async () => {
        const config = c.get('config')
        const base = c.get('baseUrl')
        const records = await timed(c, 'storage', recentNews(indexDb(c.env), config, new Date()))
        return xml(
          newsSitemap(
            records.map((r) => ({
              loc: `${base}/${r.lang}/${encodeURIComponent(r.slug)}`,
              name: config.siteName,
              language: r.content_lang,
              published: r.published_at,
              title: r.title,
            })),
          ),
        )
      },
    }),
  )
  .get('/robots.txt', (c) => c.text(robotsTxt(c.get('baseUrl')), 200, { 'Cache-Control': FIXED }))
