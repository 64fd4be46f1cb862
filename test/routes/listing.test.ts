import { env, exports } from 'cloudflare:workers'
import { XMLValidator } from 'fast-xml-parser'
import { beforeAll, describe, expect, it } from 'vitest'
import { PAGE_SIZE } from '../../src/listing/read'
import { CONTENT, putSiteWithIndexes, type ContentFixture } from '../helpers/content'
import { readPage } from '../helpers/html'

const ORIGIN = 'https://list.example'
const get = (path: string, headers: Record<string, string> = {}) =>
  exports.default.fetch(`${ORIGIN}${path}`, { headers, redirect: 'manual' })
const titles = async (path: string) =>
  readPage(await (await get(path)).text())
    .all('.card h2 a')
    .map((a) => a.textContent)

/** 30 dated English briefs: enough for three pages. */
const BRIEFS: ContentFixture[] = Array.from({ length: 30 }, (_, i) => {
  const day = String(i + 1).padStart(2, '0')
  return {
    path: `en/2023-01-${day}-brief-${day}.md`,
    key: `en/brief-${day}`,
    text: `---\ntitle: Brief ${day}\ncategories: [Briefs]\ntags: [daily]\n---\nNews brief number ${day}.\n`,
  }
})

beforeAll(() => putSiteWithIndexes(env.ARTICLES_KV, [...CONTENT, ...BRIEFS]))

describe('the home page of a language', () => {
  it('is a front page: the lead story with picture and standfirst, the latest beside it, a block per section, never a draft', async () => {
    const res = await get('/ko/')
    expect(res.status).toBe(200)
    const page = readPage(await res.text())
    const lead = page.document.querySelector('.lead')!
    expect(lead.querySelector('h3 a')?.getAttribute('href')).toBe('/ko/kimchi-recipe')
    expect(lead.querySelector('img')?.getAttribute('src')).toBe(
      'https://images.example.com/blog/food/kimchi-napa-cabbage.jpg',
    )
    expect(lead.querySelector('.standfirst')?.textContent?.length).toBeGreaterThan(20)
    expect(lead.querySelector('time')?.textContent).toBe('2024년 11월 16일')
    expect(page.all('.rail h3 a').map((a) => a.getAttribute('href'))).toEqual([
      '/ko/seoul-heatwave',
      '/ko/putin-kim-pact',
    ])
    // One 뉴스 block for both spellings (the seed says `News`, the heatwave `뉴스`), in the
    // sections file's order, each linking its section page; the lead is not repeated in its block.
    const blocks = page.all('.section-block')
    expect(blocks.map((b) => b.querySelector('h2')?.textContent)).toEqual(['뉴스'])
    expect(blocks[0]!.querySelector('h2 a')?.getAttribute('href')).toBe('/ko/category/news')
    expect(page.all('.section-block h3 a').map((a) => a.getAttribute('href'))).toEqual([
      '/ko/seoul-heatwave',
      '/ko/putin-kim-pact',
    ])
    expect(page.document.body.textContent).not.toContain('초안')
    // The site's name is the page's one heading of level 1, as a newspaper's nameplate.
    expect(page.all('h1').map((h) => h.textContent)).toEqual(['Edge Press'])
    expect(page.link('canonical')).toBe(`${ORIGIN}/ko/`)
  })

  it('shows a typographic card, never an empty frame, for a story without a picture', async () => {
    const page = readPage(await (await get('/en/')).text())
    const briefs = page.all('.latest-more .card')
    expect(briefs.length).toBeGreaterThan(0)
    for (const card of briefs) {
      const frame = card.querySelector('.media')!
      expect(frame.querySelector('img')).toBeNull()
      expect(frame.getAttribute('class')).toContain('type-card')
      expect(frame.textContent).toContain('Edge Press')
    }
  })

  it('links its feed and lists the other languages’ home pages', async () => {
    const page = readPage(await (await get('/ko/')).text())
    expect(page.all('link[type="application/atom+xml"]')[0]?.getAttribute('href')).toBe(
      `${ORIGIN}/ko/feed.xml`,
    )
    expect(page.all('link[hreflang]').map((l) => l.getAttribute('hreflang'))).toEqual([
      'ko',
      'en',
      'ja',
      'x-default',
    ])
  })

  it('is paginated with stable URLs and rel=prev/next', async () => {
    const first = readPage(await (await get('/en/')).text())
    expect(first.all('.front-latest :is(h2, h3) a')).toHaveLength(PAGE_SIZE)
    expect(first.link('next')).toBe(`${ORIGIN}/en/page/2`)
    expect(first.link('prev')).toBeUndefined()
    const second = readPage(await (await get('/en/page/2')).text())
    expect(second.link('prev')).toBe(`${ORIGIN}/en/`)
    expect(second.link('next')).toBe(`${ORIGIN}/en/page/3`)
    expect(second.link('canonical')).toBe(`${ORIGIN}/en/page/2`)
    expect(second.document.querySelector('title')?.textContent).toBe('Edge Press (Page 2 of 3)')
    // Every article exactly once: the front page's latest, then the plain list, newest first.
    const frontTitles = first.all('.front-latest :is(h2, h3) a').map((a) => a.textContent)
    const all = [...frontTitles, ...(await titles('/en/page/2')), ...(await titles('/en/page/3'))]
    expect(all).toHaveLength(35) // 30 briefs and the 5 published English articles
    expect(new Set(all).size).toBe(35)
    expect(all.indexOf('Brief 30')).toBeLessThan(all.indexOf('Brief 01'))
  })

  it('answers pages past the end and odd spellings with 404, and /page/1 with a redirect', async () => {
    expect((await get('/en/page/4')).status).toBe(404)
    expect((await get('/en/page/02')).status).toBe(404)
    expect((await get('/en/page/0')).status).toBe(404)
    const one = await get('/en/page/1')
    expect(one.status).toBe(301)
    expect(one.headers.get('location')).toBe('/en/')
    expect((await get('/xx/')).status).toBe(404)
  })
})

