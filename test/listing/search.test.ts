import { beforeAll, describe, expect, it } from 'vitest'
import { env } from 'cloudflare:workers'
import { indexDb } from '../../src/listing/db'
import { BEST_WINDOW, MAX_SEARCH_PAGE, search } from '../../src/listing/search'
import { searchQuery, searchText } from '../../src/listing/search-text'
import { publishSource } from '../helpers/content'
import { readPage } from '../helpers/html'
import { client } from '../helpers/request'

const site = client('https://search.example')
const titles = async (path: string) =>
  readPage((await site.get(path)).body)
    .all('.card h2 a')
    .map((a) => a.textContent)
const api = async (query: string, extra = '') =>
  (await site.get(`/api/search?lang=ko&q=${encodeURIComponent(query)}${extra}`)).json<{
    results: { slug: string; title: string }[]
    more: boolean
  }>()

describe('text as the index stores it', () => {
  it('cuts Korean and Japanese runs into overlapping pairs, and leaves other words whole', () => {
    expect(searchText('협정에 동의')).toBe('협정 정에 동의')
    expect(searchText('東京都の電車')).toBe('東京 京都 都の の電 電車')
    expect(searchText('Edge rendering, 2024!')).toBe('edge rendering 2024')
    expect(searchText('북·러')).toBe('북 러')
  })

  it('turns whatever a reader types into quoted phrases, never FTS syntax', () => {
    expect(searchQuery('협정', 'ko')).toBe('lang : "langko" AND "협정"')
    expect(searchQuery('푸틴 협정에', 'ko')).toBe('lang : "langko" AND "푸틴" AND "협정 정에"')
    expect(searchQuery('북', 'ko')).toBe('lang : "langko" AND "북"*')
    expect(searchQuery('" OR title:x NEAR(a b) * -c AND', 'en')).toBe(
      'lang : "langen" AND "or" AND "title x" AND "near a" AND "b" AND "c" AND "and"',
    )
    expect(searchQuery('"*:()', 'en')).toBeUndefined()
  })
})

