/**
 * IndexNow and WebSub: every publish, update, unpublish and scheduled go-live is announced by the
 * every-minute cron (never in the request), to local stand-in endpoints; refusals are retried.
 */
import {
  createExecutionContext,
  createScheduledController,
  waitOnExecutionContext,
} from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { scheduled } from '../../src/scheduled'
import { client } from '../helpers/request'

const TOKEN = 'notify-secret-0123456789'
const auth = { authorization: `Bearer ${TOKEN}` }
const SETTINGS = {
  ADMIN_TOKEN: TOKEN,
  BASE_URL: 'https://news.example',
  INDEXNOW_KEY: 'a1b2c3d4e5f60718',
  INDEXNOW_ENDPOINTS: 'https://indexnow.test/indexnow https://naver.test/indexnow',
  WEBSUB_HUB: 'https://hub.test/',
}
const site = client('https://news.example', SETTINGS)

interface Received {
  endpoint: string
  body: string
}
/** The stand-in endpoints: what they were sent, and how they answer (200 unless told). */
let received: Received[] = []
let answer: (endpoint: string) => number = () => 200
beforeEach(() => {
  received = []
  answer = () => 200
  vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) => {
    const endpoint = String(input instanceof Request ? input.url : input)
    if (!/^https:\/\/(indexnow|naver|hub)\.test\//.test(endpoint))
      throw new Error(`no network in tests: ${endpoint}`)
    received.push({ endpoint, body: init?.body as string })
    return Promise.resolve(new Response(null, { status: answer(endpoint) }))
  })
})
afterEach(() => vi.unstubAllGlobals())

const put = async (path: string, body: string) => {
  const res = await site.call(`/admin/articles/${path}`, {
    method: 'PUT',
    body,
    headers: { ...auth, 'content-type': 'text/markdown' },
  })
  expect(res.status, res.body).toBeLessThan(300)
}
const remove = (path: string) =>
  site.call(`/admin/articles/${path}`, { method: 'DELETE', headers: auth })

async function cronAt(at: number) {
  const ctx = createExecutionContext()
  // The cron's handler itself (the deployed one reaches it through the Site entrypoint).
  await scheduled(
    createScheduledController({ cron: '* * * * *', scheduledTime: at }),
    { ...env, ...SETTINGS },
    ctx,
  )
  await waitOnExecutionContext(ctx)
}

/** What IndexNow endpoints got: endpoint → the URL lists of its requests. */
const indexNow = () =>
  received
    .filter((r) => !r.endpoint.startsWith('https://hub.test'))
    .map((r) => {
      const body = JSON.parse(r.body) as {
        host: string
        key: string
        keyLocation: string
        urlList: string[]
      }
      expect(body.host).toBe('news.example')
      expect(body.key).toBe(SETTINGS.INDEXNOW_KEY)
      expect(body.keyLocation).toBe(`https://news.example/${SETTINGS.INDEXNOW_KEY}.txt`)
      return [r.endpoint, body.urlList.sort()]
    })
const hubPings = () =>
  received
    .filter((r) => r.endpoint === 'https://hub.test/')
    .map((r) => Object.fromEntries(new URLSearchParams(r.body)))

const md = (title: string, front = 'date: 2024-05-01 10:00:00 +0900\ncategories: [World]') =>
  `---\ntitle: ${title}\n${front}\n---\n\n${title}.\n`

describe('IndexNow and WebSub', () => {
  it('serve the key file at /<key>.txt, and nothing at another key', async () => {
    const file = await site.get(`/${SETTINGS.INDEXNOW_KEY}.txt`)
    expect(file.status).toBe(200)
    expect(file.body).toBe(SETTINGS.INDEXNOW_KEY)
    expect((await site.get('/0000000000000000.txt')).status).toBe(404)
  })

  it('advertise the WebSub hub in every feed', async () => {
    expect((await site.get('/ko/feed.xml')).body).toContain(
      '<link rel="hub" href="https://hub.test/"/>',
    )
  })

  it('send exactly the changed article and its translations, from the cron and not the publish', async () => {
    await put('en/pact', md('Pact'))
    await put('ko/pact', md('협정'))
    expect(received).toEqual([]) // nothing in the publisher's request
    await cronAt(Date.now())
    const both = ['https://news.example/en/pact', 'https://news.example/ko/pact']
    expect(indexNow()).toEqual([
      ['https://indexnow.test/indexnow', both],
      ['https://naver.test/indexnow', both],
    ])
    expect(hubPings()).toEqual(
      expect.arrayContaining([
        { 'hub.mode': 'publish', 'hub.url': 'https://news.example/en/feed.xml' },
        { 'hub.mode': 'publish', 'hub.url': 'https://news.example/ko/feed.xml' },
        { 'hub.mode': 'publish', 'hub.url': 'https://news.example/ko/category/world/feed.xml' },
      ]),
    )
    // Sent once: the next minute has nothing to send.
    received = []
    await cronAt(Date.now() + 60_000)
    expect(received).toEqual([])

    // An update of one language, then an unpublish: that page and its translation each time.
    await put('ko/pact', md('협정, 수정'))
    await cronAt(Date.now())
    expect(indexNow()[0]).toEqual(['https://indexnow.test/indexnow', both])
    received = []
    expect((await remove('en/pact')).status).toBe(200)
    await cronAt(Date.now())
    expect(indexNow()[0]).toEqual(['https://indexnow.test/indexnow', both])
  })

  it('say nothing of a scheduled article until it goes live, then send it', async () => {
    const at = Math.ceil((Date.now() + 3_600_000) / 1000) * 1000
    await put('ja/later', md('後で', `date: ${new Date(at).toISOString()}`))
    await cronAt(Date.now())
    expect(received).toEqual([])
    await cronAt(at + 20_000)
    expect(indexNow()).toEqual([
      ['https://indexnow.test/indexnow', ['https://news.example/ja/later']],
      ['https://naver.test/indexnow', ['https://news.example/ja/later']],
    ])
  })

  it('log a refusal and retry it with backoff, per endpoint', async () => {
    answer = (endpoint) => (endpoint.startsWith('https://naver.test') ? 429 : 200)
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    await put('en/refused', md('Refused'))
    const start = Date.now()
    await cronAt(start)
    expect(indexNow().map(([endpoint]) => endpoint)).toEqual([
      'https://indexnow.test/indexnow',
      'https://naver.test/indexnow',
    ])
    expect(warn.mock.calls.map((c) => String(c[0])).join('\n')).toMatch(
      /"event":"notify-refused".*naver\.test.*"429/,
    )
    answer = () => 200
    received = []
    await cronAt(start + 30_000) // still backing off
    expect(received).toEqual([])
    await cronAt(start + 61_000)
    expect(indexNow()).toEqual([
      ['https://naver.test/indexnow', ['https://news.example/en/refused']],
    ])
    warn.mockRestore()
  })
})
