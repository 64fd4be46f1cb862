import { env, exports } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { CONTENT, putKv, putSiteWithIndexes } from '../helpers/content'
import { readPage } from '../helpers/html'
import { client } from '../helpers/request'

const ORIGIN = 'https://i18n.example'
const get = (path: string, headers: Record<string, string> = {}) =>
  exports.default.fetch(`${ORIGIN}${path}`, { headers, redirect: 'manual' })

beforeAll(() => putSiteWithIndexes(env.ARTICLES_KV, CONTENT))

describe('an address without a language', () => {
  it.each([
    ['nothing', '/ko/', {}],
    ['Accept-Language: en-US', '/en/', { 'accept-language': 'en-US,en;q=0.9' }],
    ['Accept-Language: ja-JP', '/ja/', { 'accept-language': 'ja-JP' }],
    ['Accept-Language: fr, en;q=0.5', '/en/', { 'accept-language': 'fr, en;q=0.5' }],
    ['a lang cookie', '/ja/', { cookie: 'lang=ja', 'accept-language': 'en' }],
  ])('/ with %s goes to %s', async (_name, location, headers) => {
    const res = await get('/', headers)
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toBe(location)
  })

  it('is a personal answer: private, never stored for everyone, varying by language and cookie', async () => {
    const res = await get('/putin-kim-pact', { 'accept-language': 'en' })
    expect(res.headers.get('cache-control')).toBe('private, no-store')
    expect(res.headers.get('vary')).toBe('Accept-Language, Cookie')
    // …while the page it points to is fully cacheable.
    const page = await get('/en/putin-kim-pact')
    expect(page.headers.get('cache-control')).toMatch(/^public, /)
    expect(page.headers.get('set-cookie')).toBeNull()
  })

  it('/<slug> goes to the visitor’s language when the article has it, else to the best existing version', async () => {
    expect(
      (await get('/putin-kim-pact', { 'accept-language': 'ja' })).headers.get('location'),
    ).toBe('/ja/putin-kim-pact')
    expect(
      (await get('/putin-kim-pact', { 'accept-language': 'en-GB' })).headers.get('location'),
    ).toBe('/en/putin-kim-pact')
    // Only Korean exists: an English reader still lands on it.
    expect(
      (await get('/seoul-heatwave', { 'accept-language': 'en' })).headers.get('location'),
    ).toBe('/ko/seoul-heatwave')
    // English and Japanese exist; a Korean reader gets the site's next choice that exists.
    expect(
      (await get('/tokyo-transit-guide', { 'accept-language': 'ko' })).headers.get('location'),
    ).toBe('/ja/tokyo-transit-guide')
  })

  it('remembers an explicit ?lang= choice in a cookie, on the private redirect only', async () => {
    const res = await get('/putin-kim-pact?lang=ja', { 'accept-language': 'en' })
    expect(res.headers.get('location')).toBe('/ja/putin-kim-pact')
    expect(res.headers.get('set-cookie')).toMatch(
      /^lang=ja; Max-Age=31536000; Path=\/; HttpOnly; Secure; SameSite=Lax$/,
    )
  })

  it('answers an unknown slug with a 404 in the visitor’s language', async () => {
    const res = await get('/no-such-thing', { 'accept-language': 'ja' })
    expect(res.status).toBe(404)
    expect(res.headers.get('vary')).toBe('Accept-Language, Cookie')
    const page = readPage(await res.text())
    expect(page.document.documentElement.getAttribute('lang')).toBe('ja')
    expect(page.document.querySelector('h1')?.textContent).toBe('記事が見つかりません')
  })
})

/** A binding that counts every call made on it (a read, a list, a query), and does it for real. */
function counting<T extends object>(binding: T, calls: string[], name: string): T {
  return new Proxy(binding, {
    get(target, property) {
      const value = Reflect.get(target, property) as unknown
      if (typeof value !== 'function') return value
      return (...args: unknown[]) => {
        calls.push(`${name}.${String(property)}`)
        const result = (value as (...a: unknown[]) => unknown).apply(target, args)
        // A D1 session's statements are counted as they run.
        return property === 'withSession'
          ? counting(result as object, calls, name)
          : property === 'prepare'
            ? counting(result as object, calls, name)
            : property === 'bind'
              ? counting(result as object, calls, name)
              : result
      }
    },
  })
}

describe('a path that is no article’s (a scanner’s /wp-login.php)', () => {
  it('is answered from the index alone (the article, then old addresses), never reads KV or R2, and is not looked up again for a while', async () => {
    const calls: string[] = []
    const bindings = {
      ARTICLES_KV: counting(env.ARTICLES_KV, calls, 'kv'),
      ARTICLES_R2: counting(env.ARTICLES_R2, calls, 'r2'),
      ARTICLES_DB: counting(env.ARTICLES_DB, calls, 'd1'),
    }
    const { get: call } = client('https://scan.example', bindings)
    const first = await call('/wp-login.php', { 'accept-language': 'en' })
    expect(first.status).toBe(404)
    const queries = calls.filter((c) => /\.(all|first|run|raw)$/.test(c) || c === 'd1.batch')
    expect(queries).toEqual(['d1.all', 'd1.first'])
    expect(calls.filter((c) => /^(kv|r2)\./.test(c))).toEqual([])
    // Asked again, by anyone: the answer is remembered, nothing is read.
    calls.length = 0
    const again = await call('/wp-login.php', { 'accept-language': 'ja' })
    expect(again.status).toBe(404)
    expect(calls.filter((c) => !/\.(withSession|prepare|bind)$/.test(c))).toEqual([])
    // An article is still found from the same one lookup.
    calls.length = 0
    const found = await call('/seoul-heatwave', { 'accept-language': 'en' })
    expect(found.header('location')).toBe('/ko/seoul-heatwave')
    expect(calls.filter((c) => /^(kv|r2)\./.test(c))).toEqual([])
  })
})

