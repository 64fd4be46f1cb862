import { env, exports } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { CONTENT, putKv } from '../helpers/content'
import type { articleJson } from '../../src/render/json'
import { readPage } from '../helpers/html'
import { SEED } from '../helpers/seed'

/** The JSON API's article, as the route serializes it. */
type ArticleJson = ReturnType<typeof articleJson>

const ORIGIN = 'https://news.example'
const get = (path: string, init?: RequestInit) => exports.default.fetch(`${ORIGIN}${path}`, init)
const graphemes = (s: string) =>
  Array.from(new Intl.Segmenter('ko', { granularity: 'grapheme' }).segment(s)).length
const SEED_EXCERPT =
  '김정은과 푸틴, 북한 국무위원장과 러시아 대통령이 북한 김일성 광장에서 새로운 협정 협력에 서명하며, 군사 분야 협력을 추진하는 등 새로운 수준의 관계를 강조했다. 푸틴 대통령은 북한과 러시아가 침략당할 경우 상호지원하는 조항이 협정에 포함됐으며, 군사 기술 협력을 배제하지 않을 것이라 강조했다. 김 위원장은 새로운 협정은 평화적이고 방어적인 성격이라며 국제사회의 비판에 의식한 듯 협력의 정당성을 강조했다.'

// Each store is read on its own origin, so neither run is answered from the other's cache entry.
describe.each([
  [
    'KV',
    'https://kv.news.example',
    () =>
      putKv(
        env.ARTICLES_KV,
        'ko/putin-kim-pact',
        SEED,
        'ko/putin-kim-pact.html',
        '2024-06-19T05:00:00.000Z',
      ),
  ],
  [
    'R2',
    'https://r2.news.example',
    async () => {
      await env.ARTICLES_KV.delete('ko/putin-kim-pact')
      await env.ARTICLES_R2.put('ko/putin-kim-pact', SEED, {
        customMetadata: { fileName: 'ko/putin-kim-pact.html', format: 'html' },
      })
    },
  ],
])('the seed article served from %s', (store, origin, load) => {
  let page: ReturnType<typeof readPage>
  let res: Response
  beforeAll(async () => {
    await load()
    res = await exports.default.fetch(`${origin}/ko/putin-kim-pact`)
    page = readPage(await res.text())
  })

  it('answers 200 with UTF-8 HTML, rendered from storage', () => {
    expect(res.status).toBe(200)
    expect(res.headers.get('x-cache')).toBe('MISS')
    expect(res.headers.get('content-type')).toBe('text/html; charset=UTF-8')
  })

  it('declares the language, title, description and canonical URL', () => {
    expect(page.document.documentElement.getAttribute('lang')).toBe('ko')
    expect(page.document.querySelector('title')?.textContent).toBe(
      '푸틴 김정은 북·러 침략시 상호지원 협정에 동의 | Edge Press',
    )
    expect(page.meta('description')).toBe(page.meta('og:description'))
    expect(page.link('canonical')).toBe(`${origin}/ko/putin-kim-pact`)
  })

  it('has every Open Graph tag with the right value', () => {
    expect(page.meta('og:type')).toBe('article')
    expect(page.meta('og:title')).toBe('푸틴 김정은 북·러 침략시 상호지원 협정에 동의')
    expect(page.meta('og:url')).toBe(`${origin}/ko/putin-kim-pact`)
    expect(page.meta('og:site_name')).toBe('Edge Press')
    expect(page.meta('og:locale')).toBe('ko_KR')
    expect(page.metas('og:image')).toEqual([
      'https://newsdao.kr/res/images/meta/newsdao_breakingnews.jpg',
    ])
    expect(page.meta('og:image:alt')).toBe('implanttips 속보')
    expect(page.meta('og:image:type')).toBe('image/jpeg')
    expect(page.meta('article:section')).toBe('News')
  })

  it('dates the article from the storage, in Seoul time', () => {
    const published = page.meta('article:published_time')
    expect(published).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+09:00$/)
    if (store === 'KV') expect(published).toBe('2024-06-19T14:00:00+09:00')
    // Its first version: uploaded is not modified.
    expect(page.meta('article:modified_time')).toBeUndefined()
    expect(page.document.querySelector('time')?.getAttribute('datetime')).toBe(published)
  })

  it('has the Twitter card tags', () => {
    expect(page.meta('twitter:card')).toBe('summary_large_image')
    expect(page.meta('twitter:title')).toBe(page.meta('og:title'))
    expect(page.meta('twitter:description')).toBe(page.meta('og:description'))
    expect(page.meta('twitter:image')).toBe(page.meta('og:image'))
    expect(page.meta('twitter:image:alt')).toBe('implanttips 속보')
  })

  it('cuts the description at a word boundary, about 160 characters, with an ellipsis', () => {
    const description = page.meta('description')!
    expect(description.endsWith('…')).toBe(true)
    expect(graphemes(description)).toBeLessThanOrEqual(160)
    expect(graphemes(description)).toBeGreaterThan(140)
    const kept = description.slice(0, -1)
    expect(SEED_EXCERPT.startsWith(kept)).toBe(true)
    expect(SEED_EXCERPT[kept.length]).toBe(' ') // the next character starts a new word
  })

  it('has NewsArticle JSON-LD with every recommended property', () => {
    const ld = page.jsonLd()!
    expect(ld['@type']).toBe('NewsArticle')
    expect(ld.headline).toBe('푸틴 김정은 북·러 침략시 상호지원 협정에 동의')
    expect(ld.description).toBe(page.meta('description'))
    expect(ld.image![0]!.url).toBe('https://newsdao.kr/res/images/meta/newsdao_breakingnews.jpg')
    expect(ld.datePublished).toBe(page.meta('article:published_time'))
    // Its first version was never modified: no dateModified (reader.test.ts has a modified one,
    // where JSON-LD and article:modified_time carry the same date).
    expect(ld).not.toHaveProperty('dateModified')
    expect(ld.author[0]).toMatchObject({ '@type': 'Organization', name: 'Edge Press' })
    expect(ld.publisher).toMatchObject({ '@type': 'Organization', name: 'Edge Press' })
    expect(ld.inLanguage).toBe('ko')
    expect(ld.mainEntityOfPage['@id']).toBe(`${origin}/ko/putin-kim-pact`)
  })

  it('puts all metadata early in <head>, before the stylesheet', () => {
    const head = page.document.head.innerHTML
    expect(head.indexOf('charset')).toBeLessThan(head.indexOf('og:title'))
    expect(head.indexOf('application/ld+json')).toBeLessThan(head.indexOf('<style'))
  })

  it('renders a clean body: no editor artifacts, one <h1>, headings with ids, and no table of contents for a short read', () => {
    const body = page.document.querySelector('.body')!
    expect(body.innerHTML).not.toContain('&nbsp;')
    expect(body.innerHTML).not.toContain('data-ke-size')
    expect(Array.from(body.querySelectorAll('p')).every((p) => p.textContent!.trim() !== '')).toBe(
      true,
    )
    expect(page.all('h1')).toHaveLength(1)
    const headings = Array.from(body.querySelectorAll('h2, h3'))
    expect(headings).toHaveLength(7) // the body’s <h1> became an <h2>
    expect(headings.map((h) => h.id)).toContain('h-포괄적-전략-동반자-협정이란')
    expect(headings.every((h) => h.id)).toBe(true)
    // A short read gets no table of contents (reader.test.ts checks that a long one with sections
    // gets one, linked to these ids).
    expect(page.document.querySelector('.byline')?.textContent).toMatch(/[1-3]분 읽기/)
    expect(page.all('.toc')).toHaveLength(0)
    // The lead image moved to the hero, so it is not shown twice.
    expect(page.all('img')).toHaveLength(1)
    expect(page.all('.hero img')[0]?.getAttribute('alt')).toBe('implanttips 속보')
  })

  it('keeps the author’s emphasis colour but nothing else from inline styles', () => {
    const spans = page.all('.body span')
    expect(spans.length).toBeGreaterThan(0)
    expect(spans.every((s) => s.getAttribute('style') === 'color: #1a5490')).toBe(true)
  })

  it('shows the date in Korean and a reading time', () => {
    const byline = page.document.querySelector('.byline')!.textContent!
    expect(byline).toMatch(/입력 \d{4}년 \d{1,2}월 \d{1,2}일/)
    expect(byline).toMatch(/\d+분 읽기/)
  })
})

