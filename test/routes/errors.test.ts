import { env, exports } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { putKv } from '../helpers/content'
import { readPage } from '../helpers/html'
import { SEED } from '../helpers/seed'

const ORIGIN = 'https://news.example'
const get = (path: string) => exports.default.fetch(`${ORIGIN}${path}`)

const BROKEN: [name: string, source: string | Uint8Array, where: RegExp][] = [
  [
    'broken YAML',
    '---\ntitle: "unclosed\ncategories: [a\n---\n<p>x</p>',
    /ko\/broken-yaml\.html:\d+/,
  ],
  [
    'a missing title',
    '---\nexcerpt: no title here\n---\n<p>x</p>',
    /ko\/missing-title\.html:\d+ → title/,
  ],
  [
    'a title of the wrong type',
    '---\ntitle:\n  - a list\n---\n<p>x</p>',
    /ko\/wrong-type\.html:2 → title/,
  ],
  [
    'an image width that is not a number',
    '---\ntitle: T\nimage:\n  url: https://img.example/a.jpg\n  width: wide\n---\n',
    /ko\/bad-width\.html:5 → image\.width/,
  ],
  [
    'invalid UTF-8',
    new Uint8Array([
      0x2d, 0x2d, 0x2d, 0x0a, 0x74, 0x69, 0x74, 0x6c, 0x65, 0x3a, 0x20, 0xc0, 0xaf, 0x0a, 0x2d,
      0x2d, 0x2d, 0x0a,
    ]),
    /ko\/bad-utf8\.html.*UTF-8/,
  ],
]
const slugOf = (name: string) =>
  ({
    'broken YAML': 'broken-yaml',
    'a missing title': 'missing-title',
    'a title of the wrong type': 'wrong-type',
    'an image width that is not a number': 'bad-width',
    'invalid UTF-8': 'bad-utf8',
  })[name]!

describe('a broken source', () => {
  beforeAll(async () => {
    await putKv(env.ARTICLES_KV, 'ko/putin-kim-pact', SEED, 'ko/putin-kim-pact.html')
    for (const [name, source] of BROKEN) {
      const slug = slugOf(name)
      await env.ARTICLES_KV.put(`ko/${slug}`, source, {
        metadata: { fileName: `ko/${slug}.html`, format: 'html' },
      })
    }
  })

  it.each(BROKEN)(
    'with %s gets a clear 500 page naming the file and line, never a stack trace',
    async (name, _source, where) => {
      const res = await get(`/ko/${slugOf(name)}`)
      expect(res.status).toBe(500)
      expect(res.headers.get('cache-control')).toBe('no-store')
      const page = readPage(await res.text())
      expect(page.document.documentElement.getAttribute('lang')).toBe('ko')
      expect(page.document.querySelector('h1')?.textContent).toBe('기사를 표시할 수 없습니다')
      expect(page.document.querySelector('.error code')?.textContent).toMatch(where)
      expect(page.meta('robots')).toContain('noindex')
      expect(page.document.body.textContent).not.toMatch(/at \w+ \(|\.ts:\d+:\d+/)
    },
  )

  it.each(BROKEN)(
    'with %s gets a JSON error with a stable code and the location',
    async (name, _source, where) => {
      const res = await get(`/api/articles/ko/${slugOf(name)}`)
      expect(res.status).toBe(500)
      const { error } = await res.json<{
        error: { code: string; message: string; location: { file: string } }
      }>()
      expect(error.code).toBe('SOURCE_INVALID')
      expect(error.message).toMatch(where)
      expect(error.location.file).toBe(`ko/${slugOf(name)}.html`)
    },
  )

  it('does not affect any other article', async () => {
    const res = await get('/ko/putin-kim-pact')
    expect(res.status).toBe(200)
  })
})

describe('a malformed address', () => {
  it.each([
    ['a dot-dot segment', '/ko/..%2F..%2Fsecret'],
    ['an encoded slash', '/ko/a%2Fb'],
    ['a control character', '/ko/a%00b'],
    ['a newline', '/ko/a%0Ab'],
    ['a slug over 200 bytes', `/ko/${'가'.repeat(70)}`],
    ['a leading dot', '/ko/.env'],
  ])('with %s is refused with 400 before any storage read', async (_name, path) => {
    const res = await get(path)
    expect(res.status).toBe(400)
    expect(readPage(await res.text()).document.querySelector('h1')?.textContent).toBe(
      '잘못된 주소입니다',
    )
  })

  it('answers the JSON API with a 400 and a stable code', async () => {
    const res = await get('/api/articles/en/a%2Fb')
    expect(res.status).toBe(400)
    expect((await res.json<{ error: { code: string; message: string } }>()).error).toMatchObject({
      code: 'SLUG_INVALID',
      message: 'Invalid address',
    })
  })

  it('for an unknown language or article answers a localized 404', async () => {
    const res = await get('/en/no-such-article')
    expect(res.status).toBe(404)
    const page = readPage(await res.text())
    expect(page.document.documentElement.getAttribute('lang')).toBe('en')
    expect(page.document.querySelector('h1')?.textContent).toBe('Article not found')
    expect((await get('/xx/putin-kim-pact')).status).toBe(404)
  })
})