describe('category and tag pages', () => {
  it('match names whatever their case, titled as the articles write them', async () => {
    for (const name of ['Briefs', 'briefs', 'BRIEFS']) {
      const res = await get(`/en/category/${name}`)
      expect(res.status).toBe(200)
      const page = readPage(await res.text())
      expect(page.link('canonical')).toBe(`${ORIGIN}/en/category/Briefs`)
      // A category in no section: its name alone, not "Category: Briefs".
      expect(page.document.querySelector('h1')?.textContent).toBe('Briefs')
    }
    expect(await titles('/en/category/news')).toEqual([
      "Seoul's concrete keeps the heat long after sunset",
      'Putin and Kim Agree to Mutual Assistance Pact in Case of Aggression',
    ])
  })

  it('a section answers to every spelling of it, in the page language, with breadcrumbs', async () => {
    // The seed article's category is `News`, the heatwave's `뉴스`: one section.
    for (const name of ['뉴스', 'News', 'news', 'NEWS']) {
      const res = await get(`/ko/category/${encodeURIComponent(name)}`)
      expect(res.status, name).toBe(200)
      const page = readPage(await res.text())
      expect(page.document.querySelector('h1')?.textContent).toBe('뉴스')
      expect(page.document.querySelector('.listing-description')?.textContent).toBe(
        '국내외 주요 소식',
      )
      expect(page.link('canonical')).toBe(`${ORIGIN}/ko/category/news`)
      expect(page.all('.card h2 a').map((a) => a.getAttribute('href'))).toEqual([
        '/ko/seoul-heatwave',
        '/ko/putin-kim-pact',
      ])
      expect(
        page.all('nav.sections a[aria-current="page"]').map((a) => a.getAttribute('href')),
      ).toEqual(['/ko/category/news'])
      const crumbs = JSON.parse(
        page.all('script[type="application/ld+json"]')[0]!.textContent!,
      ) as { '@type': string; itemListElement: { name: string; item: string }[] }
      expect(crumbs['@type']).toBe('BreadcrumbList')
      expect(crumbs.itemListElement.map((i) => [i.name, i.item])).toEqual([
        ['Edge Press', `${ORIGIN}/ko/`],
        ['뉴스', `${ORIGIN}/ko/category/news`],
      ])
    }
  })

  it('find percent-encoded Hangul names, and paginate', async () => {
    const res = await get(`/ko/tag/${encodeURIComponent('김장')}`)
    expect(res.status).toBe(200)
    const page = readPage(await res.text())
    expect(page.document.querySelector('h1')?.textContent).toBe('태그: 김장')
    expect(page.link('canonical')).toBe(`${ORIGIN}/ko/tag/%EA%B9%80%EC%9E%A5`)
    expect((await get('/en/tag/daily/page/3')).status).toBe(200)
    expect((await get('/en/tag/daily/page/4')).status).toBe(404)
  })

  it('answer 404 for a name no article uses; a section without articles is an empty page, never a draft', async () => {
    expect((await get('/en/category/nothing-here')).status).toBe(404)
    // 정치 is a section; its only article is a draft.
    const politics = await get(`/ko/category/${encodeURIComponent('정치')}`)
    expect(politics.status).toBe(200)
    const page = readPage(await politics.text())
    expect(page.all('.card')).toEqual([])
    expect(page.document.body.textContent).not.toContain('초안')
    expect((await get('/ko/category/politics/page/2')).status).toBe(404)
  })
})

