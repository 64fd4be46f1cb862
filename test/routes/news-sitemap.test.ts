/**
 * The Google News sitemap, read against Google's documented format (Search Central, "News sitemap"):
 * a urlset in the sitemap 0.9 namespace with the news 0.9 namespace; each <url> has <loc> and
 * <news:news> with <news:publication> (<news:name>, <news:language> as an ISO 639 code),
 * <news:publication_date> (W3C datetime) and <news:title>; only articles from the last two days.
 */
import { XMLParser } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { publishSource } from '../helpers/content'
import { client } from '../helpers/request'

const site = client('https://news-sitemap.example')
const seoulIso = (ms: number) => `${new Date(ms + 9 * 3_600_000).toISOString().slice(0, 19)}+09:00`
const story = (title: string, at: number, lang = '') =>
  `---\ntitle: ${title}\ndate: ${seoulIso(at)}\n${lang ? `lang: ${lang}\n` : ''}---\n\n${title}.\n`

describe('/news-sitemap.xml', () => {
  it('lists the last 48 hours of articles in Google News format, and nothing older or scheduled', async () => {
    const hour = 3_600_000
    const now = Math.floor(Date.now() / 1000) * 1000
    await publishSource('ko/news-fresh', story('방금 들어온 <속보> & 소식', now - hour))
    await publishSource('en/news-fresh', story('Fresh news', now - 47 * hour))
    await publishSource('ja/news-old', story('古いニュース', now - 49 * hour))
    await publishSource('ko/news-later', story('예약 기사', now + 2 * hour))
    const res = await site.get('/news-sitemap.xml')
    expect(res.status).toBe(200)
    expect(res.header('content-type')).toMatch(/^application\/xml/)
    const xml = new XMLParser({ ignoreAttributes: false, parseTagValue: false }).parse(
      res.body,
    ) as {
      urlset: Record<string, unknown> & { url: Record<string, unknown>[] | Record<string, unknown> }
    }
    expect(xml.urlset['@_xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9')
    expect(xml.urlset['@_xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9')
    const urls = [xml.urlset.url].flat()
    expect(urls).toEqual([
      {
        loc: 'https://news-sitemap.example/ko/news-fresh',
        'news:news': {
          'news:publication': { 'news:name': 'Edge Press', 'news:language': 'ko' },
          'news:publication_date': seoulIso(now - hour),
          'news:title': '방금 들어온 <속보> & 소식',
        },
      },
      {
        loc: 'https://news-sitemap.example/en/news-fresh',
        'news:news': {
          'news:publication': { 'news:name': 'Edge Press', 'news:language': 'en' },
          'news:publication_date': seoulIso(now - 47 * hour),
          'news:title': 'Fresh news',
        },
      },
    ])
  })

  it('is named in robots.txt beside the sitemap, which lets Naver, Daum and the preview crawlers in by name', async () => {
    const text = (await site.get('/robots.txt')).body
    expect(text).toContain('Sitemap: https://news-sitemap.example/sitemap.xml\n')
    expect(text).toContain('Sitemap: https://news-sitemap.example/news-sitemap.xml\n')
    for (const agent of ['Yeti', 'Daumoa', 'kakaotalk-scrap', 'facebookexternalhit', 'Twitterbot'])
      expect(text).toMatch(new RegExp(`User-agent: ${agent}\\n(User-agent: .*\\n)*Allow: /\\n`))
    expect(text).toMatch(/User-agent: \*\nAllow: \//)
  })
})
