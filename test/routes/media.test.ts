/**
 * Pictures hosted with the site, end to end inside workerd with Miniflare's real R2 and Images
 * binding (Sharp): the original as pushed, variants and crops made on the first request and cached,
 * the full-size stand-in when the binding is missing, and an article page that uses a hosted picture
 * (srcset, sizes, width/height, the hero first; JSON-LD crops; the 1200×630 og:image). Sizes are
 * judged by decoding the bytes with the binding's own `info`.
 */
import { env } from 'cloudflare:workers'
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { buildOrigin } from '../../src/articles/derived'
import { siteConfig } from '../../src/config'
import { indexDb } from '../../src/listing/db'
import type { MediaMap } from '../../src/media/urls'
import { writeArticles } from '../../src/publish/write'
import { internalStore } from '../../src/source/internal'
import { kvDriver } from '../../src/source/kv'
import { sourceStore } from '../../src/source/store'
import { readPage } from '../helpers/html'
import { gradientPng, sizeOf } from '../helpers/png'
import { client } from '../helpers/request'
import { FakeWorkersCache } from '../helpers/workers-cache'

const HASH = '0123456789abcdef'
const NAME = 'gradient.png'
let png: Uint8Array

beforeAll(async () => {
  png = await gradientPng(1600, 1000)
  await env.ARTICLES_R2.put(`_/media/${HASH}/${NAME}`, png, {
    httpMetadata: { contentType: 'image/png' },
  })
})

let n = 0
let origin: string
let site: ReturnType<typeof client>
beforeEach(() => {
  origin = `https://media-${++n}.example`
  site = client(origin, { BASE_URL: origin })
})

