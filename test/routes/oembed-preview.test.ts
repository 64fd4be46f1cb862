import { env, exports } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { CONTENT, putSiteWithIndexes } from '../helpers/content'
import { readPage } from '../helpers/html'
import { decode, inked, TITLE_BOX } from '../../og/test/png'

const ORIGIN = 'https://embed.example'
const get = (path: string) => exports.default.fetch(`${ORIGIN}${path}`, { redirect: 'manual' })
const oembed = (url: string, extra = '') => get(`/oembed?url=${encodeURIComponent(url)}${extra}`)

const PURPOSE_MADE = [
  {
    path: 'en/too-long.md',
    key: 'en/too-long',
    text: '---\ntitle: This headline keeps going well past the seventy characters that X will show in a card\nimage:\n  url: https://img.example/wide.jpg\n  width: 1200\n  height: 630\n  alt: A wide picture\n---\nBody.\n',
  },
  {
    path: 'en/no-image.md',
    key: 'en/no-image',
    text: '---\ntitle: Words only\n---\nNothing to look at.\n',
  },
  {
    path: 'en/relative-image.md',
    key: 'en/relative-image',
    text: '---\ntitle: Relative\nimage: /images/local.jpg\n---\nBody.\n',
  },
  {
    path: 'en/tiny-image.md',
    key: 'en/tiny-image',
    text: '---\ntitle: Tiny\nimage:\n  url: https://img.example/tiny.png\n  width: 100\n  height: 100\n---\nBody.\n',
  },
  {
    // Both images on a host wrangler.toml's IMAGE_HOSTS does not list: the CSP blocks them.
    path: 'ko/foreign-image.md',
    key: 'ko/foreign-image',
    text: '---\ntitle: 바깥 이미지\nimage:\n  url: https://elsewhere.example/a.jpg\n  width: 1200\n  height: 630\n  alt: 사진\n---\n본문.\n\n![둘째](https://elsewhere.example/b.jpg)\n',
  },
]

beforeAll(() => putSiteWithIndexes(env.ARTICLES_KV, [...CONTENT, ...PURPOSE_MADE]))

describe('oEmbed', () => {
  it('is advertised on every article page', async () => {
    const page = readPage(await (await get('/ko/putin-kim-pact')).text())
    const href = page.all('link[type="application/json+oembed"]')[0]?.getAttribute('href')
    expect(href).toBe(
      `${ORIGIN}/oembed?url=${encodeURIComponent(`${ORIGIN}/ko/putin-kim-pact`)}&format=json`,
    )
  })

  it('answers a rich card for an article URL', async () => {
    const res = await oembed(`${ORIGIN}/ko/putin-kim-pact`, '&format=json')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^application\/json/)
    const body = await res.json<Record<string, unknown>>()
    expect(body).toMatchObject({
      version: '1.0',
      type: 'rich',
      title: '푸틴 김정은 북·러 침략시 상호지원 협정에 동의',
      provider_name: 'Edge Press',
      width: 560,
      height: 200,
    })
    expect(body.provider_url).toBe(`${ORIGIN}/ko/`)
    expect(body.thumbnail_url).toBe('https://newsdao.kr/res/images/meta/newsdao_breakingnews.jpg')
    expect(body.html).toContain(`<a href="${ORIGIN}/ko/putin-kim-pact">`)
    expect(body.html).not.toMatch(/<script|<iframe/)
  })

  it('honours maxwidth and refuses a malformed one', async () => {
    const body = await (
      await oembed(`${ORIGIN}/en/putin-kim-pact`, '&maxwidth=320')
    ).json<{
      width: number
    }>()
    expect(body.width).toBe(320)
    // Never wider or taller than asked: the largest card that fits.
    const fitted = await (
      await oembed(`${ORIGIN}/en/putin-kim-pact`, '&maxwidth=450&maxheight=150')
    ).json<{ width: number; height: number }>()
    expect(fitted.width).toBeLessThanOrEqual(450)
    expect(fitted.width).toBeGreaterThanOrEqual(400)
    expect(fitted.height).toBeLessThanOrEqual(150)
    // Nothing fits: 501, as oEmbed §2.2 says.
    expect((await oembed(`${ORIGIN}/en/putin-kim-pact`, '&maxwidth=100')).status).toBe(501)
    expect((await oembed(`${ORIGIN}/en/putin-kim-pact`, '&maxwidth=-5')).status).toBe(422)
  })

  it('answers 404 for unknown and foreign URLs and 501 for formats it does not offer, as the spec says', async () => {
    expect((await oembed(`${ORIGIN}/ko/no-such-article`)).status).toBe(404)
    expect((await oembed('https://elsewhere.example/ko/putin-kim-pact')).status).toBe(404)
    expect((await oembed('not a url')).status).toBe(404)
    expect((await oembed(`${ORIGIN}/ko/draft-election-preview`)).status).toBe(404)
    expect((await oembed(`${ORIGIN}/ko/putin-kim-pact`, '&format=xml')).status).toBe(501)
  })
})

