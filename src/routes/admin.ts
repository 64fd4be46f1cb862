/**
 * Operator endpoints, off unless the ADMIN_TOKEN secret is set (`wrangler secret put ADMIN_TOKEN`;
 * `npm start` sets a random one locally). content:push calls the purge after changing sources.
 */
import { Hono, type MiddlewareHandler } from 'hono'
import * as z from 'zod'
import { edgeCache } from '../cache/edge'
import { articleKeys, listingKeys } from '../cache/purge'
import type { AppEnv } from '../env'
import { ArticleError } from '../errors'
import { log } from '../log'
import { readIndex } from '../listing/read'
import { sourceStore } from '../source'
import { checkSlug, LANGUAGE_KEY, LANGUAGE_TAG } from '../source/keys'

/** Bearer token, compared in constant time; without a configured token the endpoints do not exist. */
const requireToken: MiddlewareHandler<AppEnv> = async (c, next) => {
  const expected = c.env.ADMIN_TOKEN
  if (!expected) throw new ArticleError('ARTICLE_NOT_FOUND', 'admin endpoints are off: no ADMIN_TOKEN')
  const given = c.req.header('authorization')?.replace(/^Bearer\s+/i, '') ?? ''
  if (!(await sameSecret(given, expected))) throw new ArticleError('UNAUTHORIZED', 'wrong or missing admin token')
  await next()
}

async function sameSecret(a: string, b: string): Promise<boolean> {
  // Hash first so both sides have the same length and the comparison leaks nothing about b.
  const digest = async (s: string) => new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(s)))
  const [x, y] = await Promise.all([digest(a), digest(b)])
  return crypto.subtle.timingSafeEqual(x, y)
}

const PurgeRequest = z.object({
  /** Article keys, `<lang>/<slug>`. */
  keys: z.array(z.string().regex(LANGUAGE_KEY)).max(1000).default([]),
  /** Languages whose index changed: their listings, feed and the sitemap. */
  listings: z.array(z.string().regex(LANGUAGE_TAG)).max(50).default([]),
  /** Origins the pages were cached under; default the site's. Locally both localhost and 127.0.0.1. */
  origins: z.array(z.url({ protocol: /^https?$/ })).max(10).optional(),
})

export const adminRoutes = new Hono<AppEnv>().use('/admin/*', requireToken).post('/admin/cache/purge', async (c) => {
  const parsed = PurgeRequest.safeParse(await c.req.json().catch(() => undefined))
  if (!parsed.success) throw new ArticleError('REQUEST_INVALID', z.prettifyError(parsed.error))
  const origins = parsed.data.origins?.map((o) => new URL(o).origin) ?? [c.get('baseUrl')]
  const config = c.get('config')
  const slugs = new Set(parsed.data.keys.map((key) => checkSlug(key.slice(key.indexOf('/') + 1))))
  const languages = parsed.data.listings.filter((lang) => config.languages.includes(lang))
  const indexes = await Promise.all(languages.map(async (lang) => (await readIndex(sourceStore(c.env, config), lang)).index))
  const keys = new Set(
    origins.flatMap((origin) => [...[...slugs].flatMap((slug) => articleKeys(origin, config.languages, slug)), ...indexes.flatMap((index) => listingKeys(origin, index))]),
  )
  const cache = edgeCache()
  let purged = 0
  for (const key of keys) if (await cache.delete(key)) purged++
  log(c, 'info', { event: 'cache-purged', keys: parsed.data.keys, listings: languages, purged })
  // Only this data centre's cache: the others reach the new version within the freshness bound.
  return c.json({ purged, keys: parsed.data.keys.length })
})