describe('a language with no version of the article', () => {
  it('redirects to the best existing version instead of a 404', async () => {
    const res = await get('/en/seoul-heatwave')
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toBe('/ko/seoul-heatwave')
    expect(res.headers.get('cache-control')).toBe('private, no-store')
    const api = await get('/api/articles/en/seoul-heatwave')
    expect(api.headers.get('location')).toBe('/api/articles/ko/seoul-heatwave')
  })

  it('but a draft is no version to send anyone to', async () => {
    expect((await get('/en/draft-election-preview')).status).toBe(404)
    expect((await get('/draft-election-preview')).status).toBe(404)
  })
})

describe('the translation pair', () => {
  const pages: Record<string, ReturnType<typeof readPage>> = {}
  beforeAll(async () => {
    for (const lang of ['ko', 'en', 'ja'])
      pages[lang] = readPage(await (await get(`/${lang}/putin-kim-pact`)).text())
  })
  const alternates = (lang: string) =>
    pages[lang]!.all('link[rel="alternate"][hreflang]').map((l) => [
      l.getAttribute('hreflang'),
      l.getAttribute('href'),
    ])

  it('lists every version, itself included, and x-default, the same on each page', () => {
    const expected = [
      ['en', `${ORIGIN}/en/putin-kim-pact`],
      ['ja', `${ORIGIN}/ja/putin-kim-pact`],
      ['ko', `${ORIGIN}/ko/putin-kim-pact`],
      ['x-default', `${ORIGIN}/putin-kim-pact`],
    ]
    for (const lang of ['ko', 'en', 'ja']) expect(alternates(lang)).toEqual(expected)
  })

  it('names the other locales for Open Graph', () => {
    expect(pages.ko!.meta('og:locale')).toBe('ko_KR')
    expect(pages.ko!.metas('og:locale:alternate')).toEqual(['en_US', 'ja_JP'])
    expect(pages.ja!.meta('og:locale')).toBe('ja_JP')
    expect(pages.ja!.metas('og:locale:alternate')).toEqual(['ko_KR', 'en_US'])
  })

  it('has a visible switcher that leads to the same article in the other language', async () => {
    // In the header, where every page has its language links.
    const links = pages.ko!.all('header.site nav.langs a')
    expect(links.map((a) => a.textContent)).toEqual(['English', '日本語'])
    expect(
      pages.ko!.document.querySelector('header.site nav.langs [aria-current="page"]')?.textContent,
    ).toBe('한국어')
    const href = links[0]!.getAttribute('href')!
    const res = await get(href)
    expect(res.headers.get('location')).toBe('/en/putin-kim-pact')
    // …and in the article's footer, with each version's own title.
    expect(pages.ko!.all('.versions a').map((a) => a.getAttribute('hreflang'))).toEqual([
      'en',
      'ja',
    ])
  })

  it('is listed in the JSON API', async () => {
    const json = await (
      await get('/api/articles/ko/putin-kim-pact')
    ).json<{
      translations: { lang: string; url: string }[]
      meta: { alternates: unknown[] }
    }>()
    expect(json.translations.map((t) => t.lang)).toEqual(['en', 'ja'])
    expect(json.translations[0]!.url).toBe(`${ORIGIN}/en/putin-kim-pact`)
    expect(json.meta.alternates).toHaveLength(4)
  })

  it('has no hreflang on an article without translations', async () => {
    const page = readPage(await (await get('/ko/seoul-heatwave')).text())
    expect(page.all('link[hreflang]')).toHaveLength(0)
    expect(page.all('.versions')).toHaveLength(0)
    // The header still offers the other languages: their home pages.
    expect(page.all('header.site nav.langs a').map((a) => a.getAttribute('href'))).toEqual([
      '/en/',
      '/ja/',
    ])
  })
})

describe('text in the page’s language', () => {
  it('dates and reading time read naturally in Korean', async () => {
    const page = readPage(await (await get('/ko/seoul-heatwave')).text())
    const byline = page.document.querySelector('.byline')?.textContent ?? ''
    expect(byline).toMatch(/2024년 6월 20일/)
    expect(byline).toMatch(/\d+분/)
  })

  it('and in Japanese and English', async () => {
    const ja =
      readPage(await (await get('/ja/tokyo-transit-guide')).text()).document.querySelector(
        '.byline',
      )?.textContent ?? ''
    expect(ja).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/)
    const en =
      readPage(await (await get('/en/edge-rendering-explained')).text()).document.querySelector(
        '.byline',
      )?.textContent ?? ''
    expect(en).toMatch(/May 2, 2024/)
    expect(en).toMatch(/\d+ min(ute)?s? read/)
  })

  it('marks an English article stored under /ko/ as English while the chrome stays Korean', async () => {
    await putKv(
      env.ARTICLES_KV,
      'ko/english-inside',
      '---\ntitle: An English piece\nlang: en\n---\n<p>Written in English for the Korean edition.</p>',
      'ko/english-inside.html',
    )
    const page = readPage(await (await get('/ko/english-inside')).text())
    expect(page.document.querySelector('article')?.getAttribute('lang')).toBe('en')
    expect(page.document.querySelector('.skip')?.getAttribute('lang')).toBe('ko')
    expect(page.document.querySelector('.skip')?.textContent).toBe('본문 바로가기')
  })
})