describe('the link-preview inspector', () => {
  const issuesOf = async (path: string) => {
    const page = readPage(await (await get(path)).text())
    return Object.fromEntries(
      page
        .all('section.preview')
        .map((s) => [
          s.getAttribute('aria-label'),
          Array.from(s.querySelectorAll('.issues li')).map((li) => li.textContent ?? ''),
        ]),
    ) as Record<string, string[]>
  }

  it('draws every platform from the page’s own metadata and stays out of search', async () => {
    const res = await get('/preview/ko/putin-kim-pact')
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    const page = readPage(await res.text())
    expect(page.all('section.preview').map((s) => s.getAttribute('aria-label'))).toEqual([
      'KakaoTalk',
      'Facebook',
      'X',
      'Slack',
      'Discord',
      'LinkedIn',
    ])
    expect(page.all('.mock-title')[0]?.textContent).toBe(
      '푸틴 김정은 북·러 침략시 상호지원 협정에 동의',
    )
    expect(page.all('.mock img')[0]?.getAttribute('src')).toBe(
      'https://newsdao.kr/res/images/meta/newsdao_breakingnews.jpg',
    )
    expect(page.meta('robots')).toBe('noindex')
  })

  it('sets the mock-ups in the article’s language, so Korean titles keep their words whole, and dates as the reader writes them', async () => {
    const ko = readPage(await (await get('/preview/ko/putin-kim-pact')).text())
    expect(ko.all('.previews')[0]?.getAttribute('lang')).toBe('ko')
    expect(ko.all('.layouts')[0]?.textContent).toContain('2024년 10월')
    expect(ko.all('.layouts')[0]?.textContent).not.toContain('2024-10')
    const en = readPage(await (await get('/preview/en/putin-kim-pact')).text())
    expect(en.all('.layouts')[0]?.textContent).toContain('October 2024')
  })

  it('flags a title too long for LinkedIn, and cuts the mock there; X’s large card shows no title', async () => {
    const issues = await issuesOf('/preview/en/too-long')
    expect(issues.LinkedIn!.join()).toMatch(/title is 85 characters; LinkedIn .* at most 70/)
    expect(issues.X!.join()).not.toMatch(/title/)
    expect(issues.Facebook!.join()).not.toMatch(/title/)
    const page = readPage(await (await get('/preview/en/too-long')).text())
    const title = page.all('.preview-linkedin .mock-title')[0]?.textContent ?? ''
    expect(title.length).toBeLessThanOrEqual(70)
    expect(title.endsWith('…')).toBe(true)
  })

  it('shows no missing-image warning where the generated share card stands in', async () => {
    const issues = await issuesOf('/preview/en/no-image')
    for (const platform of ['KakaoTalk', 'Facebook', 'X', 'Slack', 'Discord', 'LinkedIn'])
      expect(issues[platform]!.join()).not.toMatch(/no og:image|no width\/height/i)
  })

  it('shows the generated share card in every mock-up of an article without an image, and it loads', async () => {
    // content/en/no-front-matter-extras.html: a title and nothing else. Its card's version is the
    // source's SHA-256, worked out here from the file itself.
    const source = CONTENT.find((f) => f.key === 'en/no-front-matter-extras')!
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(source.text))
    const version = [...new Uint8Array(digest)]
      .map((b) => b.toString(16).padStart(2, '0'))
      .join('')
      .slice(0, 12)
    const card = `${ORIGIN}/og/en/no-front-matter-extras.${version}.png`
    const page = readPage(await (await get('/preview/en/no-front-matter-extras')).text())
    const mocks = page.all('section.preview')
    expect(mocks.map((s) => s.getAttribute('aria-label'))).toEqual([
      'KakaoTalk',
      'Facebook',
      'X',
      'Slack',
      'Discord',
      'LinkedIn',
    ])
    for (const mock of mocks) {
      const images = Array.from(mock.querySelectorAll('.mock img'))
      expect(
        images.map((img) => img.getAttribute('src')),
        mock.getAttribute('aria-label')!,
      ).toEqual([card])
      expect(mock.querySelector('.no-image'), mock.getAttribute('aria-label')!).toBeNull()
    }
    // What the mock-ups show is a real 1200×630 PNG, drawn by the card Worker.
    const res = await get(card.slice(ORIGIN.length))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('image/png')
    const img = decode(await res.arrayBuffer())
    expect([img.width, img.height]).toEqual([1200, 630])
    expect(inked(img, TITLE_BOX)).toBeGreaterThan(10_000)
  })

  it('under the development server, judges the site’s own share card as the deployed site will serve it', async () => {
    // npm start serves on 127.0.0.1 without BASE_URL: crawlers cannot reach that address, but the
    // card's URL will be the deployed site's, so it is no problem the publisher has to fix.
    const res = await exports.default.fetch('http://127.0.0.1:8787/preview/en/no-image')
    const page = readPage(await res.text())
    const codes = page.all('section.preview .issues li').map((li) => li.getAttribute('data-code'))
    expect(codes).not.toContain('IMAGE_UNREACHABLE')
    expect(codes).not.toContain('IMAGE_NOT_HTTPS')
    // The mock-ups still show the card this server draws.
    const thumbs = page.all('section.preview img').map((img) => img.getAttribute('src'))
    expect(thumbs.length).toBeGreaterThan(0)
    for (const src of thumbs) expect(src).toMatch(/^http:\/\/127\.0\.0\.1:8787\/og\/en\/no-image\./)
  })

  it('flags a relative image URL and an image without dimensions', async () => {
    const issues = await issuesOf('/preview/en/relative-image')
    expect(issues.Facebook!.join()).toMatch(/relative URL \(\/images\/local\.jpg\)/)
    expect(issues.Facebook!.join()).toMatch(/no width\/height/)
  })

  it('flags an image too small for Facebook and X', async () => {
    const issues = await issuesOf('/preview/en/tiny-image')
    expect(issues.Facebook!.join()).toMatch(/Problem.*100×100; Facebook needs at least 200×200/)
    expect(issues.X!.join()).toMatch(/large card needs at least 300×157/)
  })
})

