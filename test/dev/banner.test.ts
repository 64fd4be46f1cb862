/** The development banner: shown under `npm start` (DEV_TOOLS) only, and never kept by a cache. */
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { recordFailure } from '../../src/dev/failures'
import { internalStore } from '../../src/source/internal'
import { kvDriver } from '../../src/source/kv'
import { CONTENT, putSiteWithIndexes } from '../helpers/content'
import { readPage } from '../helpers/html'
import { client } from '../helpers/request'

const ORIGIN = 'https://dev.example'
const dev = client(ORIGIN, { DEV_TOOLS: '1' })
const production = client(ORIGIN)
const failures = () => internalStore(kvDriver(env.ARTICLES_KV))

beforeAll(async () => {
  await putSiteWithIndexes(env.ARTICLES_KV, CONTENT)
  // What the watch loop leaves after a broken save of a served article, and of a new file.
  await recordFailure(failures(), 'ko/kimchi-recipe', {
    file: 'ko/kimchi-recipe.html',
    message: 'ko/kimchi-recipe.html:2:8: invalid YAML: the quote " opened here is never closed',
    previousServed: true,
  })
  await recordFailure(failures(), 'ko/broken-new', {
    file: 'ko/broken-new.md',
    message: 'ko/broken-new.md:3 → date: expected a date like 2024-06-19, got "2024-13-45"',
    previousServed: false,
  })
})

describe('the failed-save banner', () => {
  it('shows the error of the last save on the page, in the page’s language, uncached', async () => {
    const res = await dev.get('/ko/kimchi-recipe')
    expect(res.status).toBe(200)
    const alert = readPage(res.body).all('main [role="alert"]')[0]
    expect(alert?.textContent).toContain(
      'ko/kimchi-recipe.html의 마지막 저장은 게시되지 않았습니다',
    )
    expect(alert?.textContent).toContain('ko/kimchi-recipe.html:2:8: invalid YAML')
    expect(alert?.textContent).toContain('이전 버전이 계속 보입니다')
    expect(res.header('cache-control')).toBe('no-store')
    expect(res.header('etag')).toBeNull()
  })

  it('says a new file that failed is not served, on its 404', async () => {
    const res = await dev.get('/ko/broken-new')
    expect(res.status).toBe(404)
    const alert = readPage(res.body).all('[role="alert"]')[0]
    expect(alert?.textContent).toContain('2024-13-45')
    expect(alert?.textContent).toContain('아무것도 게시되지 않습니다')
    expect(res.header('cache-control')).toBe('no-store')
  })

  it('is never shown in production, even right after a development request filled the cache', async () => {
    await dev.get('/ko/kimchi-recipe')
    for (const path of ['/ko/kimchi-recipe', '/ko/broken-new']) {
      const res = await production.get(path)
      expect(res.body).not.toContain('role="alert"')
      expect(res.body).not.toContain('invalid YAML')
      expect(res.body).not.toContain('/preview/')
    }
  })

  it('links an article to its link-preview inspector during development only', async () => {
    const link = (body: string) =>
      readPage(body)
        .all('main a')
        .map((a) => a.getAttribute('href'))
        .filter((href) => href?.startsWith('/preview/'))
    expect(link((await dev.get('/en/putin-kim-pact')).body)).toEqual(['/preview/en/putin-kim-pact'])
    expect(link((await production.get('/en/putin-kim-pact')).body)).toEqual([])
    // Not on pages that are not articles.
    expect(link((await dev.get('/ko/')).body)).toEqual([])
  })
})

describe('what the development tools leave alone', () => {
  /** The headers the tools may change: the body is no longer the cached one. */
  const CHANGED = ['cache-control', 'cloudflare-cdn-cache-control', 'etag', 'last-modified']
  /** Different on every response anyway. */
  const PER_RESPONSE = ['x-request-id', 'server-timing', 'date', 'content-length']
  const kept = (res: Response) =>
    [...res.headers].filter(([name]) => ![...CHANGED, ...PER_RESPONSE].includes(name))

  it.each(['/ko/kimchi-recipe', '/ko/broken-new', '/en/putin-kim-pact'])(
    '%s: status, Content-Type with charset, CSP and every other header as in production',
    async (path) => {
      const [withTools, without] = [await dev.get(path), await production.get(path)]
      expect(withTools.body).not.toBe(without.body) // the tools did change this page
      expect(withTools.status).toBe(without.status)
      expect(withTools.header('content-type')).toBe('text/html; charset=UTF-8')
      expect(kept(withTools.res)).toEqual(kept(without.res))
    },
  )

  it('gives a HEAD the headers of the GET', async () => {
    const [get, head] = [
      await dev.get('/ko/kimchi-recipe'),
      await dev.call('/ko/kimchi-recipe', { method: 'HEAD' }),
    ]
    expect(kept(head.res)).toEqual(kept(get.res))
    for (const name of CHANGED) expect([name, head.header(name)]).toEqual([name, get.header(name)])
  })
})
