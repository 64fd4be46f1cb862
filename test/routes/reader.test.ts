/**
 * What a reader sees around an article: honest dates, the news page's parts (standfirst, byline,
 * caption, contents only when long, the footer's neighbours), one address per page, and a 404
 * that offers somewhere to go.
 */
import { describe, expect, it } from 'vitest'
import { publishSource } from '../helpers/content'
import { readPage } from '../helpers/html'
import { client } from '../helpers/request'

let n = 0
const site = () => client(`https://reader-${++n}.example`)
const page = async (path: string) => readPage((await site().get(path)).body)

const article = (front: string, body = '<p>본문입니다.</p>') =>
  `---\ntitle: 제목\n${front}\n---\n${body}\n`

describe('dates', () => {
  it('are the first upload for an undated file, with its time of day, and nothing is "updated"', async () => {
    await publishSource('ko/undated', article(''), 'ko/undated.md', '2024-06-19T01:30:00.000Z')
    const p = await page('/ko/undated')
    expect(p.meta('article:published_time')).toBe('2024-06-19T10:30:00+09:00')
    expect(p.meta('article:modified_time')).toBeUndefined()
    expect(p.jsonLd()!.dateModified).toBeUndefined()
    const byline = p.all('.byline')[0]!.textContent!
    expect(byline).toContain('2024년 6월 19일 오전 10:30')
    expect(byline).not.toContain('수정')
  })

  it('stay put when the same file is uploaded again or renamed', async () => {
    const text = article('date: 2024-06-19 14:00:00 +0900')
    await publishSource('ko/same', text, 'ko/same.md', '2024-06-20T00:00:00.000Z')
    await publishSource('ko/same', text, 'ko/same.md', '2024-07-01T00:00:00.000Z')
    await publishSource('ko/same', text, 'ko/2024-06-19-same.md', '2024-07-02T00:00:00.000Z')
    const p = await page('/ko/same')
    expect(p.meta('article:published_time')).toBe('2024-06-19T14:00:00+09:00')
    expect(p.meta('article:modified_time')).toBeUndefined()
  })

  it('say "updated" when a new version with different content arrives after publication', async () => {
    await publishSource(
      'ko/edited',
      article('date: 2024-06-19'),
      'ko/edited.md',
      '2024-06-19T03:00:00.000Z',
    )
    await publishSource(
      'ko/edited',
      article('date: 2024-06-19', '<p>정정된 본문입니다.</p>'),
      'ko/edited.md',
      '2024-06-21T06:15:00.000Z',
    )
    const p = await page('/ko/edited')
    expect(p.meta('article:modified_time')).toBe('2024-06-21T15:15:00+09:00')
    expect(p.jsonLd()!.dateModified).toBe('2024-06-21T15:15:00+09:00')
    const byline = p.all('.byline')[0]!.textContent!
    // A day-only date shows no invented time; the update shows when it happened.
    expect(byline).toMatch(/입력 2024년 6월 19일(?! 오)/)
    expect(byline).toContain('수정 2024년 6월 21일 오후 3:15')
    const sitemap = (await site().get('/sitemap.xml')).body
    expect(sitemap).toMatch(/ko\/edited<\/loc>\s*<lastmod>2024-06-21T15:15:00\+09:00<\/lastmod>/)
  })

  it('take the file name date before the upload, and a later last_modified_at only', async () => {
    await publishSource(
      'ko/named',
      article('last_modified_at: 2024-05-01'),
      'ko/2024-06-19-named.md',
      '2026-11-26T00:00:00.000Z',
    )
    const p = await page('/ko/named')
    expect(p.meta('article:published_time')).toBe('2024-06-19T00:00:00+09:00')
    // Earlier than publication: not an update.
    expect(p.meta('article:modified_time')).toBeUndefined()
    const feed = (await site().get('/ko/feed.xml')).body
    expect(feed).toMatch(/ko\/named"[\s\S]*?<updated>2024-06-19T00:00:00\+09:00<\/updated>/)
  })
})

describe('an article page', () => {
  const long = Array.from(
    { length: 4 },
    (_, i) =>
      `<h2>${i + 1}장</h2>\n${'<p>긴 기사의 문단입니다. '.repeat(1) + '내용이 이어집니다. '.repeat(60)}</p>\n<h3>${i + 1}.1 세부</h3><p>세부 내용.</p>`,
  ).join('\n')

  it('has a standfirst, a linked author, a captioned picture, and its tags in the head', async () => {
    await publishSource(
      'ko/full',
      article(
        [
          'date: 2024-06-19 09:05:00 +0900',
          'excerpt: 요약 문단입니다.',
          'author: { name: 김기자, url: "https://news.example/authors/kim" }',
          'categories: [정치]',
          'tags: [외교, 안보]',
          'image: { url: "https://images.example.com/a.jpg", width: 1200, height: 800, alt: 서명식, caption: 서명식 장면, credit: 연합 }',
        ].join('\n'),
      ),
    )
    const p = await page('/ko/full')
    expect(p.all('.story header .standfirst')[0]?.textContent).toBe('요약 문단입니다.')
    const author = p.all('.byline a[rel="author"]')[0]!
    expect(author.textContent).toBe('김기자')
    expect(author.getAttribute('href')).toBe('https://news.example/authors/kim')
    expect(p.all('.hero figcaption')[0]?.textContent).toContain('서명식 장면')
    expect(p.all('.hero .credit')[0]?.textContent).toContain('연합')
    // The frame keeps the picture's shape even if it never loads.
    expect(p.all('.hero .media')[0]?.getAttribute('style')).toBe('aspect-ratio:1200/800')
    expect(p.metas('article:tag')).toEqual(['외교', '안보'])
    expect(p.meta('article:author')).toBe('https://news.example/authors/kim')
  })

  it('keeps the standfirst to about three lines: a longer excerpt opens the body in body type', async () => {
    const longExcerpt =
      '김정은과 푸틴이 새로운 협정에 서명하며 군사 분야 협력을 추진하는 등 새로운 수준의 관계를 강조했다. '.repeat(
        2,
      )
    await publishSource('ko/long-excerpt', article(`excerpt: ${longExcerpt}`))
    const p = await page('/ko/long-excerpt')
    expect(p.all('.story header .standfirst')).toHaveLength(0)
    expect(p.all('.story .lede')[0]?.textContent).toBe(longExcerpt.trim())
    await publishSource('ko/short-excerpt', article('excerpt: 세 줄을 넘지 않는 짧은 요약입니다.'))
    const q = await page('/ko/short-excerpt')
    expect(q.all('.story header .standfirst')[0]?.textContent).toBe(
      '세 줄을 넘지 않는 짧은 요약입니다.',
    )
    expect(q.all('.story .lede')).toHaveLength(0)
  })

  it('shows its main picture once: the body’s copy of the hero goes, wherever it stands alone', async () => {
    const body = [
      '<p>첫 문단입니다.</p>',
      '<p><img src="https://images.example.com/hero.jpg" alt="도심의 시민들"></p>',
      '<p>둘째 문단에 <img src="https://images.example.com/inline.jpg" alt="작은 그림"> 이 있습니다.</p>',
    ].join('\n')
    await publishSource('ko/hero-once', article('date: 2024-06-19', body))
    const p = await page('/ko/hero-once')
    expect(p.all('.hero img')[0]?.getAttribute('src')).toBe('https://images.example.com/hero.jpg')
    expect(p.all('.hero img')[0]?.getAttribute('alt')).toBe('도심의 시민들')
    expect(p.all('.body img').map((img) => img.getAttribute('src'))).toEqual([
      'https://images.example.com/inline.jpg',
    ])
  })

  it('lists its contents only when long, numbered by level', async () => {
    await publishSource('ko/long', article('date: 2024-06-19', long))
    const p = await page('/ko/long')
    expect(p.all('.toc > ol > li')).toHaveLength(4)
    expect(p.all('.toc > ol > li > ol > li')).toHaveLength(4)
    await publishSource(
      'ko/short',
      article(
        'date: 2024-06-19',
        '<h2>가</h2><p>짧다.</p><h2>나</h2><p>짧다.</p><h2>다</h2><p>짧다.</p>',
      ),
    )
    expect((await page('/ko/short')).all('.toc')).toHaveLength(0)
  })

  it('ends with the previous and next article and related ones from its section', async () => {
    for (const [slug, day] of [
      ['s1', '01'],
      ['s2', '02'],
      ['s3', '03'],
      ['s4', '04'],
    ] as const)
      await publishSource(
        `ja/${slug}`,
        `---\ntitle: 記事${slug}\ndate: 2026-01-${day}\ncategories: [経済]\n---\n<p>本文。</p>\n`,
      )
    const p = await page('/ja/s3')
    expect(p.all('.prev-next a[rel="prev"]')[0]?.getAttribute('href')).toBe('/ja/s2')
    expect(p.all('.prev-next a[rel="next"]')[0]?.getAttribute('href')).toBe('/ja/s4')
    // The rest of 経済, newest first, and a link to the section.
    expect(p.all('.related .card h3 a').map((a) => a.getAttribute('href'))).toEqual([
      '/ja/s4',
      '/ja/s2',
      '/ja/s1',
    ])
    expect(p.all('.related .more a')[0]?.textContent).toBe('経済の記事をもっと読む')
  })

  it('and every other page carry the site footer and the language links in the header', async () => {
    for (const path of [
      '/ko/full',
      '/ko/',
      '/ko/category/정치',
      '/ko/search?q=기사',
      '/ko/nothing',
    ]) {
      const p = await page(path)
      expect(p.all('footer.site a').length, path).toBeGreaterThanOrEqual(3)
      expect(p.all('header.site nav.langs [aria-current="page"]')[0]?.textContent, path).toBe(
        '한국어',
      )
    }
  })
})

describe('addresses', () => {
  it('with a trailing slash or a language in capitals redirect to the one canonical address', async () => {
    await publishSource('ko/canon', article('date: 2024-06-19'))
    const s = site()
    for (const [from, to] of [
      ['/ko/canon/', '/ko/canon'],
      ['/KO/canon', '/ko/canon'],
      ['/Ko/canon/?utm_source=x', '/ko/canon?utm_source=x'],
      ['/ko/category/News/', '/ko/category/News'],
      ['/KO/', '/ko/'],
    ]) {
      const res = await s.get(from!)
      expect(res.status, from).toBe(301)
      expect(res.header('location'), from).toBe(to)
    }
    expect((await s.get('/ko/canon')).status).toBe(200)
  })
})

describe('a missing page', () => {
  it('offers the newest articles and a search box', async () => {
    await publishSource('en/fresh', '---\ntitle: Fresh news\ndate: 2026-01-01\n---\n<p>New.</p>\n')
    const res = await site().get('/en/no-such-story')
    expect(res.status).toBe(404)
    const p = readPage(res.body)
    expect(p.all('form.search[action="/en/search"]')).toHaveLength(1)
    expect(p.all('.latest li a')[0]?.textContent).toBe('Fresh news')
  })
})