describe('the inspector’s verdicts, language and raw tags', () => {
  const page = async (path: string) => readPage(await (await get(path)).text())
  const verdicts = (p: Awaited<ReturnType<typeof page>>) =>
    Object.fromEntries(
      p
        .all('table.verdicts tr')
        .map((tr) => [
          tr.querySelector('th')?.textContent ?? '',
          tr.getAttribute('data-verdict') ?? '',
        ]),
    )

  it('opens with one verdict per platform and for the page itself, before any mock-up', async () => {
    const html = await (await get('/preview/en/too-long')).text()
    expect(html.indexOf('class="verdicts"')).toBeGreaterThan(0)
    expect(html.indexOf('class="verdicts"')).toBeLessThan(html.indexOf('class="mock'))
    expect(verdicts(readPage(html))).toEqual({
      'This page in a browser': 'error', // img.example is not in IMAGE_HOSTS
      KakaoTalk: 'ok',
      Facebook: 'ok',
      X: 'ok',
      Slack: 'ok',
      Discord: 'ok', // its title is cut, which the mock-up shows as a note
      LinkedIn: 'warning',
    })
  })

  it('flags images the page’s CSP blocks, hero and body alike, with what to add to IMAGE_HOSTS', async () => {
    const p = await page('/preview/ko/foreign-image')
    expect(verdicts(p)['브라우저에서 이 페이지']).toBe('error')
    const texts = p.all('.page-check li').map((li) => li.textContent ?? '')
    expect(texts).toHaveLength(2)
    expect(texts[0]).toMatch(
      /https:\/\/elsewhere\.example\/a\.jpg.*IMAGE_HOSTS.*https:\/\/elsewhere\.example/,
    )
    expect(texts[1]).toMatch(/elsewhere\.example\/b\.jpg/)
    // The sample content's images are all on allowed hosts.
    expect(verdicts(await page('/preview/ko/putin-kim-pact'))['브라우저에서 이 페이지']).toBe('ok')
  })

  it('speaks the page’s language, check messages included', async () => {
    const p = await page('/preview/ko/putin-kim-pact')
    const issues = p.all('.issues li').map((li) => li.textContent ?? '')
    expect(issues.length).toBeGreaterThan(0)
    for (const text of issues) {
      expect(text).toMatch(/\p{Script=Hangul}/u)
      expect(text).not.toMatch(/\b(the|has|is|no) /)
    }
    const ja = await page('/preview/ja/putin-kim-pact')
    expect(
      ja
        .all('.issues li')
        .map((li) => li.textContent)
        .join(),
    ).toMatch(/Discord は約67バイト/)
  })

  it('warns about a main image without alt text although og:image:alt carries the title', async () => {
    const p = await page('/preview/en/tiny-image')
    expect(p.all('[data-code="IMAGE_NO_ALT"]')[0]?.textContent).toMatch(/no alt text/)
  })

  it('draws X’s large card as the image and its domain, with no title or description', async () => {
    const p = await page('/preview/en/too-long')
    const x = p.all('.preview-x .mock')[0]!
    expect(x.querySelector('.overlay')?.textContent).toBe('embed.example')
    expect(x.querySelector('.mock-description')).toBeNull()
    expect(x.querySelector('.mock-title')).toBeNull()
  })

  it('lists the raw tags a crawler reads', async () => {
    const p = await page('/preview/ko/putin-kim-pact')
    const rows = Object.fromEntries(
      p
        .all('.raw-tags tr')
        .map(
          (tr) =>
            [
              tr.querySelector('th')?.textContent ?? '',
              tr.querySelector('td')?.textContent,
            ] as const,
        ),
    )
    expect(rows['og:image']).toBe('https://newsdao.kr/res/images/meta/newsdao_breakingnews.jpg')
    expect(rows['twitter:card']).toBe('summary_large_image')
    expect(rows['og:image:alt']).toBe('implanttips 속보')
  })

  it('never shows a failed thumbnail’s alt text: mock-up images are decorative', async () => {
    const p = await page('/preview/ko/putin-kim-pact')
    const images = p.all('.mock img')
    expect(images).toHaveLength(6)
    for (const img of images) expect(img.getAttribute('alt')).toBe('')
  })
})
