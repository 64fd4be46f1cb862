/**
 * The publishing API and cache purge, off unless the ADMIN_TOKEN secret is set
 * (`wrangler secret put ADMIN_TOKEN`; `.dev.vars` or `npm start`'s own token locally).
 *
 *   PUT    /admin/articles/:lang/:slug   raw source as the body (?file=ko/2024-06-19-x.md names it)
 *   DELETE /admin/articles/:lang/:slug
 *   PUT    /admin/media/:name            a picture's bytes; answers its address /media/<hash>/<name>
 *   GET    /admin/articles               sources with their versions (?cursor= for more)
 *   GET    /admin/scheduled              articles held back by a future date or an embargo
 *   POST   /admin/cache/purge            {"tags": ["a:ko/slug", "l:ko"]}  (cache/tags.ts)
 */
import { buildOrigin } from '../articles/derived'
import { parseProfile } from '../authors/parse'
import { decodeSource } from '../parse/decode'
import { removeProfile, storeProfile, type ProfileTarget } from '../authors/publish'
import { authorPath } from '../authors/resolve'
import { hostPicture, MAX_PICTURE_BYTES } from '../media/hosting'
import { mediaPath } from '../media/urls'
import { Hono, type MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import * as z from 'zod'
import { purgeTags, type PurgeResult } from '../cache/purge'
import { workersCache } from '../cache/serve'
import { CACHE_TAG } from '../cache/tags'
import type { AppContext, AppEnv } from '../env'
import { AppError } from '../errors'
import { indexDb, type Db } from '../listing/db'
import { log } from '../log'
import { formatOf } from '../parse/body'
import { slugFromFileName } from '../parse/date'
import { publish, unpublish, type WriteTarget } from '../publish/publish'
import { describeTime } from '../publish/schedule'
import { waiting } from '../listing/scheduled'
import { backends, internalOf } from '../source'
import { articleKey } from '../source/keys'
import { articleParams, servedLanguage } from './params'
import { requireToken } from './admin-auth'

/** Every configured store (new sources go to the first), the index and the pictures, for the writer. */
function writeTarget(c: AppContext, db: Db): WriteTarget {
  const config = c.get('config')
  return {
    stores: backends(c.env, config).map((store) => ({
      store,
      internal: internalOf(c.env, store.name),
    })),
    db,
    origin: buildOrigin(config),
    pictures: c.env.ARTICLES_R2,
  }
}

/** Where profiles are written: beside the articles of the first configured store. */
function profileTarget(c: AppContext): ProfileTarget {
  const config = c.get('config')
  return {
    internal: internalOf(c.env, config.sources[0]!),
    db: indexDb(c.env),
    languages: config.languages,
  }
}

/** Purges cached responses by tag: everywhere with Workers Cache, else this data centre's copies. */
async function purge(
  c: AppContext,
  tags: string[],
  origins = [c.get('baseUrl')],
): Promise<PurgeResult> {
  const result = await purgeTags(tags, {
    cache: workersCache(c),
    origins,
    languages: c.get('config').languages,
    db: indexDb(c.env),
  })
  log(c, result.errors.length ? 'warn' : 'info', { event: 'cache-purged', ...result })
  return result
}

const PurgeRequest = z.object({
  /** Cache tags (cache/tags.ts): `a:ko/slug`, `s:slug`, `l:ko`, `c:ko/world`, `t:ko/tag`, `p:ko/author-id`, `f:ko`, `q:ko`, `sitemap`. */
  tags: z.array(z.string().regex(CACHE_TAG)).min(1).max(3000),
  /** Origins the fallback cache keyed pages under; default the site's. Locally both localhost and 127.0.0.1. */
  origins: z
    .array(z.url({ protocol: /^https?$/ }))
    .max(10)
    .optional(),
})

/**
 * `?file=` names the source (its extension gives the format, a Jekyll prefix the date): it must be
 * `<lang>/<slug>.md|html`, or `<lang>/YYYY-MM-DD-<slug>.md|html`, so a later pull writes it back
 * exactly where a push will find this same article. Without it, the format comes from Content-Type.
 */
function fileNameFor(c: AppContext, lang: string, slug: string): string {
  const file = c.req.query('file')
  if (file === undefined)
    return `${lang}/${slug}.${/markdown/i.test(c.req.header('content-type') ?? '') ? 'md' : 'html'}`
  const name = file.slice(lang.length + 1)
  if (
    !file.startsWith(`${lang}/`) ||
    name.includes('/') ||
    !formatOf(file) ||
    slugFromFileName(file) !== slug
  ) {
    throw new AppError(
      'REQUEST_INVALID',
      `file must be ${lang}/${slug}.md or ${lang}/${slug}.html, optionally dated (${lang}/2024-06-19-${slug}.md); got ${file}`,
    )
  }
  return file
}

/** Hono's body limit for pictures: the same 20 MB content:push hosts at most. */
const pictureBodyLimit = bodyLimit({
  maxSize: MAX_PICTURE_BYTES,
  onError: () => {
    throw new AppError(
      'SOURCE_TOO_LARGE',
      `the picture is larger than ${MAX_PICTURE_BYTES / 1e6} MB: resize it`,
    )
  },
})

/** Hono's body limit at MAX_SOURCE_BYTES: a body is refused by its Content-Length, or as it streams in without one. */
const sourceBodyLimit: MiddlewareHandler<AppEnv> = (c, next) => {
  const max = c.get('config').maxSourceBytes
  return bodyLimit({
    maxSize: max,
    onError: () => {
      const declared = c.req.header('content-length')
      throw new AppError(
        'SOURCE_TOO_LARGE',
        `the body is ${declared ? `${declared} bytes` : 'larger than that'}; the limit is ${max} (MAX_SOURCE_BYTES)`,
      )
    },
  })(c, next)
}

export const adminRoutes = new Hono<AppEnv>()
  .use('/admin/*', requireToken)
  .post('/admin/cache/purge', async (c) => {
    const parsed = PurgeRequest.safeParse(await c.req.json().catch(() => undefined))
    if (!parsed.success) throw new AppError('REQUEST_INVALID', z.prettifyError(parsed.error))
    const origins = parsed.data.origins?.map((o) => new URL(o).origin)
    return c.json(await purge(c, parsed.data.tags, origins))
  })
  .get('/admin/articles', async (c) => {
    const config = c.get('config')
    const page = await backends(c.env, config)[0]!.list(
      config.languages,
      c.req.query('cursor') || undefined,
    )
    const held = new Map(
      (await waiting(indexDb(c.env))).map((r) => [articleKey(r.lang, r.slug), r.live_ms]),
    )
    const articles = page.entries.map(({ key, metadata }) => ({
      key,
      version: metadata.sha256,
      fileName: metadata.fileName,
      format: metadata.format,
      uploaded: metadata.uploaded,
      firstUploaded: metadata.firstUploaded,
      ...(held.has(key) && { scheduledFor: new Date(held.get(key)!).toISOString() }),
    }))
    return c.json({ articles, ...(page.cursor && { cursor: page.cursor }) })
  })
  .get('/admin/scheduled', async (c) => {
    const { timeZone } = c.get('config')
    const scheduled = (await waiting(indexDb(c.env))).map((r) => ({
      key: articleKey(r.lang, r.slug),
      at: new Date(r.live_ms).toISOString(),
      label: describeTime(r.live_ms, timeZone),
    }))
    return c.json({ scheduled })
  })
  .put('/admin/articles/:lang/:slug', servedLanguage, sourceBodyLimit, async (c) => {
    const config = c.get('config')
    const { lang, slug } = articleParams(c)
    const key = articleKey(lang, slug)
    const bytes = new Uint8Array(await c.req.arrayBuffer())
    if (bytes.byteLength === 0)
      throw new AppError('REQUEST_INVALID', 'the body is empty: send the article source')
    const fileName = fileNameFor(c, lang, slug)
    const db = indexDb(c.env)
    const target = writeTarget(c, db)
    const { change, purged } = await publish(target, config, {
      source: { key, bytes, fileName },
      purge: (tags) => purge(c, tags),
    }).catch((error: unknown) => {
      // The same checks and messages as content:push; nothing was written.
      if (error instanceof AppError && error.code === 'SOURCE_INVALID')
        throw error.as('SOURCE_REJECTED')
      throw error
    })
    // Read-your-writes: a request carrying this bookmark sees at least this version of the index.
    const bookmark = db.bookmark()
    if (bookmark) c.header('x-d1-bookmark', bookmark)
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
  // A picture for articles sent through this API to name by the address it answers (docs/images.md).
  .put('/admin/media/:name', pictureBodyLimit, async (c) => {
    const name = c.req.param('name')
    const bytes = new Uint8Array(await c.req.arrayBuffer())
    const images = c.env.IMAGES as ImagesBinding | undefined
    const { hosted, stored } = await hostPicture({ bucket: c.env.ARTICLES_R2, images }, name, bytes)
    const path = mediaPath(hosted)
    log(c, 'info', { event: 'picture-uploaded', path, stored })
    return c.json(
      { ...hosted, path, url: `${c.get('baseUrl')}${path}`, stored },
      stored ? 201 : 200,
    )
  })
  // Author profiles (content/authors/<id>.yml): the YAML as the body, validated like content:push.
  .put('/admin/authors/:id', sourceBodyLimit, async (c) => {
    const id = c.req.param('id')
    const bytes = new Uint8Array(await c.req.arrayBuffer())
    const profile = (() => {
      try {
        const file = `authors/${id}.yml`
        return parseProfile(decodeSource(bytes, file), file)
      } catch (error) {
        if (error instanceof AppError && error.code === 'SOURCE_INVALID')
          throw error.as('SOURCE_REJECTED')
        throw error
      }
    })()
    const { changed, tags } = await storeProfile(profileTarget(c), profile, bytes)
    const purged = changed ? await purge(c, tags) : undefined
    log(c, 'info', { event: 'author-saved', id, changed })
    return c.json({
      id,
      changed,
      tags,
      purged,
      url: `${c.get('baseUrl')}${authorPath(c.get('config').defaultLang, id)}`,
    })
  })
  .delete('/admin/authors/:id', async (c) => {
    const id = c.req.param('id')
    const { removed, tags } = await removeProfile(profileTarget(c), id)
    if (!removed) throw new AppError('NOT_FOUND', `no author profile ${id}`)
    const purged = await purge(c, tags)
    log(c, 'info', { event: 'author-deleted', id })
    return c.json({ id, removed, tags, purged })
  })
  .delete('/admin/articles/:lang/:slug', servedLanguage, async (c) => {
    const config = c.get('config')
    const { lang, slug } = articleParams(c)
    const key = articleKey(lang, slug)
    const removed = await unpublish(writeTarget(c, indexDb(c.env)), config, {
      key,
      purge: (tags) => purge(c, tags),
    })
    if (!removed) throw new AppError('ARTICLE_NOT_FOUND', `no source at ${key}`)
    const { change, purged } = removed
    log(c, 'info', {
      event: 'article-deleted',
      key,
      previous: change.previous,
      indexes: change.indexes,
    })
    return c.json({ ...change, purged })
  })
