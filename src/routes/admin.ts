/**
 * The publishing API and cache purge, off unless the ADMIN_TOKEN secret is set
 * (`wrangler secret put ADMIN_TOKEN`; `.dev.vars` or `npm start`'s random token locally).
 *
 *   PUT    /admin/articles/:lang/:slug   raw source as the body (?file=ko/2024-06-19-x.md names it)
 *   DELETE /admin/articles/:lang/:slug
 *   GET    /admin/articles               sources with their versions (?cursor= for more)
 *   POST   /admin/cache/purge            {"keys": ["ko/slug"], "listings": ["ko"]}
 */
import { Hono, type Context, type MiddlewareHandler } from 'hono'
import * as z from 'zod'
import { edgeCache } from '../cache/edge'
import { articleKeys, listingKeys } from '../cache/purge'
import type { AppContext, AppEnv } from '../env'
import { ArticleError } from '../errors'
import { readIndex } from '../listing/read'
import { log } from '../log'
import { formatOf } from '../parse/body'
import { publish, unpublish } from '../publish/publish'
import { backend, indexStore } from '../source'
import { checkSlug, LANGUAGE_KEY, LANGUAGE_TAG, sourceKey } from '../source/keys'
import { decodeFileName } from '../source/store'

/** Bearer token compared in constant time; repeated failures from one client get 429s. */
const requireToken: MiddlewareHandler<AppEnv> = async (c, next) => {
  const expected = c.env.ADMIN_TOKEN
  if (!expected)
    throw new ArticleError('ARTICLE_NOT_FOUND', 'admin endpoints are off: no ADMIN_TOKEN')
  const given = c.req.header('authorization')?.replace(/^Bearer\s+/i, '') ?? ''
  if (!(await sameSecret(given, expected))) {
    const client = c.req.header('cf-connecting-ip') ?? 'unknown'
    const { success } = (await c.env.ADMIN_FAILURES?.limit({ key: client })) ?? { success: true }
    log(c, 'warn', { event: 'admin-auth-failed', client, limited: !success })
    if (!success)
      throw new ArticleError('TOO_MANY_ATTEMPTS', `too many failed logins from ${client}`)
    throw new ArticleError('UNAUTHORIZED', 'wrong or missing admin token')
  }
  await next()
}

async function sameSecret(a: string, b: string): Promise<boolean> {
  // Hash first so both sides have the same length and the comparison leaks nothing about b.
  const digest = async (s: string) =>
    new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(s)))
  const [x, y] = await Promise.all([digest(a), digest(b)])
  return crypto.subtle.timingSafeEqual(x, y)
}

/** Drops this data centre's cached copies of changed articles and listings; others follow within the freshness bound. */
async function purge(
  c: Context<AppEnv>,
  slugs: Iterable<string>,
  languages: string[],
  origins = [c.get('baseUrl')],
): Promise<number> {
  const config = c.get('config')
  const indexes = await Promise.all(
    languages.map(async (lang) => (await readIndex(indexStore(c.env, config), lang)).index),
  )
  const keys = new Set(
    origins.flatMap((origin) => [
      ...[...slugs].flatMap((slug) => articleKeys(origin, config.languages, slug)),
      ...indexes.flatMap((index) => listingKeys(origin, index)),
    ]),
  )
  const cache = edgeCache()
  let purged = 0
  for (const key of keys) if (await cache.delete(key)) purged++
  return purged
}

const PurgeRequest = z.object({
  /** Article keys, `<lang>/<slug>`. */
  keys: z.array(z.string().regex(LANGUAGE_KEY)).max(1000).default([]),
  /** Languages whose index changed: their listings, feed and the sitemap. */
  listings: z.array(z.string().regex(LANGUAGE_TAG)).max(50).default([]),
  /** Origins the pages were cached under; default the site's. Locally both localhost and 127.0.0.1. */
  origins: z
    .array(z.url({ protocol: /^https?$/ }))
    .max(10)
    .optional(),
})

/** The first of SOURCES, read without the size limit: indexes are big, and new bodies are checked on arrival. */
const writable = (c: AppContext) => backend(c.env, c.get('config'), undefined, {})

function address(c: AppContext): { lang: string; slug: string; key: string } {
  const lang = c.req.param('lang') ?? ''
  if (!c.get('config').languages.includes(lang))
    throw new ArticleError('REQUEST_INVALID', `${lang} is not one of LANGUAGES`)
  const slug = checkSlug(c.req.param('slug') ?? '')
  return { lang, slug, key: sourceKey(lang, slug) }
}