describe('the header', () => {
  it('has the site name, the sections in order, a plain search form and the languages; the feed is linked once', async () => {
    const page = readPage(await (await get('/ko/putin-kim-pact')).text())
    const header = page.document.querySelector('header.site')!
    expect(header.querySelector('.brand')?.getAttribute('href')).toBe(`${ORIGIN}/ko/`)
    expect(page.all('header.site nav.sections a').map((a) => a.textContent)).toEqual([
      '홈',
      '뉴스',
      '정치',
      '요리',
      '여행',
      '기술',
    ])
    const form = header.querySelector('form[role="search"]')!
    expect(form.getAttribute('method')).toBe('get')
    expect(form.getAttribute('action')).toBe('/ko/search')
    expect(form.querySelector('input[name="q"]')).not.toBeNull()
    expect(page.all('header.site .langs a').map((a) => a.getAttribute('hreflang'))).toEqual([
      'en',
      'ja',
    ])
    // The article's section is marked, and its kicker is the section's Korean name.
    expect(header.querySelector('nav.sections [aria-current]')?.textContent).toBe('뉴스')
    expect(page.document.querySelector('.story .kicker')?.textContent).toBe('뉴스')
    expect(page.document.querySelector('.story .kicker a')?.getAttribute('href')).toBe(
      '/ko/category/news',
    )
    expect(page.all('script')).toSatisfy((scripts: Element[]) =>
      scripts.every((s) => s.getAttribute('type') === 'application/ld+json'),
    )
    for (const path of ['/ko/', '/ko/category/news', '/ko/putin-kim-pact']) {
      const text = await (await get(path)).text()
      expect(
        readPage(text)
          .all('a')
          .filter((a) => a.textContent === 'Atom 피드'),
        path,
      ).toHaveLength(1)
    }
  })

  it('article pages carry Home › Section › Article breadcrumbs', async () => {
    const page = readPage(await (await get('/ko/putin-kim-pact')).text())
    const lists = page
      .all('script[type="application/ld+json"]')
      .map(
        (s) =>
          JSON.parse(s.textContent!) as { '@type': string; itemListElement?: { name: string }[] },
      )
    const crumbs = lists.find((l) => l['@type'] === 'BreadcrumbList')!
    expect(crumbs.itemListElement!.map((i) => i.name)).toEqual([
      'Edge Press',
      '뉴스',
      '푸틴 김정은 북·러 침략시 상호지원 협정에 동의',
    ])
  })
})

