/**
 * Every route docs/routes.md lists is one the Worker answers: each GET route, with sample values for
 * its parameters, gets something other than a 404.
 */
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import routesDoc from '../../docs/routes.md?raw'
import { putProfiles, putSiteWithIndexes } from '../helpers/content'
import { gradientPng } from '../helpers/png'
import { client } from '../helpers/request'

// The admin routes are on only with a token: the documented ones must exist then.
const TOKEN = 'docs-token'
const { call } = client('https://docs.example', { ADMIN_TOKEN: TOKEN })

const SAMPLE: Record<string, string> = {
  lang: 'ko',
  slug: 'putin-kim-pact',
  n: '1',
  id: 'kim-seoyeon',
}

/** `GET /:lang/category/:name`, … from the first column of the routes table. */
const documented = routesDoc
  .split('\n')
  .filter((line) => line.startsWith('| `'))
  .flatMap((line) => [
    ...line.split('|')[1]!.matchAll(/`(GET|PUT|POST|DELETE) ([^`]+)`|`(\/[^`]+)`/g),
  ])
  .map((m) => ({ method: m[1] ?? 'GET', path: (m[2] ?? m[3])! }))
  // `(+ /page/:n)` is a suffix of the listings before it, not a route of its own.
  .filter((route) => route.path !== '/page/:n')

/** A URL for the documented path: sample parameters, the examples the table gives. */
function sampleUrl(path: string): string {
  // An old version of a card: redirects to the current one.
  // A picture put into R2 below, and one of its variants.
  if (path.startsWith('/media/'))
    return path.includes(':variant')
      ? `/media/${MEDIA_HASH}/480.webp/a.png`
      : `/media/${MEDIA_HASH}/a.png`
  if (path.startsWith('/og/')) return '/og/en/no-front-matter-extras.000000000000.png'
  if (path.startsWith('/oembed'))
    return `/oembed?url=${encodeURIComponent('https://docs.example/ko/putin-kim-pact')}`
  const bare = path
    .split(/[?(]/)[0]!
    .trim()
    .replace('/category/:name', '/category/News')
    .replace('/tag/:name', '/tag/%ED%8F%AD%EC%97%BC') // 폭염
  return (
    bare.replace(/:(\w+)/g, (_, name: string) => SAMPLE[name] ?? name) +
    (path.includes('?q=') ? '?q=%ED%91%B8%ED%8B%B4' : '')
  )
}

const MEDIA_HASH = '0123456789abcdef'

beforeAll(async () => {
  await putSiteWithIndexes(env.ARTICLES_KV)
  await putProfiles()
  await env.ARTICLES_R2.put(`_/media/${MEDIA_HASH}/a.png`, await gradientPng(600, 400), {
    httpMetadata: { contentType: 'image/png' },
  })
})

describe('docs/routes.md', () => {
  it('lists the routes', () => expect(documented.length).toBeGreaterThan(15))

  it.each(documented.filter((r) => r.method === 'GET'))(
    'GET $path is a route the Worker has',
    async ({ path }) => {
      const url = sampleUrl(path)
      const headers: Record<string, string> = url.startsWith('/admin/')
        ? { authorization: `Bearer ${TOKEN}` }
        : {}
      const { status, body } = await call(url, { headers })
      expect(`${status} ${url} ${body.slice(0, 120)}`).not.toMatch(/^404/)
    },
  )
})
