import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import app from '../../src'
import { CONTENT, putSiteWithIndexes } from '../helpers/content'
import { readPage } from '../helpers/html'

const ORIGIN = 'https://publish.example'
const TOKEN = 'publisher-secret-0123456789'
const auth = { authorization: `Bearer ${TOKEN}` }

async function call(
  path: string,
  init: RequestInit = {},
  bindings: Partial<Env> = { ADMIN_TOKEN: TOKEN },
) {
  const ctx = createExecutionContext()
  const res = await app.fetch(new Request(`${ORIGIN}${path}`, init), { ...env, ...bindings }, ctx)
  await waitOnExecutionContext(ctx)
  return res
}
const put = (path: string, body: string, headers: Record<string, string> = {}) =>
  call(`/admin/articles/${path}`, { method: 'PUT', body, headers: { ...auth, ...headers } })
const json = async <T = Record<string, unknown>>(res: Response) => (await res.json()) as T
const homeTitles = async (lang: string) =>
  readPage(await (await call(`/${lang}/`)).text())
    .all('.card h2 a')
    .map((a) => a.textContent)

beforeAll(() => putSiteWithIndexes(env.ARTICLES_KV, CONTENT))

describe('the publishing API', () => {
  it('does not exist without ADMIN_TOKEN', async () => {
    expect(
      (await call('/admin/articles', { headers: auth }, { ADMIN_TOKEN: undefined })).status,
    ).toBe(404)
  })

  it('refuses a wrong token with 401, and a client that keeps guessing with 429', async () => {
    const guess = () =>
      call('/admin/articles', {
        headers: { authorization: 'Bearer guess', 'cf-connecting-ip': '203.0.113.9' },
      })
    const statuses: number[] = []
    for (let i = 0; i < 8; i++) statuses.push((await guess()).status)
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401])
    expect(statuses.slice(5)).toEqual([429, 429, 429])
    const limited = await guess()
    expect(limited.headers.get('retry-after')).toBe('60')
    expect((await json<{ error: { code: string } }>(limited)).error.code).toBe('TOO_MANY_ATTEMPTS')
    // Another client is not punished for it.
    expect(
      (await call('/admin/articles', { headers: { ...auth, 'cf-connecting-ip': '198.51.100.7' } }))
        .status,
    ).toBe(200)
  })

  it('creates an article that is live at once: page, listing and JSON', async () => {
    const res = await put(
      'ko/new-story',
      '---\ntitle: 새 기사\ndate: 2030-01-01\ncategories: [뉴스]\n---\n<p>방금 올린 기사입니다.</p>',
    )
    expect(res.status).toBe(201)
    const body = await json<{
      key: string
      current: string
      previous?: string
      indexes: string[]
      url: string
    }>(res)
    expect(body).toMatchObject({
      key: 'ko/new-story',
      indexes: ['ko'],
      url: `${ORIGIN}/ko/new-story`,
    })
    expect(body.current).toMatch(/^[0-9a-f]{64}$/)
    expect(body.previous).toBeUndefined()
    const page = await call('/ko/new-story')
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('<h1>새 기사</h1>')
    expect((await homeTitles('ko'))[0]).toBe('새 기사')
  })

  it('replaces a version so readers see the new one at once, never a mix, and reports both versions', async () => {
    await put('ko/changing', '---\ntitle: 첫 판\ndate: 2029-01-01\n---\n<p>첫 번째 본문</p>')
    expect((await call('/ko/changing')).headers.get('x-cache')).toBe('MISS')
    expect((await call('/ko/changing')).headers.get('x-cache')).toBe('HIT')
    const res = await put(
      'ko/changing',
      '---\ntitle: 둘째 판\ndate: 2029-01-01\n---\n<p>두 번째 본문</p>',
    )
    expect(res.status).toBe(200)
    const change = await json<{ previous: string; current: string }>(res)
    expect(change.previous).toMatch(/^[0-9a-f]{64}$/)
    expect(change.previous).not.toBe(change.current)
    const html = await (await call('/ko/changing')).text()
    expect(html).toContain('<h1>둘째 판</h1>')
    expect(html).toContain('두 번째 본문')
    expect(html).not.toMatch(/첫 판|첫 번째/)
    expect(await homeTitles('ko')).toContain('둘째 판')
    expect(await homeTitles('ko')).not.toContain('첫 판')
  })

  it('accepts Markdown and a Jekyll file name', async () => {
    const res = await put(
      'en/md-story?file=en/2024-02-03-md-story.md',
      '---\ntitle: Markdown via API\n---\n# Heading\n\nSome *emphasis*.',
    )
    expect(res.status).toBe(201)
    const article = await json<{ datePublished: string; html: string }>(
      await call('/api/articles/en/md-story'),
    )
    expect(article.datePublished).toMatch(/^2024-02-03T/)
    expect(article.html).toContain('<em>emphasis</em>')
  })

  it('refuses an invalid source with the same error as content:push, and keeps the old version', async () => {
    const res = await put(
      'ko/changing',
      '---\ntitle: 셋째 판\nimage:\n  url: https://img.example/a.jpg\n  width: wide\n---\n<p>x</p>',
    )
    expect(res.status).toBe(422)
    const { error } = await json<{
      error: {
        code: string
        message: string
        location: { file: string; key: string; line: number }
      }
    }>(res)
    expect(error.code).toBe('SOURCE_REJECTED')
    expect(error.location).toEqual({ file: 'ko/changing.html', key: 'image.width', line: 5 })
    expect(error.message).toMatch(
      /ko\/changing\.html:5 → image\.width: expected a whole number of pixels/,
    )
    expect(await (await call('/ko/changing')).text()).toContain('<h1>둘째 판</h1>')
  })

  it('refuses a body over MAX_SOURCE_BYTES, by its Content-Length or its size', async () => {
    const small = { ...env, ADMIN_TOKEN: TOKEN, MAX_SOURCE_BYTES: '1000' }
    const big = `---\ntitle: Big\n---\n${'x'.repeat(2000)}`
    const res = await call(
      '/admin/articles/en/big',
      { method: 'PUT', body: big, headers: auth },
      small,
    )
    expect(res.status).toBe(413)
    expect((await json<{ error: { code: string } }>(res)).error.code).toBe('SOURCE_TOO_LARGE')
    expect((await call('/en/big')).status).toBe(404)
  })

  it('keeps every article when updates arrive at the same time', async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        put(
          `en/parallel-${i}`,
          `---\ntitle: Parallel ${i}\ndate: 2031-01-0${i + 1}\n---\nBody ${i}.`,
        ),
      ),
    )
    expect(results.map((r) => r.status)).toEqual(Array(8).fill(201))
    const titles = await homeTitles('en')
    for (let i = 0; i < 8; i++) expect(titles).toContain(`Parallel ${i}`)
  })

  it('adds a translation that the other language lists at once', async () => {
    await put('ja/seoul-heatwave', '---\ntitle: ソウルで初の猛暑注意報\n---\n<p>本文</p>')
    const page = readPage(await (await call('/ko/seoul-heatwave')).text())
    expect(page.all('link[hreflang]').map((l) => l.getAttribute('hreflang'))).toEqual([
      'ja',
      'ko',
      'x-default',
    ])
  })

  it('deletes an article: gone from its page, the listing and the index', async () => {
    await put('ko/short-lived', '---\ntitle: 곧 사라질 기사\ndate: 2032-01-01\n---\n<p>x</p>')
    expect((await call('/ko/short-lived')).status).toBe(200)
    const res = await call('/admin/articles/ko/short-lived', { method: 'DELETE', headers: auth })
    expect(res.status).toBe(200)
    expect((await json<{ previous: string }>(res)).previous).toMatch(/^[0-9a-f]{64}$/)
    expect((await call('/ko/short-lived')).status).toBe(404)
    expect(await homeTitles('ko')).not.toContain('곧 사라질 기사')
    expect(
      (await call('/admin/articles/ko/short-lived', { method: 'DELETE', headers: auth })).status,
    ).toBe(404)
  })

  it('lists sources with their versions', async () => {
    const { articles } = await json<{
      articles: {
        key: string
        version: string
        fileName: string
        format: string
        uploaded: string
      }[]
    }>(await call('/admin/articles', { headers: auth }))
    const story = articles.find((a) => a.key === 'ko/new-story')
    expect(story).toMatchObject({ fileName: 'ko/new-story.html', format: 'html' })
    expect(story!.version).toMatch(/^[0-9a-f]{64}$/)
    expect(articles.some((a) => a.key.startsWith('_index'))).toBe(false)
  })

  it('refuses bad addresses and empty bodies', async () => {
    // A language the site does not serve is a 404, on the publishing API as on every route.
    expect((await put('xx/story', '---\ntitle: x\n---\n')).status).toBe(404)
    expect((await put('ko/a%2Fb', '---\ntitle: x\n---\n')).status).toBe(400)
    expect((await put('ko/empty', '')).status).toBe(422)
    expect((await put('ko/evil?file=../../etc/passwd.md', '---\ntitle: x\n---\n')).status).toBe(422)
  })
})
