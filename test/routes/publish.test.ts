/**
 * The publishing API as a newsroom's tools use it. Every test works on slugs of its own, so each one
 * passes alone and in any order.
 */
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { clientKey } from '../../src/routes/admin-auth'
import { sha256Hex } from '../../src/source/store'
import { CONTENT, putSiteWithIndexes } from '../helpers/content'
import { readPage } from '../helpers/html'
import { client } from '../helpers/request'

const ORIGIN = 'https://publish.example'
const TOKEN = 'publisher-secret-0123456789'
const auth = { authorization: `Bearer ${TOKEN}` }
const api = client(ORIGIN, { ADMIN_TOKEN: TOKEN })

const put = (
  path: string,
  body: string,
  headers: Record<string, string> = {},
  bindings: Partial<Env> = {},
) =>
  api.call(
    `/admin/articles/${path}`,
    { method: 'PUT', body, headers: { ...auth, ...headers } },
    bindings,
  )
const remove = (path: string, bindings: Partial<Env> = {}) =>
  api.call(`/admin/articles/${path}`, { method: 'DELETE', headers: auth }, bindings)
const homeTitles = async (lang: string) =>
  readPage((await api.get(`/${lang}/`)).body)
    .all('.front-latest :is(h2, h3) a')
    .map((a) => a.textContent)
const source = (title: string, extra = '') =>
  `---\ntitle: ${title}\ndate: 2026-02-01\n${extra}---\n<p>${title} 본문</p>`

/**
 * The D1 binding with every write to the article index (`articles`) failing, as an outage or a
 * full database would: such statements reject when run, and a batch holding one rejects whole (D1
 * batches are transactions). Reads, and writes to other tables, reach the real database.
 */
function failingIndexWrites(db: D1Database): D1Database {
  const doomed = new WeakSet<object>()
  const fail = () => Promise.reject(new Error('D1_ERROR: the article index could not be written'))
  const doom = (statement: D1PreparedStatement): D1PreparedStatement => {
    const proxy = new Proxy(statement, {
      get: (target, prop) => {
        if (prop === 'bind') return (...values: unknown[]) => doom(target.bind(...values))
        if (prop === 'run' || prop === 'all' || prop === 'first' || prop === 'raw') return fail
        const value = Reflect.get(target, prop) as unknown
        return typeof value === 'function' ? (value as () => unknown).bind(target) : value
      },
    })
    doomed.add(proxy)
    return proxy
  }
  const wrap = <T extends Pick<D1Database, 'prepare' | 'batch'>>(target: T): T =>
    new Proxy(target, {
      get: (t, prop) => {
        if (prop === 'prepare')
          return (sql: string) => {
            const statement = t.prepare(sql)
            return /^\s*(insert|update|delete)\b[^;]*\barticles\b/i.test(sql)
              ? doom(statement)
              : statement
          }
        if (prop === 'batch')
          return (statements: D1PreparedStatement[]) =>
            statements.some((s) => doomed.has(s)) ? fail() : t.batch(statements)
        if (prop === 'withSession')
          return (...args: unknown[]) =>
            wrap((t as unknown as D1Database).withSession(...(args as [string])))
        const value = Reflect.get(t, prop) as unknown
        return typeof value === 'function' ? (value as () => unknown).bind(t) : value
      },
    })
  return wrap(db)
}

beforeAll(() => putSiteWithIndexes(env.ARTICLES_KV, CONTENT))