describe('/media/<hash>/<name>', () => {
  it('serves the original as pushed, with its type, for a year', async () => {
    const res = await site.get(`/media/${HASH}/${NAME}`)
    expect(res.status).toBe(200)
    expect(res.header('content-type')).toBe('image/png')
    expect(res.header('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(res.bytes).toEqual(png)
  })

  it('makes width variants in the format the address names, never wider than asked', async () => {
    for (const [segment, type, width] of [
      ['480.avif', 'image/avif', 480],
      ['768.webp', 'image/webp', 768],
      ['1200.jpeg', 'image/jpeg', 1200],
    ] as const) {
      const res = await site.get(`/media/${HASH}/${segment}/${NAME}`)
      expect(res.status, segment).toBe(200)
      expect(res.header('content-type')).toBe(type)
      expect(res.header('cache-control')).toBe('public, max-age=31536000, immutable')
      expect(await sizeOf(env, res.bytes)).toEqual({
        width,
        height: (width * 1000) / 1600,
        format: type,
      })
      expect(res.bytes.length).toBeLessThan(png.length)
    }
  })

  it('makes crops of the exact box the address names', async () => {
    for (const [segment, width, height] of [
      ['1200x675-50-50.jpeg', 1200, 675],
      ['1200x900-50-50.jpeg', 1200, 900],
      ['1200x1200-70-30.jpeg', 1200, 1200],
      ['1200x630-50-50.jpeg', 1200, 630],
    ] as const) {
      const res = await site.get(`/media/${HASH}/${segment}/${NAME}`)
      expect(res.status, segment).toBe(200)
      expect(await sizeOf(env, res.bytes)).toMatchObject({ width, height })
    }
  })

  it('is a 404 for variants pages never ask for, and for pictures never pushed', async () => {
    for (const path of [
      `/media/${HASH}/999.jpeg/${NAME}`,
      `/media/${HASH}/480.gif/${NAME}`,
      `/media/${HASH}/1300x700-50-50.jpeg/${NAME}`,
      `/media/${HASH}/1200x630-050-50.jpeg/${NAME}`,
      `/media/${HASH}/other.png`,
      `/media/fedcba9876543210/${NAME}`,
      `/media/not-a-hash/${NAME}`,
    ])
      expect((await site.get(path)).status, path).toBe(404)
  })

  it('without the Images binding, serves the original briefly cached instead of a variant, and says so', async () => {
    const res = await site.get(`/media/${HASH}/480.webp/${NAME}`, {}, { IMAGES: undefined })
    expect(res.status).toBe(200)
    expect(res.header('content-type')).toBe('image/png')
    expect(res.header('cache-control')).toBe('public, max-age=60')
    expect(res.header('x-media-variant')).toMatch(/no IMAGES binding/)
    expect(res.bytes).toEqual(png)
  })

  it('behind Workers Cache, tags every variant with the picture and caches it', async () => {
    const edge = new FakeWorkersCache()
    const cdn = client(origin, { BASE_URL: origin }, edge)
    const path = `/media/${HASH}/768.avif/${NAME}`
    const first = await cdn.get(path)
    expect(first.header('cf-cache-status')).toBe('MISS')
    expect((await cdn.get(path)).header('cf-cache-status')).toBe('HIT')
    expect(edge.keys()).toContain(path)
    // Purging the picture's tag drops its variants.
    await edge.context.purge({ tags: [`m:${HASH}`] })
    expect(edge.keys()).not.toContain(path)
  })
})

describe('an article with a hosted picture', () => {
  const media = {
    'media/gradient.png': { hash: HASH, name: NAME, width: 1600, height: 1000, type: 'image/png' },
    'media/again.png': { hash: HASH, name: NAME, width: 1600, height: 1000, type: 'image/png' },
  }
  const source = (focus = '') =>
    `---\ntitle: Hosted picture\ndate: 2024-06-19 10:30:00 +0900\ncategories: [News]\nimage:\n  url: ../media/gradient.png\n  alt: A gradient${focus}\n---\n\nFirst paragraph.\n\n![Again, in the body](../media/again.png)\n\n<p>Outside: <img src="https://images.example.com/x.jpg" alt="x"></p>\n`

  async function publish(slug: string, text: string, pictures: MediaMap = media) {
    const config = siteConfig(env)
    const driver = kvDriver(env.ARTICLES_KV)
    const result = await writeArticles({
      target: {
        stores: [
          {
            store: sourceStore(driver, { maxBytes: 1e6 }),
            internal: internalStore(driver, undefined, env.DERIVED_KEY),
          },
        ],
        db: indexDb(env),
        origin: buildOrigin(config),
      },
      config,
      changes: [
        {
          kind: 'publish',
          key: `en/${slug}`,
          bytes: new TextEncoder().encode(text),
          fileName: `en/${slug}.md`,
          media: pictures,
        },
      ],
    })
    expect(result.failed).toEqual([])
  }

  it('offers srcset variants with sizes, its size, the hero first and the rest lazily', async () => {
    await publish(`hosted-${n}`, source())
    const res = await site.get(`/en/hosted-${n}`)
    expect(res.status).toBe(200)
    const imgs = readPage(res.body).all('img')
    const hosted = imgs.filter((i) => i.getAttribute('src')!.includes(`/media/${HASH}/`))
    expect(hosted).toHaveLength(2)
    const [hero, body] = hosted as [(typeof imgs)[number], (typeof imgs)[number]]
    for (const img of hosted) {
      expect(img.getAttribute('width')).toBe('1600')
      expect(img.getAttribute('height')).toBe('1000')
      expect(img.getAttribute('src')).toBe(`${origin}/media/${HASH}/1200.jpeg/${NAME}`)
      expect(img.getAttribute('srcset')).toBe(
        [480, 768, 1200, 1600]
          .map((w) => `${origin}/media/${HASH}/${w}.jpeg/${NAME} ${w}w`)
          .join(', '),
      )
      expect(img.getAttribute('sizes')).toMatch(/100vw/)
    }
    // Each hosted <img> sits in a <picture> offering AVIF, then WebP, at the same widths.
    const pictures = readPage(res.body).all('picture source')
    expect(pictures.map((s) => s.getAttribute('type'))).toEqual([
      'image/avif',
      'image/webp',
      'image/avif',
      'image/webp',
    ])
    expect(pictures[0]!.getAttribute('srcset')).toContain(
      `${origin}/media/${HASH}/480.avif/${NAME} 480w`,
    )
    expect(hero.getAttribute('fetchpriority')).toBe('high')
    expect(hero.getAttribute('loading')).toBeNull()
    expect(body.getAttribute('loading')).toBe('lazy')
    // An outside picture stays as written.
    expect(imgs.some((i) => i.getAttribute('src') === 'https://images.example.com/x.jpg')).toBe(
      true,
    )
  })

  it('lists three 1,200 px crops in the JSON-LD and a 1200×630 og:image, around the focal point', async () => {
    await publish(`crops-${n}`, source('\n  focus: [0.25, 0.75]'))
    const page = readPage((await site.get(`/en/crops-${n}`)).body)
    const ld = page.jsonLd() as unknown as { '@type': string; image: unknown }
    expect(ld['@type']).toBe('NewsArticle')
    expect(ld.image).toEqual(
      [
        [1200, 675],
        [1200, 900],
        [1200, 1200],
      ].map(([w, h]): unknown =>
        expect.objectContaining({
          url: `${origin}/media/${HASH}/${w}x${h}-25-75.jpeg/${NAME}`,
          width: w,
          height: h,
        }),
      ),
    )
    expect(page.meta('og:image')).toBe(`${origin}/media/${HASH}/1200x630-25-75.jpeg/${NAME}`)
    expect(page.meta('og:image:width')).toBe('1200')
    expect(page.meta('og:image:height')).toBe('630')
    for (const { url, width, height } of ld.image as {
      url: string
      width: number
      height: number
    }[]) {
      const crop = await site.get(new URL(url).pathname)
      expect(await sizeOf(env, crop.bytes)).toMatchObject({ width, height })
    }
  })

  it('names a hosted picture narrower than 1,200 px as it is, never an enlarged crop', async () => {
    const small = {
      'media/gradient.png': { ...media['media/gradient.png'], width: 600, height: 400 },
    }
    await publish(`small-${n}`, source(), small)
    const page = readPage((await site.get(`/en/small-${n}`)).body)
    expect(page.meta('og:image')).toBe(`${origin}/media/${HASH}/${NAME}`)
    expect(page.meta('og:image:width')).toBe('600')
    const ld = page.jsonLd() as unknown as { image: unknown[] }
    expect(ld.image).toEqual([
      expect.objectContaining({ url: `${origin}/media/${HASH}/${NAME}`, width: 600, height: 400 }),
    ])
  })

  it('keeps its pictures when it is built again from its source (derived article gone)', async () => {
    await publish(`rebuilt-${n}`, source())
    await env.ARTICLES_KV.delete(`_/derived/en/rebuilt-${n}`)
    const page = await site.get(`/en/rebuilt-${n}`)
    expect(page.body).toContain(`${origin}/media/${HASH}/480.avif/${NAME} 480w`)
  })

  it('keeps its pictures when the publishing API updates its text (the API takes the source alone)', async () => {
    const slug = `api-edit-${n}`
    await publish(slug, source())
    const token = 'publisher-secret-0123456789'
    const api = client(origin, { BASE_URL: origin, ADMIN_TOKEN: token })
    const edited = source().replace('First paragraph.', 'First paragraph, corrected by the desk.')
    const res = await api.call(`/admin/articles/en/${slug}?file=en/${slug}.md`, {
      method: 'PUT',
      body: edited,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/markdown' },
    })
    expect(res.status).toBeLessThan(300)
    const page = await site.get(`/en/${slug}`)
    expect(page.body).toContain('corrected by the desk')
    // Its own pictures, not its neighbours' cards: the body's copy and the share image.
    const doc = readPage(page.body)
    const again = doc.all('img').find((i) => i.getAttribute('alt') === 'Again, in the body')
    expect(again?.getAttribute('srcset')).toContain(`${origin}/media/${HASH}/480.jpeg/${NAME} 480w`)
    expect(page.body).toContain(
      `<meta property="og:image" content="${origin}/media/${HASH}/1200x630-50-50.jpeg/${NAME}"`,
    )
  })

  it('shows on listing cards in the same variants, with its size', async () => {
    await publish(`card-${n}`, source())
    const home = readPage((await site.get('/en/')).body)
    const card = home.all('img').find((i) => i.getAttribute('src')?.includes(`/media/${HASH}/`))
    expect(card?.getAttribute('srcset')).toContain(`${origin}/media/${HASH}/480.jpeg/${NAME} 480w`)
    expect(card?.getAttribute('width')).toBe('1600')
  })
})
