/** What feed readers and search engines fetch: Atom per language, the sitemap, robots.txt. */
import { Hono } from 'hono'
import { wrapTime } from 'hono/timing'
import { cacheKey, etagFor } from '../cache/policy'
import { cachedResponse } from '../cache/serve'
import type { AppContext, AppEnv } from '../env'
import { AppError } from '../errors'
import { messages } from '../i18n'
import { readIndex } from '../listing/read'
import { log } from '../log'
import { buildArticle } from '../pipeline'
import { atomFeed } from '../render/feed'
import { sitemapIndex, SITEMAP_LIMIT, urlset, type SitemapUrl } from '../render/sitemap'
import type { Article } from '../schema/article'
import { internal, readSources } from '../source'
import { articleKey } from '../source/keys'
import { servedLanguage } from './params'

/** Entries in a feed: enough for readers that poll, small enough to render on a miss. */
export const FEED_SIZE = 20

async function feed(c: AppContext) {
  const lang = c.req.param('lang')!
  const config = c.get('config')
  return cachedResponse(c, cacheKey(c.get('baseUrl'), 'feed', lang), async () => {
    const store = readSources(c.env, config)
    const { index, etag } = await wrapTime(c, 'storage', readIndex(internal(c.env, config), lang))
    const latest = index.articles.slice(0, FEED_SIZE)
    const sources = await wrapTime(
      c,
      'storage',
      Promise.all(latest.map((e) => store.get(articleKey(lang, e.slug)))),
    )
    const articles: Article[] = []
    for (const source of sources) {
      if (!source) continue
      try {
        const article = buildArticle(source, {
          baseUrl: c.get('baseUrl'),
          timeZone: config.timeZone,
          defaultLang: config.defaultLang,
        })
        if (article.published) articles.push(article)
      } catch (error) {
        // One broken article must not take the feed down; it is logged and left out.
        log(c, 'error', {
          event: 'feed-entry-skipped',
          message: error instanceof AppError ? error.describe() : String(error),
        })
      }
    }
    const base = c.get('baseUrl')
    const xml = atomFeed(
      {
        lang,
        title: `${config.siteName} (${messages(lang).languageName})`,
        feedUrl: `${base}/${lang}/feed.xml`,
        homeUrl: `${base}/${lang}/`,
        siteName: config.siteName,
      },
      articles,
    )
    return new Response(xml, {
      headers: {
        'content-type': 'application/atom+xml; charset=utf-8',
        etag: etagFor(etag, 'feed'),
      },
    })
  })
}

/** Every published article in every language, with hreflang alternates, and each language's home. */
async function sitemapUrls(c: AppContext): Promise<{ urls: SitemapUrl[]; etag: string }> {
  const config = c.get('config')
  const base = c.get('baseUrl')
  const indexes = await wrapTime(
    c,
    'storage',
    Promise.all(config.languages.map((lang) => readIndex(internal(c.env, config), lang))),
  )
  const homes = config.languages.map((lang) => ({ hreflang: lang, href: `${base}/${lang}/` }))
  const urls: SitemapUrl[] = config.languages.map((lang) => ({
    loc: `${base}/${lang}/`,
    alternates: homes.length > 1 ? homes : [],
  }))
  for (const { index } of indexes) {
    for (const entry of index.articles) {
      const url = (lang: string) => `${base}/${lang}/${encodeURIComponent(entry.slug)}`
      const versions = [index.lang, ...entry.translations].sort()
      urls.push({
        loc: url(index.lang),
        lastmod: entry.dateModified ?? entry.datePublished,
        alternates: entry.translations.length
          ? versions.map((lang) => ({ hreflang: lang, href: url(lang) }))
          : [],
      })
    }
  }
  return { urls, etag: indexes.map((i) => i.etag).join('.') }
}

const xmlHeaders = (etag: string) => ({
  'content-type': 'application/xml; charset=utf-8',
  etag: etagFor(etag, 'sitemap'),
})

export const feedRoutes = new Hono<AppEnv>()
  .get('/:lang/feed.xml', servedLanguage, feed)
  .get('/sitemap.xml', (c) =>
    cachedResponse(c, cacheKey(c.get('baseUrl'), 'sitemap', 'index'), async () => {
      const { urls, etag } = await sitemapUrls(c)
      if (urls.length <= SITEMAP_LIMIT)
        return new Response(urlset(urls), { headers: xmlHeaders(etag) })
      const parts = Math.ceil(urls.length / SITEMAP_LIMIT)
      const base = c.get('baseUrl')
      return new Response(
        sitemapIndex(
          Array.from({ length: parts }, (_, i) => ({ loc: `${base}/sitemap-${i + 1}.xml` })),
        ),
        { headers: xmlHeaders(etag) },
      )
    }),
  )
  .get('/:part{sitemap-[1-9][0-9]{0,3}\\.xml}', (c) => {
    const n = Number(c.req.param('part').slice('sitemap-'.length, -'.xml'.length))
    return cachedResponse(c, cacheKey(c.get('baseUrl'), 'sitemap', String(n)), async () => {
      const { urls, etag } = await sitemapUrls(c)
      const part = urls.slice((n - 1) * SITEMAP_LIMIT, n * SITEMAP_LIMIT)
      if (part.length === 0 || urls.length <= SITEMAP_LIMIT)
        throw new AppError('NOT_FOUND', `no sitemap part ${n}`)
      return new Response(urlset(part), { headers: xmlHeaders(`${etag}-${n}`) })
    })
  })
  .get('/robots.txt', (c) => {
    const base = c.get('baseUrl')
    // Every crawler may read pages and images; the publisher's tools stay out of search results.
    const body = `User-agent: *\nAllow: /\nDisallow: /admin/\nDisallow: /preview/\n\nSitemap: ${base}/sitemap.xml\n`
    return c.text(body, 200, { 'Cache-Control': 'public, max-age=3600' })
  })
