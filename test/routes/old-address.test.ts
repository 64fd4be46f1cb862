/**
 * An imported site's old links keep working (issue 24): each `redirect_from` path answers a 301 to
 * the article, and a `type: page` article is served at its address but kept out of listings, feeds
 * and search.
 */
import { env, exports } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { putSiteWithIndexes } from '../helpers/content'

const ORIGIN = 'https://old.example'
const get = (path: string) => exports.default.fetch(`${ORIGIN}${path}`, { redirect: 'manual' })

beforeAll(() =>
  putSiteWithIndexes(env.ARTICLES_KV, [
    {
      path: 'ko/푸틴-협정.html',
      key: 'ko/푸틴-협정',
      text: `---\ntitle: 푸틴 김정은 협정\ndate: 2024-06-19 10:30:00 +0900\nredirect_from:\n  - /2024/06/19/%ed%91%b8%ed%8b%b4-%ed%98%91%ec%a0%95/\n  - /?p=101\n---\n<p>두 정상이 협정에 서명했다. 상호지원 조항이 핵심이다.</p>\n`,
    },
    {
      path: 'ko/소개.html',
      key: 'ko/소개',
      text: `---\ntitle: 뉴스다오 소개\ntype: page\nredirect_from: /about-us/\n---\n<p>독립 언론 상호지원 조합입니다.</p>\n`,
    },
    {
      path: 'ko/초안.html',
      key: 'ko/초안',
      text: `---\ntitle: 초안\npublished: false\nredirect_from: /2024/01/01/draft/\n---\n<p>아직</p>\n`,
    },
  ]),
)

describe('old addresses of imported articles', () => {
  it('answer a permanent redirect to the article, percent-encoded or not, with or without the slash', async () => {
    for (const path of [
      '/2024/06/19/%ed%91%b8%ed%8b%b4-%ed%98%91%ec%a0%95/',
      '/2024/06/19/푸틴-협정',
      '/?p=101',
    ]) {
      const res = await get(path)
      expect(res.status, path).toBe(301)
      expect(decodeURIComponent(res.headers.get('Location')!)).toBe('/ko/푸틴-협정')
    }
  })

  it('a page answers its old address too; a draft does not, and unknown paths stay 404', async () => {
    const page = await get('/about-us/')
    expect(page.status).toBe(301)
    expect(decodeURIComponent(page.headers.get('Location')!)).toBe('/ko/소개')
    expect((await get('/2024/01/01/draft/')).status).toBe(404)
    expect((await get('/2024/01/01/nothing/')).status).toBe(404)
    expect((await get('/?p=999')).status).not.toBe(301)
  })
})

describe('a page (type: page)', () => {
  it('is served at its address but not listed, fed or found by search', async () => {
    const page = await get(`/ko/${encodeURIComponent('소개')}`)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('뉴스다오 소개')
    const home = await (await get('/ko/')).text()
    expect(home).toContain('푸틴 김정은 협정')
    expect(home).not.toContain('뉴스다오 소개')
    expect(await (await get('/ko/feed.xml')).text()).not.toContain('뉴스다오 소개')
    const search = await (await get(`/ko/search?q=${encodeURIComponent('상호지원')}`)).text()
    expect(search).toContain('푸틴 김정은 협정')
    expect(search).not.toContain('뉴스다오 소개')
  })

  it('is in the sitemap with the articles, where old addresses never are', async () => {
    const xml = await (await get('/sitemap.xml')).text()
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => decodeURIComponent(m[1]!))
    expect(locs).toContain(`${ORIGIN}/ko/소개`)
    expect(locs).toContain(`${ORIGIN}/ko/푸틴-협정`)
    expect(locs.filter((loc) => loc.includes('/2024/') || loc.includes('?p='))).toEqual([])
  })
})
