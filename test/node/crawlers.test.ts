/**
 * The seed article as the crawlers see it: served by a real `wrangler dev` from content pushed by
 * content:push, parsed by open-graph-scraper (the parser many link-preview services use) and by the
 * rules the chat apps document (docs/link-previews.md): metadata early, absolute URLs, Korean intact.
 */
import { HtmlValidate } from 'html-validate'
import ogs from 'open-graph-scraper'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import type { RunningWorker } from '../../scripts/lib/dev-worker'
import { startNpmStart } from './helpers/npm-start'
import { decode, inked, TITLE_BOX } from '../../og/test/png'

const CRAWLERS = {
  KakaoTalk: 'facebookexternalhit/1.1; kakaotalk-scrap/1.0; +https://devtalk.kakao.com/',
  Facebook: 'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
  X: 'Twitterbot/1.0',
  Naver: 'Mozilla/5.0 (compatible; Yeti/1.1; +https://naver.me/spd)',
  Slack: 'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)',
  Discord: 'Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)',
  LinkedIn: 'LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)',
  Telegram: 'TelegramBot (like TwitterBot)',
}

let worker: RunningWorker
beforeAll(async () => {
  // The README's command itself, development tools on: what a publisher shares from first.
  worker = await startNpmStart()
}, 180_000)
afterAll(() => worker?.stop())

describe('the seed article for social crawlers', () => {
  it.each(Object.entries(CRAWLERS))(
    '%s gets a 200 page with all metadata in the first 32 KB',
    async (_name, userAgent) => {
      const res = await worker.get('/ko/putin-kim-pact', { headers: { 'user-agent': userAgent } })
      expect(res.status).toBe(200)
      const bytes = new Uint8Array(await res.arrayBuffer())
      const head = new TextDecoder().decode(bytes.slice(0, 32 * 1024))
      for (const tag of [
        'og:title',
        'og:description',
        'og:image',
        'og:url',
        'twitter:card',
        'application/ld+json',
      ])
        expect(head).toContain(tag)
      expect(head).toContain('</head>')
    },
  )

  it('parses with open-graph-scraper into a complete Korean preview', async () => {
    const html = await (
      await worker.get('/ko/putin-kim-pact', { headers: { 'user-agent': CRAWLERS.Facebook } })
    ).text()
    const { error, result } = await ogs({ html })
    expect(error).toBe(false)
    expect(result.ogTitle).toBe('푸틴 김정은 북·러 침략시 상호지원 협정에 동의')
    expect(result.ogType).toBe('article')
    expect(result.ogLocale).toBe('ko_KR')
    expect(result.ogSiteName).toBe('Edge Press')
    expect(result.ogUrl).toBe(`${worker.origin}/ko/putin-kim-pact`)
    expect(result.ogDescription).toMatch(/^김정은과 푸틴, 북한 국무위원장과 러시아 대통령이/)
    expect(result.ogDescription!.endsWith('…')).toBe(true)
    expect(result.ogImage?.[0]?.url).toMatch(/^https:\/\/.+\.(jpe?g|png|webp)/i)
    expect(result.ogImage?.[0]?.alt).toBe('implanttips 속보')
    expect(result.twitterCard).toBe('summary_large_image')
    expect(result.twitterTitle).toBe(result.ogTitle)
    expect(result.articlePublishedTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+09:00$/)
    expect(result.articleSection).toBe('News')
    const ld = result.jsonLD?.[0] as Record<string, unknown>
    expect(ld['@type']).toBe('NewsArticle')
    expect(ld.headline).toBe(result.ogTitle)
    expect(ld.inLanguage).toBe('ko')
  })

  it('reads the generated share card of an article without an image, and the card is a PNG', async () => {
    const html = await (
      await worker.get('/en/no-front-matter-extras', {
        headers: { 'user-agent': CRAWLERS.Facebook },
      })
    ).text()
    const { error, result } = await ogs({ html })
    expect(error).toBe(false)
    // The URL carries the source's version: its SHA-256, as pushed from content/.
    const source = await readFile('content/en/no-front-matter-extras.html')
    const version = createHash('sha256').update(source).digest('hex').slice(0, 12)
    const card = `${worker.origin}/og/en/no-front-matter-extras.${version}.png`
    expect(result.ogImage).toEqual([
      expect.objectContaining({ url: card, type: 'image/png', width: '1200', height: '630' }),
    ])
    expect(result.ogImage?.[0]?.alt).toBe(result.ogTitle)
    expect(result.twitterCard).toBe('summary_large_image')
    expect(result.twitterImage?.[0]?.url).toBe(card)
    // Fetched as a crawler fetches images: through both Workers of the dev server.
    const res = await worker.get(card.slice(worker.origin.length), {
      headers: { 'user-agent': CRAWLERS.Facebook },
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('image/png')
    const img = decode(new Uint8Array(await res.arrayBuffer()))
    expect([img.width, img.height]).toEqual([1200, 630])
    expect(inked(img, TITLE_BOX)).toBeGreaterThan(5_000)
  })

  it('serves the JSON API and every article in content/ from the real dev server', async () => {
    const api = await worker.get('/api/articles/ko/putin-kim-pact')
    expect(api.status).toBe(200)
    expect(((await api.json()) as { title: string }).title).toBe(
      '푸틴 김정은 북·러 침략시 상호지원 협정에 동의',
    )
    for (const path of [
      '/en/putin-kim-pact',
      '/ja/putin-kim-pact',
      '/ko/seoul-heatwave',
      '/ja/tokyo-transit-guide',
      `/ko/${encodeURIComponent('kimchi-recipe')}`,
    ]) {
      expect((await worker.get(path)).status, path).toBe(200)
    }
    expect((await worker.get('/ko/draft-election-preview')).status).toBe(404)
  })
})

describe('the HTML', () => {
  // html-validate's recommended rules, less two matters of taste: `<meta/>` (Hono JSX writes it) and inline styles (the author's colours).
  const validator = new HtmlValidate({
    extends: ['html-validate:recommended'],
    rules: { 'void-style': 'off', 'no-inline-style': 'off' },
  })

  it.each([
    '/ko/putin-kim-pact',
    '/ja/putin-kim-pact',
    '/en/markdown-showcase',
    '/ko/',
    '/en/',
    '/preview/ko/putin-kim-pact',
    '/ko/no-such-page',
  ])('of %s passes html-validate', async (path) => {
    const html = await (await worker.get(path)).text()
    const report = await validator.validateString(html)
    expect(
      report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`)),
    ).toEqual([])
  })
})