describe('the JSON API', () => {
  beforeAll(() => putKv(env.ARTICLES_KV, 'ko/putin-kim-pact', SEED))

  it('returns metadata, the extra keys, sanitized HTML, text, TOC, reading time and the meta tags', async () => {
    const res = await get('/api/articles/ko/putin-kim-pact')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^application\/json/)
    const json = await res.json<ArticleJson>()
    expect(json.title).toBe('푸틴 김정은 북·러 침략시 상호지원 협정에 동의')
    expect(json.categories).toEqual(['News'])
    expect(json.extra.feature_text).toMatch(/^김정은과 푸틴/)
    expect(json.html).toContain('<h2 id=')
    expect(json.html).not.toContain('style="color: #1a5490;"') // normalized
    expect(json.text).toContain('포괄적 전략 동반자 협정이란?')
    expect(json.toc.length).toBe(7)
    expect(json.readingMinutes).toBeGreaterThanOrEqual(1)
    expect(json.meta.tags).toContainEqual({ property: 'og:locale', content: 'ko_KR' })
    expect(json.meta.jsonLd['@type']).toBe('NewsArticle')
  })

  it('answers HEAD with the headers and no body', async () => {
    for (const path of ['/api/articles/ko/putin-kim-pact', '/ko/putin-kim-pact']) {
      const res = await get(path, { method: 'HEAD' })
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBeTruthy()
      expect(await res.text()).toBe('')
    }
  })
})

