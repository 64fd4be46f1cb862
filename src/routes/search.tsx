/** `/<lang>/search?q=` (a page) and `/api/search?lang=&q=` (JSON): the index's full-text search. */
import { Hono } from 'hono'
import { timed } from '../timing'
import { etagFor, fingerprint } from '../cache/policy'
import { cachedResponse } from '../cache/serve'
import type { AppContext, AppEnv } from '../env'
import { AppError } from '../errors'
import { indexDb } from '../listing/db'
import { MAX_SEARCH_PAGE, search, type SearchOrder } from '../listing/search'
import { QUERY_LIMITS } from '../listing/search-text'
import { SearchPage } from '../render/search-page'
import { toHtml } from '../render/to-html'
import { servedLanguage } from './params'

/** The request's search, normalized so every spelling of one search shares a cache entry. */
function searchParams(c: AppContext) {
  const query = (c.req.query('q') ?? '')
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, QUERY_LIMITS.characters)
  const order: SearchOrder = c.req.query('sort') === 'best' ? 'best' : 'newest'
  const raw = c.req.query('page') ?? '1'
  const page = /^[1-9]\d{0,2}$/.test(raw) ? Number(raw) : 1
  if (page > MAX_SEARCH_PAGE)
    throw new AppError('NOT_FOUND', `search results stop at page ${MAX_SEARCH_PAGE}`)
  return { query, order, page }
}

// `/api/search` first: `/:lang/search` would take it for a language called `api`.
export const searchRoutes = new Hono<AppEnv>()
  .get('/api/search', (c) => {
    const config = c.get('config')
    const lang = c.req.query('lang') ?? config.defaultLang
    if (!config.languages.includes(lang))
      throw new AppError('REQUEST_INVALID', `lang must be one of ${config.languages.join(', ')}`)
    const { query, order, page } = searchParams(c)
    return cachedResponse(c, {
      cached: { kind: 'search', json: true, lang, query, order, page },
      produce: async () => {
        const results = query
          ? await search(indexDb(c.env, 'near'), config, { lang, text: query, page, order })
          : { items: [], page, more: false }
        const base = c.get('baseUrl')
        const body = JSON.stringify({
          query,
          lang,
          order,
          page,
          more: results.more,
          results: results.items.map((entry) => ({
            ...entry,
            url: `${base}/${lang}/${encodeURIComponent(entry.slug)}`,
            image: entry.image && { ...entry.image, url: new URL(entry.image.url, base).href },
          })),
        })
        return new Response(body, {
          headers: {
            'content-type': 'application/json',
            etag: etagFor(fingerprint(body), 'search'),
          },
        })
      },
      lifetime: 'search',
    })
  })
  .get('/:lang/search', servedLanguage, (c) => {
    const lang = c.req.param('lang')
    const { query, order, page } = searchParams(c)
    return cachedResponse(c, {
      cached: { kind: 'search', json: false, lang, query, order, page },
      produce: async () => {
        const config = c.get('config')
        const results = query
          ? await timed(
              c,
              'storage',
              search(indexDb(c.env, 'near'), config, { lang, text: query, page, order }),
            )
          : { items: [], page, more: false }
        const html = `<!DOCTYPE html>${await toHtml(<SearchPage lang={lang} siteName={config.siteName} origin={c.get('baseUrl')} timeZone={config.timeZone} query={query} order={order} results={results} languages={config.languages} />)}`
        return new Response(html, {
          headers: {
            'content-type': 'text/html; charset=UTF-8',
            etag: etagFor(fingerprint(html), 'search'),
          },
        })
      },
      lifetime: 'search',
    })
  })
