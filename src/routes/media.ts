/**
 * GET /media/<hash>/<name> and /media/<hash>/<variant>/<name>: pictures hosted with the site
 * (docs/images.md). The original comes from ARTICLES_R2 as pushed; a variant (a width for srcset, a
 * crop for JSON-LD and og:image) is made by the Images binding on the first request and cached for
 * a year under the picture's tag (`m:<hash>`): the hash is in every address, so nothing goes stale.
 *
 * Without the binding (a deployment that lost `[images]`), a variant is answered with the original,
 * briefly cached, and a warning is logged each time: the page still works, at full size.
 */
import { Hono } from 'hono'
import { SECONDS } from '../cache/policy'
import { cachedResponse } from '../cache/serve'
import type { AppContext, AppEnv } from '../env'
import { AppError } from '../errors'
import { logEvent } from '../log'
import {
  FORMATS,
  MEDIA_HASH,
  MEDIA_NAME,
  mediaKey,
  parseVariant,
  type Variant,
} from '../media/urls'
import { transformImage } from '../media/variants'

export const mediaRoutes = new Hono<AppEnv>()
  .get('/media/:hash/:name', (c) =>
    serve(c, { hash: c.req.param('hash'), name: c.req.param('name') }),
  )
  .get('/media/:hash/:variant/:name', (c) =>
    serve(c, {
      hash: c.req.param('hash'),
      name: c.req.param('name'),
      segment: c.req.param('variant'),
    }),
  )

async function serve(
  c: AppContext,
  {
    hash,
    name,
    segment,
  }: {
    hash: string
    name: string
    /** The variant's path segment (size, crop, format); none for the original. */
    segment?: string
  },
) {
  const variant: Variant | undefined =
    segment === undefined ? { kind: 'original' } : parseVariant(segment)
  if (!MEDIA_HASH.test(hash) || !MEDIA_NAME.test(name) || !variant)
    throw new AppError('NOT_FOUND', `no picture at ${c.req.path}`)
  const cached = { kind: 'media', hash, name, variant: segment ?? '' } as const
  if (variant.kind === 'original')
    return cachedResponse(c, {
      cached,
      produce: () => original(c, hash, name),
      lifetime: 'immutable',
    })
  const images = c.env.IMAGES as ImagesBinding | undefined
  if (!images) {
    logEvent('warn', {
      event: 'images-binding-missing',
      path: c.req.path,
      message: 'no IMAGES binding ([images] in wrangler.toml): serving the original at full size',
    })
    return standIn(c, hash, name)
  }
  return cachedResponse(c, {
    cached,
    produce: async () => {
      const object = await read(c, hash, name)
      const output = await transformImage(
        images,
        object.body as ReadableStream<Uint8Array>,
        variant,
      )
      return new Response(output.image(), {
        headers: {
          'content-type': output.contentType(),
          etag: `"${hash}-${segment}"`,
        },
      })
    },
    lifetime: 'immutable',
  })
}

async function read(c: AppContext, hash: string, name: string): Promise<R2ObjectBody> {
  const object = await c.env.ARTICLES_R2.get(mediaKey(hash, name))
  if (!object) throw new AppError('NOT_FOUND', `no picture at ${c.req.path}`)
  return object
}

async function original(c: AppContext, hash: string, name: string): Promise<Response> {
  const object = await read(c, hash, name)
  return new Response(object.body, {
    headers: {
      'content-type': object.httpMetadata?.contentType ?? FORMATS.jpeg,
      etag: `"${hash}"`,
    },
  })
}

/** The original in place of a variant the site cannot make: kept a minute, never a year. */
async function standIn(c: AppContext, hash: string, name: string): Promise<Response> {
  const response = await original(c, hash, name)
  response.headers.set('cache-control', `public, max-age=${SECONDS.mediaStandIn}`)
  response.headers.set('x-media-variant', 'original (no IMAGES binding)')
  return response
}