describe('every article in content/', () => {
  beforeAll(async () => {
    for (const file of CONTENT) await putKv(env.ARTICLES_KV, file.key, file.text, file.path)
  })

  it.each(CONTENT.filter((f) => !f.path.includes('draft')).map((f) => [f.path, f] as const))(
    '%s renders with its metadata',
    async (_, file) => {
      const res = await get(`/${file.key.split('/').map(encodeURIComponent).join('/')}`)
      expect(res.status).toBe(200)
      const page = readPage(await res.text())
      expect(page.meta('og:title')).toBeTruthy()
      expect(page.meta('og:description')).toBeTruthy()
      expect(page.document.querySelector('.body')!.textContent!.trim().length).toBeGreaterThan(100)
      const lang = file.key.split('/')[0]
      expect(page.document.documentElement.getAttribute('lang')).toBe(lang)
    },
  )

  it('serves the translation pair under both languages', async () => {
    const [ko, en, ja] = await Promise.all(
      ['ko', 'en', 'ja'].map((l) =>
        get(`/${l}/putin-kim-pact`).then(async (r) => readPage(await r.text())),
      ),
    )
    expect(ko!.meta('og:locale')).toBe('ko_KR')
    expect(en!.meta('og:locale')).toBe('en_US')
    expect(ja!.meta('og:locale')).toBe('ja_JP')
    expect(en!.meta('og:title')).not.toBe(ko!.meta('og:title'))
  })

  it('takes the date from a Jekyll file name', async () => {
    const page = readPage(await (await get('/ko/seoul-heatwave')).text())
    expect(page.meta('article:published_time')).toBe('2024-06-20T00:00:00+09:00')
  })

  it('takes the description from the first paragraph when front matter has none', async () => {
    const json = await (
      await get('/api/articles/en/no-front-matter-extras')
    ).json<{
      description: string
      text: string
    }>()
    expect(json.text.startsWith(json.description.replace(/…$/, ''))).toBe(true)
  })

  it('takes the share image from the body when front matter has none', async () => {
    const page = readPage(await (await get('/ko/seoul-heatwave')).text())
    expect(page.meta('og:image')).toMatch(/^https:\/\//)
    expect(page.meta('twitter:card')).toBe('summary_large_image')
  })

  it('gives an article without an image its generated share card (test/routes/og.test.ts)', async () => {
    const page = readPage(await (await get('/en/no-front-matter-extras')).text())
    expect(page.meta('og:image')).toMatch(
      /^https:\/\/news\.example\/og\/en\/no-front-matter-extras\.[0-9a-f]{12}\.png$/,
    )
    expect(page.meta('twitter:card')).toBe('summary_large_image')
  })

  it('honours canonical_url', async () => {
    const page = readPage(await (await get('/en/markdown-showcase')).text())
    expect(page.link('canonical')).toBe('https://blog.example.org/markdown-showcase')
    expect(page.meta('og:url')).toBe('https://blog.example.org/markdown-showcase')
  })

  it('does not serve a draft', async () => {
    expect((await get('/ko/draft-election-preview')).status).toBe(404)
  })

  it('finds percent-encoded Hangul slugs', async () => {
    await putKv(env.ARTICLES_KV, 'ko/북러-협정', SEED)
    const res = await get(`/ko/${encodeURIComponent('북러-협정')}`)
    expect(res.status).toBe(200)
    expect(readPage(await res.text()).meta('og:url')).toBe(
      `${ORIGIN}/ko/%EB%B6%81%EB%9F%AC-%ED%98%91%EC%A0%95`,
    )
  })
})

describe('an image measured by content:push', () => {
  it('gives og:image:width and height when the front matter has none', async () => {
    const url = 'https://images.example.com/measured.jpg'
    await env.ARTICLES_KV.put('en/measured', `---\ntitle: Measured\nimage: ${url}\n---\nBody.`, {
      metadata: {
        fileName: 'en/measured.md',
        format: 'md',
        imageUrl: url,
        imageWidth: '1200',
        imageHeight: '630',
        imageType: 'image/jpeg',
      },
    })
    const page = readPage(await (await get('/en/measured')).text())
    expect(page.meta('og:image:width')).toBe('1200')
    expect(page.meta('og:image:height')).toBe('630')
    expect(page.meta('og:image:type')).toBe('image/jpeg')
  })

  it('is ignored when the article now points at another image', async () => {
    await env.ARTICLES_KV.put(
      'en/remeasure',
      '---\ntitle: Changed\nimage: https://images.example.com/new.jpg\n---\nBody.',
      {
        metadata: {
          fileName: 'en/remeasure.md',
          format: 'md',
          imageUrl: 'https://images.example.com/old.jpg',
          imageWidth: '1200',
          imageHeight: '630',
          imageType: 'image/jpeg',
        },
      },
    )
    expect(
      readPage(await (await get('/en/remeasure')).text()).meta('og:image:width'),
    ).toBeUndefined()
  })
})