describe('the publishing API', () => {
  it('does not exist without ADMIN_TOKEN', async () => {
    expect(
      (await api.call('/admin/articles', { headers: auth }, { ADMIN_TOKEN: undefined })).status,
    ).toBe(404)
  })

  it('refuses a wrong token with 401 and WWW-Authenticate, and a client that keeps guessing with 429', async () => {
    const guess = () =>
      api.call('/admin/articles', {
        headers: { authorization: 'Bearer guess', 'cf-connecting-ip': '203.0.113.9' },
      })
    const first = await guess()
    expect(first.status).toBe(401)
    expect(first.header('www-authenticate')).toMatch(/^Bearer/)
    const statuses = [first.status]
    for (let i = 0; i < 7; i++) statuses.push((await guess()).status)
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401])
    expect(statuses.slice(5)).toEqual([429, 429, 429])
    const limited = await guess()
    expect(limited.header('retry-after')).toBe('60')
    expect(limited.json<{ error: { code: string } }>().error.code).toBe('TOO_MANY_ATTEMPTS')
    // Another client is not punished for it.
    expect(
      (
        await api.call('/admin/articles', {
          headers: { ...auth, 'cf-connecting-ip': '198.51.100.7' },
        })
      ).status,
    ).toBe(200)
  })

  it('counts failed logins per IPv6 /64, so rotating addresses inside one network does not help', async () => {
    const statuses: number[] = []
    for (let i = 1; i <= 7; i++) {
      const ip = `2001:db8:abcd:12::${i.toString(16)}:${(i * 7919).toString(16)}`
      statuses.push(
        (
          await api.call('/admin/articles', {
            headers: { authorization: 'Bearer guess', 'cf-connecting-ip': ip },
          })
        ).status,
      )
    }
    expect(statuses.slice(5)).toEqual([429, 429])
    expect(clientKey('2001:db8:abcd:12:1:2:3:4')).toBe(clientKey('2001:0db8:abcd:0012::ffff'))
    expect(clientKey('2001:db8:abcd:12::1')).not.toBe(clientKey('2001:db8:abcd:13::1'))
    expect(clientKey('203.0.113.9')).toBe('203.0.113.9')
  })

  it('creates an article that is live at once: page, listing and JSON', async () => {
    const res = await put(
      'ko/new-story',
      '---\ntitle: 새 기사\ndate: 2026-02-01\ncategories: [뉴스]\n---\n<p>방금 올린 기사입니다.</p>',
    )
    expect(res.status).toBe(201)
    const body = res.json<{
      key: string
      current: string
      previous?: string
      indexes: string[]
      url: string
    }>()
    expect(body).toMatchObject({
      key: 'ko/new-story',
      indexes: ['ko'],
      url: `${ORIGIN}/ko/new-story`,
    })
    expect(body.current).toMatch(/^[0-9a-f]{64}$/)
    expect(body.previous).toBeUndefined()
    const page = await api.get('/ko/new-story')
    expect(page.status).toBe(200)
    expect(page.body).toContain('<h1>새 기사</h1>')
    expect(await homeTitles('ko')).toContain('새 기사')
  })

  it('puts a new story on its section’s page at once, whichever spelling of the section it uses', async () => {
    const sectionTitles = async () =>
      readPage((await api.get('/ko/category/news')).body)
        .all('.card h2 a')
        .map((a) => a.textContent)
    expect(await sectionTitles()).not.toContain('속보 한 줄') // now cached
    expect(
      (await put('ko/breaking-line', source('속보 한 줄', 'categories: [뉴스]\n'))).status,
    ).toBe(201)
    expect(await sectionTitles()).toContain('속보 한 줄')
    expect(
      (await put('ko/breaking-line-2', source('속보 두 줄', 'categories: [NEWS]\n'))).status,
    ).toBe(201)
    expect(await sectionTitles()).toContain('속보 두 줄')
  })

  it('replaces a version so readers see the new one at once, never a mix, and reports both versions', async () => {
    await put('ko/changing', '---\ntitle: 첫 판\ndate: 2026-01-15\n---\n<p>첫 번째 본문</p>')
    expect((await api.get('/ko/changing')).header('x-cache')).toBe('MISS')
    expect((await api.get('/ko/changing')).header('x-cache')).toBe('HIT')
    const res = await put(
      'ko/changing',
      '---\ntitle: 둘째 판\ndate: 2026-01-15\n---\n<p>두 번째 본문</p>',
    )
    expect(res.status).toBe(200)
    const change = res.json<{ previous: string; current: string }>()
    expect(change.previous).toMatch(/^[0-9a-f]{64}$/)
    expect(change.previous).not.toBe(change.current)
    const html = (await api.get('/ko/changing')).body
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
    const article = (await api.get('/api/articles/en/md-story')).json<{
      datePublished: string
      html: string
    }>()
    expect(article.datePublished).toMatch(/^2024-02-03T/)
    expect(article.html).toContain('<em>emphasis</em>')
  })

  it('refuses an invalid source with the same error as content:push, and keeps the old version', async () => {
    await put('ko/kept', source('원래 판'))
    const res = await put(
      'ko/kept',
      '---\ntitle: 셋째 판\nimage:\n  url: https://img.example/a.jpg\n  width: wide\n---\n<p>x</p>',
    )
    expect(res.status).toBe(422)
    const { error } = res.json<{
      error: {
        code: string
        message: string
        hint: string
        location: { file: string; key: string; line: number }
      }
    }>()
    expect(error.code).toBe('SOURCE_REJECTED')
    expect(error.location).toEqual({ file: 'ko/kept.html', key: 'image.width', line: 5 })
    expect(error.message).toMatch(
      /ko\/kept\.html:5 → image\.width: expected a whole number of pixels/,
    )
    expect(error.hint).toMatch(/previous version is still served/)
    expect((await api.get('/ko/kept')).body).toContain('<h1>원래 판</h1>')
  })

  it('refuses a body over MAX_SOURCE_BYTES, by its Content-Length or as it streams in without one', async () => {
    const small = { MAX_SOURCE_BYTES: '1000' }
    const big = `---\ntitle: Big\n---\n${'x'.repeat(2000)}`
    const declared = await put('en/big', big, {}, small)
    expect(declared.status).toBe(413)
    expect(declared.json<{ error: { code: string } }>().error.code).toBe('SOURCE_TOO_LARGE')
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big))
        controller.close()
      },
    })
    const streamed = await api.call(
      '/admin/articles/en/big-stream',
      { method: 'PUT', body: stream, headers: auth, duplex: 'half' } as RequestInit,
      small,
    )
    expect(streamed.status).toBe(413)
    expect((await api.get('/en/big')).status).toBe(404)
    expect((await api.get('/en/big-stream')).status).toBe(404)
  })

  it('keeps every article when updates arrive at the same time', async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        put(
          `en/parallel-${i}`,
          `---\ntitle: Parallel ${i}\ndate: 2026-04-0${i + 1}\n---\nBody ${i}.`,
        ),
      ),
    )
    expect(results.map((r) => r.status)).toEqual(Array(8).fill(201))
    const titles = await homeTitles('en')
    for (let i = 0; i < 8; i++) expect(titles).toContain(`Parallel ${i}`)
  })

  it('adds a translation that the other language lists at once', async () => {
    await put('ko/twin', source('한국어 판'))
    await put('ja/twin', '---\ntitle: 日本語版\n---\n<p>本文</p>')
    const page = readPage((await api.get('/ko/twin')).body)
    expect(page.all('link[hreflang]').map((l) => l.getAttribute('hreflang'))).toEqual([
      'ja',
      'ko',
      'x-default',
    ])
  })

  it('deletes an article: gone from its page, the listing and the index', async () => {
    await put('ko/short-lived', '---\ntitle: 곧 사라질 기사\ndate: 2026-03-01\n---\n<p>x</p>')
    expect((await api.get('/ko/short-lived')).status).toBe(200)
    const res = await remove('ko/short-lived')
    expect(res.status).toBe(200)
    expect(res.json<{ previous: string }>().previous).toMatch(/^[0-9a-f]{64}$/)
    expect((await api.get('/ko/short-lived')).status).toBe(404)
    expect(await homeTitles('ko')).not.toContain('곧 사라질 기사')
    expect((await remove('ko/short-lived')).status).toBe(404)
  })

  it('deletes an article from every configured store, so a copy in R2 is not served on', async () => {
    await put('en/takedown', source('Takedown'))
    await env.ARTICLES_R2.put('en/takedown', source('Takedown (R2 copy)'))
    const res = await remove('en/takedown')
    expect(res.status).toBe(200)
    expect(await env.ARTICLES_KV.get('en/takedown')).toBeNull()
    expect(await env.ARTICLES_R2.head('en/takedown')).toBeNull()
    expect((await api.get('/en/takedown')).status).toBe(404)
  })

  it('says exactly which store it could not clear, and keeps the listing until it can', async () => {
    await put('en/stuck', source('Stuck'))
    await env.ARTICLES_R2.put('en/stuck', source('Stuck (R2 copy)'))
    // Only deletes fail: reads work (methods keep their binding as `this`).
    const brokenR2 = new Proxy(env.ARTICLES_R2, {
      get: (target, prop) => {
        if (prop === 'delete') return () => Promise.reject(new Error('R2 is down'))
        const value = Reflect.get(target, prop) as unknown
        return typeof value === 'function' ? (value as () => unknown).bind(target) : value
      },
    })
    const res = await remove('en/stuck', { ARTICLES_R2: brokenR2 })
    expect(res.status).toBe(503)
    const { error } = res.json<{ error: { code: string; message: string } }>()
    expect(error.code).toBe('STORAGE_UNAVAILABLE')
    // Which store kept it, which let go, and what to do: the publisher's next step.
    expect(error.message).toContain(
      'en/stuck could not be removed from r2 (it was removed from kv)',
    )
    expect(error.message).toContain('Try again')
    expect(await homeTitles('en')).toContain('Stuck')
    expect((await remove('en/stuck')).status).toBe(200) // and a retry finishes the job
    expect(await env.ARTICLES_R2.head('en/stuck')).toBeNull()
  })

  it('can replace or delete a source whose stored bytes no longer match their hash', async () => {
    const damaged = async (key: string) =>
      env.ARTICLES_KV.put(key, '---\ntitle: Cut sh', {
        metadata: {
          fileName: `${key}.html`,
          format: 'html',
          sha256: await sha256Hex(new TextEncoder().encode('something else')),
        },
      })
    await damaged('en/damaged-a')
    await damaged('en/damaged-b')
    expect((await api.get('/en/damaged-a')).status).toBe(503)
    const replaced = await put('en/damaged-a', source('Repaired'))
    expect(replaced.status).toBe(200)
    expect((await api.get('/en/damaged-a')).body).toContain('<h1>Repaired</h1>')
    expect((await remove('en/damaged-b')).status).toBe(200)
    expect(await env.ARTICLES_KV.get('en/damaged-b')).toBeNull()
  })

  it('changes both the source and the listing, or neither: a failed index update leaves the previous version served', async () => {
    expect((await put('ko/atomic', source('먼저 판'))).status).toBe(201)
    const brokenIndex = { ARTICLES_DB: failingIndexWrites(env.ARTICLES_DB) }
    const failed = await put('ko/atomic', source('나중 판'), {}, brokenIndex)
    expect(failed.status).toBe(503)
    const { error } = failed.json<{ error: { code: string; message: string } }>()
    expect(error.code).toBe('STORAGE_UNAVAILABLE')
    expect(error.message).toContain('the article index could not be updated, so ko/atomic was left')
    // The source in KV is the previous one again: its page, its JSON and the listing agree.
    const json = await api.get('/api/articles/ko/atomic')
    expect(json.json<{ title: string }>().title).toBe('먼저 판')
    expect(readPage((await api.get('/ko/atomic')).body).all('h1')[0]?.textContent).toBe('먼저 판')
    const listed = await homeTitles('ko')
    expect(listed).toContain('먼저 판')
    expect(listed).not.toContain('나중 판')
    // A new article whose index row cannot be written is not published at all.
    const fresh = await put('ko/atomic-new', source('새로 쓴 판'), {}, brokenIndex)
    expect(fresh.status).toBe(503)
    expect(await env.ARTICLES_KV.get('ko/atomic-new')).toBeNull()
    expect((await api.get('/ko/atomic-new')).status).toBe(404)
    expect(await homeTitles('ko')).not.toContain('새로 쓴 판')
  })

  it('lists sources with their versions, never the site’s own data', async () => {
    await put('ja/listed', '---\ntitle: 一覧\n---\n<p>x</p>')
    type Page = {
      articles: { key: string; version: string; fileName: string; format: string }[]
      cursor?: string
    }
    const articles: Page['articles'] = []
    let cursor: string | undefined = ''
    do {
      const page: Page = (
        await api.call(`/admin/articles${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`, {
          headers: auth,
        })
      ).json<Page>()
      articles.push(...page.articles)
      cursor = page.cursor
    } while (cursor)
    const listed = articles.find((a) => a.key === 'ja/listed')
    expect(listed).toMatchObject({ fileName: 'ja/listed.html', format: 'html' })
    expect(listed!.version).toMatch(/^[0-9a-f]{64}$/)
    expect(articles.every((a) => /^(ko|en|ja)\/[^/]+$/.test(a.key))).toBe(true)
  })

  it('refuses bad addresses, empty bodies and file names that do not belong to the article', async () => {
    // A language the site does not serve is a 404, on the publishing API as on every route.
    expect((await put('xx/story', '---\ntitle: x\n---\n')).status).toBe(404)
    expect((await put('ko/a%2Fb', '---\ntitle: x\n---\n')).status).toBe(400)
    expect((await put('ko/empty', '')).status).toBe(422)
    for (const file of [
      '../../etc/passwd.md',
      'ko/sub/dir/story.md',
      'ko/other-article.md',
      'en/story.md',
      'ko/story.txt',
    ]) {
      const res = await put(`ko/story?file=${encodeURIComponent(file)}`, '---\ntitle: x\n---\n')
      expect(res.status, file).toBe(422)
      expect(res.json<{ error: { code: string } }>().error.code).toBe('REQUEST_INVALID')
    }
    expect(
      (
        await put(
          `ko/story?file=${encodeURIComponent('ko/2024-06-19-story.md')}`,
          '---\ntitle: x\n---\n',
        )
      ).status,
    ).toBe(201)
  })
})