/** The raw body, refused before reading when Content-Length already says it is too big. */
async function sourceBody(c: AppContext): Promise<Uint8Array> {
  const max = c.get('config').maxSourceBytes
  const declared = Number(c.req.header('content-length') ?? 0)
  const tooLarge = (size: number) =>
    new ArticleError(
      'SOURCE_TOO_LARGE',
      `the body is ${size} bytes; the limit is ${max} (MAX_SOURCE_BYTES)`,
    )
  if (declared > max) throw tooLarge(declared)
  const bytes = new Uint8Array(await c.req.arrayBuffer())
  if (bytes.byteLength > max) throw tooLarge(bytes.byteLength)
  if (bytes.byteLength === 0)
    throw new ArticleError('REQUEST_INVALID', 'the body is empty: send the article source')
  return bytes
}

/** `?file=` names the source (its extension gives the format, a Jekyll prefix the date); else from Content-Type. */
function fileNameFor(c: AppContext, lang: string, slug: string): string {
  const file = c.req.query('file')
  if (file !== undefined) {
    if (!file.startsWith(`${lang}/`) || !formatOf(file) || file.includes('..'))
      throw new ArticleError(
        'REQUEST_INVALID',
        `file must look like ${lang}/${slug}.md or ${lang}/${slug}.html`,
      )
    return file
  }
  const markdown = /markdown/i.test(c.req.header('content-type') ?? '')
  return `${lang}/${slug}.${markdown ? 'md' : 'html'}`
}

export const adminRoutes = new Hono<AppEnv>()
  .use('/admin/*', requireToken)
  .post('/admin/cache/purge', async (c) => {
    const parsed = PurgeRequest.safeParse(await c.req.json().catch(() => undefined))
    if (!parsed.success) throw new ArticleError('REQUEST_INVALID', z.prettifyError(parsed.error))
    const origins = parsed.data.origins?.map((o) => new URL(o).origin)
    const slugs = new Set(parsed.data.keys.map((key) => checkSlug(key.slice(key.indexOf('/') + 1))))
    const languages = parsed.data.listings.filter((lang) =>
      c.get('config').languages.includes(lang),
    )
    const purged = await purge(c, slugs, languages, origins)
    log(c, 'info', { event: 'cache-purged', keys: parsed.data.keys, listings: languages, purged })
    return c.json({ purged, keys: parsed.data.keys.length })
  })
  .get('/admin/articles', async (c) => {
    const page = await writable(c).list({ cursor: c.req.query('cursor') || undefined })
    const articles = page.entries
      .filter((e) => LANGUAGE_KEY.test(e.key))
      .map((e) => ({
        key: e.key,
        version: e.metadata.sha256,
        fileName: decodeFileName(e.metadata.fileName),
        format: e.metadata.format,
        uploaded: e.metadata.uploaded,
        firstUploaded: e.metadata.firstUploaded,
      }))
    return c.json({ articles, ...(page.cursor && { cursor: page.cursor }) })
  })
  .put('/admin/articles/:lang/:slug', async (c) => {
    const { slug, key, lang } = address(c)
    const bytes = await sourceBody(c)
    const fileName = fileNameFor(c, lang, slug)
    let change
    try {
      change = await publish(writable(c), c.get('config'), key, bytes, fileName)
    } catch (error) {
      // The same checks and messages as content:push; nothing was written.
      if (error instanceof ArticleError && error.code === 'SOURCE_INVALID')
        throw new ArticleError('SOURCE_REJECTED', error.message, error.location)
      throw error
    }
    const purged = await purge(c, [slug], change.indexes)
    log(c, 'info', {
      event: change.previous ? 'article-updated' : 'article-created',
      key,
      previous: change.previous,
      current: change.current,
      indexes: change.indexes,
    })
    return c.json(
      { ...change, purged, url: `${c.get('baseUrl')}/${lang}/${encodeURIComponent(slug)}` },
      change.previous ? 200 : 201,
    )
  })
  .delete('/admin/articles/:lang/:slug', async (c) => {
    const { slug, key } = address(c)
    const change = await unpublish(writable(c), c.get('config'), key)
    if (!change) throw new ArticleError('ARTICLE_NOT_FOUND', `no source at ${key}`)
    const purged = await purge(c, [slug], change.indexes)
    log(c, 'info', {
      event: 'article-deleted',
      key,
      previous: change.previous,
      indexes: change.indexes,
    })
    return c.json({ ...change, purged })
  })