describe('search', () => {
  beforeAll(async () => {
    await publishSource(
      'ko/pact',
      '---\ntitle: 북·러 협정에 서명\ndate: 2024-06-19\n---\n<p>푸틴은 김정은과 만났다.</p>',
    )
    await publishSource(
      'ko/pact-critics',
      '---\ntitle: 국제사회, 협정을 비판\ndate: 2024-06-20\n---\n<p>여러 나라가 우려를 표했다.</p>',
    )
    await publishSource(
      'ko/weather',
      '---\ntitle: 서울 첫 폭염주의보\ndate: 2024-06-21\n---\n<p>기온이 크게 올랐다.</p>',
    )
    await publishSource(
      'ja/tokyo',
      '---\ntitle: 東京都の電車ガイド\ndate: 2024-05-01\n---\n<p>山手線の乗り方。</p>',
      'ja/tokyo.md',
    )
    await publishSource(
      'en/edge',
      '---\ntitle: Edge rendering explained\ndate: 2024-05-02\n---\n<p>Workers render pages near readers.</p>',
      'en/edge.md',
    )
  })

  it('finds Korean words with their particles attached: 협정 finds 협정에 and 협정을, 푸틴 finds 푸틴은', async () => {
    expect((await api('협정')).results.map((r) => r.slug)).toEqual(
      expect.arrayContaining(['pact', 'pact-critics']),
    )
    expect((await api('푸틴')).results.map((r) => r.slug)).toEqual(['pact'])
    expect((await api('폭염')).results.map((r) => r.slug)).toEqual(['weather'])
  })

  it('finds Japanese words inside longer runs: 東京 finds 東京都', async () => {
    const res = (await site.get(`/api/search?lang=ja&q=${encodeURIComponent('東京')}`)).json<{
      results: { slug: string }[]
    }>()
    expect(res.results.map((r) => r.slug)).toEqual(['tokyo'])
  })

  it('stays within the language searched', async () => {
    expect((await api('Edge')).results).toEqual([])
    expect(
      (await site.get('/api/search?lang=en&q=edge'))
        .json<{ results: { slug: string }[] }>()
        .results.map((r) => r.slug),
    ).toEqual(['edge'])
  })

  it('orders newest first, or best match first (a match in the title above one in the body)', async () => {
    await publishSource(
      'ko/order-title',
      '---\ntitle: 조약문 공개\ndate: 2024-06-01\n---\n<p>전문이 공개됐다.</p>',
    )
    await publishSource(
      'ko/order-body',
      '---\ntitle: 오늘의 외교 소식\ndate: 2024-06-22\n---\n<p>지난주 조약문 이야기도 나왔다.</p>',
    )
    const fresh = client('https://search-order.example') // nothing cached from the other tests
    const slugs = async (extra: string) =>
      (await fresh.get(`/api/search?lang=ko&q=${encodeURIComponent('조약문')}${extra}`))
        .json<{ results: { slug: string }[] }>()
        .results.map((r) => r.slug)
    expect(await slugs('')).toEqual(['order-body', 'order-title'])
    expect(await slugs('&sort=best')).toEqual(['order-title', 'order-body'])
  })

  it('ranks best first among the newest matches only, so a common word stays fast', async () => {
    await publishSource(
      'ko/window-title',
      '---\ntitle: 수로 탐사 보고서\ndate: 2024-03-01\n---\n<p>보고서가 나왔다.</p>',
    )
    await publishSource(
      'ko/window-body',
      '---\ntitle: 주간 과학 소식\ndate: 2024-03-09\n---\n<p>지난달 수로 탐사 이야기도 있었다.</p>',
    )
    const db = indexDb(env)
    const best = async (window?: number) =>
      (
        await search(
          db,
          { storageTimeoutMs: 3000 },
          { lang: 'ko', text: '수로 탐사', page: 1, order: 'best', window },
        )
      ).items.map((i) => i.slug)
    // The title match ranks first; with a window of one, only the newer match is ranked at all.
    expect(await best()).toEqual(['window-title', 'window-body'])
    expect(await best(1)).toEqual(['window-body'])
    expect(BEST_WINDOW).toBeGreaterThanOrEqual(MAX_SEARCH_PAGE * 12)
  })

  it('shows a page with a search box and the results, kept out of search engines', async () => {
    const page = await site.get(`/ko/search?q=${encodeURIComponent('협정')}`)
    expect(page.status).toBe(200)
    const html = readPage(page.body)
    expect(html.meta('robots')).toBe('noindex')
    expect(html.document.querySelector('form.search input[name="q"]')?.getAttribute('value')).toBe(
      '협정',
    )
    expect(await titles(`/ko/search?q=${encodeURIComponent('협정')}`)).toEqual([
      '국제사회, 협정을 비판',
      '북·러 협정에 서명',
    ])
  })

  it('answers odd input calmly: FTS operators, quotes, nothing at all, very long queries', async () => {
    for (const odd of [
      '"',
      'AND',
      'NEAR(협정',
      '*',
      'title:협정',
      '-협정',
      '협정 OR',
      '(',
      "'; DROP TABLE articles; --",
      '가'.repeat(5000),
    ]) {
      const page = await site.get(`/ko/search?q=${encodeURIComponent(odd)}`)
      expect(page.status, odd).toBe(200)
      expect((await site.get(`/api/search?lang=ko&q=${encodeURIComponent(odd)}`)).status, odd).toBe(
        200,
      )
    }
    expect((await api('title:협정')).results.length).toBe(0)
    expect((await site.get('/ko/search')).status).toBe(200)
    expect((await api('협정')).results.length).toBeGreaterThanOrEqual(2) // the table is still there
  })

  it('forgets an article that is deleted or replaced', async () => {
    await publishSource('ko/changing-search', '---\ntitle: 임시 기사 알파벳\n---\n<p>x</p>')
    expect((await api('알파벳')).results.map((r) => r.slug)).toEqual(['changing-search'])
    await publishSource('ko/changing-search', '---\ntitle: 바뀐 제목\n---\n<p>x</p>')
    expect(
      (
        await site.get(`/api/search?lang=ko&q=${encodeURIComponent('알파벳')}&page=1`, {}, {})
      ).json<{ results: unknown[] }>().results.length,
    ).toBeLessThanOrEqual(1)
  })
})