describe('the Atom feed', () => {
  it('is well-formed Atom with full sanitized content, newest first', async () => {
    const res = await get('/ko/feed.xml')
    expect(res.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8')
    const xml = await res.text()
    expect(XMLValidator.validate(xml)).toBe(true)
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ko">')
    const ids = [...xml.matchAll(/<id>([^<]+)<\/id>/g)].map((m) => m[1])
    expect(ids).toEqual([
      `${ORIGIN}/ko/feed.xml`,
      `${ORIGIN}/ko/kimchi-recipe`,
      `${ORIGIN}/ko/seoul-heatwave`,
      `${ORIGIN}/ko/putin-kim-pact`,
    ])
    // The body travels escaped, whole, and without anything the sanitizer removes.
    expect(xml).toContain('&lt;h2 id=&quot;')
    expect(xml).not.toMatch(/&lt;script|onerror|javascript:/i)
    expect(xml).not.toContain('초안')
  })
})

describe('the sitemap and robots.txt', () => {
  it('lists every published article with lastmod and hreflang alternates', async () => {
    const xml = await (await get('/sitemap.xml')).text()
    expect(XMLValidator.validate(xml)).toBe(true)
    expect(xml).toContain('xmlns:xhtml="http://www.w3.org/1999/xhtml"')
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1])
    expect(locs).toContain(`${ORIGIN}/ko/putin-kim-pact`)
    expect(locs).toContain(`${ORIGIN}/en/brief-01`)
    expect(locs).not.toContain(`${ORIGIN}/ko/draft-election-preview`)
    expect(locs).toHaveLength(3 + 10 + 30)
    const seed =
      /<url>\s*<loc>https:\/\/list\.example\/ko\/putin-kim-pact<\/loc>([\s\S]*?)<\/url>/.exec(
        xml,
      )![1]!
    // The file name's date (ko/2024-06-19-putin-kim-pact.html), never its upload time.
    expect(seed).toMatch(/<lastmod>2024-06-19T00:00:00\+09:00<\/lastmod>/)
    for (const lang of ['ko', 'en', 'ja'])
      expect(seed).toContain(`hreflang="${lang}" href="${ORIGIN}/${lang}/putin-kim-pact"`)
  })

  it('is pointed at by robots.txt, which lets every crawler in', async () => {
    const text = await (await get('/robots.txt')).text()
    expect(text).toContain(`Sitemap: ${ORIGIN}/sitemap.xml`)
    expect(text).toMatch(/User-agent: \*\nAllow: \//)
  })
})

describe('crawlers', () => {
  const CRAWLERS = [
    'facebookexternalhit/1.1',
    'Twitterbot/1.0',
    'kakaotalk-scrap/1.0',
    'Mozilla/5.0 (compatible; Yeti/1.1)',
    'Slackbot-LinkExpanding 1.0',
    'Discordbot/2.0',
    'LinkedInBot/1.0',
    'TelegramBot (like TwitterBot)',
  ]
  // Each render on an origin of its own, so neither is the other's cache hit.
  let n = 0
  const rendered = async (ua?: string) => {
    const origin = `https://crawl-${++n}.example`
    const res = await exports.default.fetch(`${origin}/ko/putin-kim-pact`, {
      headers: ua ? { 'user-agent': ua } : {},
    })
    expect(res.headers.get('x-cache')).toBe('MISS')
    const html = (await res.text())
      .replaceAll(origin, 'https://site.example')
      .replaceAll(encodeURIComponent(origin), 'SITE')
    return { res, html }
  }
  it.each(CRAWLERS)(
    '%s gets the same article page as a person, metadata in the first 32 KB',
    async (ua) => {
      const person = (await rendered()).html
      const { res, html } = await rendered(ua)
      expect(res.status).toBe(200)
      expect(html).toBe(person)
      const head = new TextDecoder().decode(new TextEncoder().encode(html).slice(0, 32 * 1024))
      for (const tag of [
        'og:title',
        'og:image',
        'og:description',
        'twitter:card',
        'application/json+oembed',
      ])
        expect(head).toContain(tag)
    },
  )
})
