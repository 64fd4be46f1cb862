/**
 * Corrections and the publisher's identity, read as schema.org and Google's Article documentation
 * describe them (schema.org/correction, schema.org/CorrectionComment, schema.org/correctionsPolicy,
 * Google's publisher.logo as an ImageObject with its size): the expected objects are written here
 * from those pages, not produced by the code under test.
 */
import { describe, expect, it } from 'vitest'
import { publishSource } from '../helpers/content'
import { readPage } from '../helpers/html'
import { client } from '../helpers/request'

const SETTINGS = {
  BASE_URL: 'https://newsroom.example',
  SITE_LOGO: '/logo.png',
  SITE_LOGO_WIDTH: '600',
  SITE_LOGO_HEIGHT: '60',
  CORRECTIONS_POLICY_URL: 'https://newsroom.example/ko/corrections-policy',
  GOOGLE_SITE_VERIFICATION: 'google-token_123',
  NAVER_SITE_VERIFICATION: 'naver0123abcd',
}
const site = client('https://newsroom.example', SETTINGS)
const plain = client('https://plain-newsroom.example')

const corrected = `---
title: 정정된 기사
date: 2024-06-19 14:00:00 +0900
categories: [뉴스]
corrections:
  - date: 2024-06-21 09:30:00 +0900
    text: 기사 초판에서 회담 장소를 잘못 적었습니다. 평양이 맞습니다.
  - date: 2024-06-20 08:00
    text: 사진 설명의 날짜를 바로잡았습니다.
---

본문입니다.
`

describe('corrections', () => {
  it('print dated notes, become CorrectionComments, and date the change everywhere', async () => {
    await publishSource('ko/corrected', corrected, 'ko/corrected.md', '2024-06-19T05:00:00.000Z')
    const html = (await site.get('/ko/corrected')).body
    const page = readPage(html)
    const notes = page.all('.corrections .correction').map((p) => p.textContent)
    expect(notes).toHaveLength(2)
    expect(notes[0]).toMatch(/^정정 2024년 6월 20일 오전 8:00 사진 설명/)
    expect(notes[1]).toMatch(/^정정 2024년 6월 21일 오전 9:30 기사 초판/)
    const ld = page.jsonLd() as unknown as Record<string, unknown>
    expect(ld['@type']).toBe('NewsArticle')
    expect(ld.correction).toEqual([
      {
        '@type': 'CorrectionComment',
        text: '사진 설명의 날짜를 바로잡았습니다.',
        datePublished: '2024-06-20T08:00:00+09:00',
      },
      {
        '@type': 'CorrectionComment',
        text: '기사 초판에서 회담 장소를 잘못 적었습니다. 평양이 맞습니다.',
        datePublished: '2024-06-21T09:30:00+09:00',
      },
    ])
    expect(ld.dateModified).toBe('2024-06-21T09:30:00+09:00')
    expect(page.meta('article:modified_time')).toBe('2024-06-21T09:30:00+09:00')
    const sitemap = (await site.get('/sitemap.xml')).body
    expect(sitemap).toMatch(
      /<loc>https:\/\/newsroom\.example\/ko\/corrected<\/loc>\s*<lastmod>2024-06-21T09:30:00\+09:00<\/lastmod>/,
    )
    const feed = (await site.get('/ko/feed.xml')).body
    expect(feed).toMatch(
      /<id>https:\/\/newsroom\.example\/ko\/corrected<\/id>[\s\S]*?<updated>2024-06-21T09:30:00\+09:00<\/updated>/,
    )
  })

  it('name the line of a correction without a date', async () => {
    const res = await client('https://newsroom.example', {
      ADMIN_TOKEN: 'tok-0123456789abcdef',
    }).call('/admin/articles/ko/bad-correction', {
      method: 'PUT',
      body: '---\ntitle: x\ncorrections:\n  - text: 날짜 없음\n---\n\n본문\n',
      headers: { authorization: 'Bearer tok-0123456789abcdef', 'content-type': 'text/markdown' },
    })
    expect(res.status).toBe(422)
    expect(res.body).toMatch(/corrections\.0\.date|corrections\[0\]\.date/)
  })
})

describe('the author', () => {
  it('is a Person with url and sameAs', async () => {
    await publishSource(
      'ko/by-person',
      `---\ntitle: 기명 기사\ndate: 2024-06-01\nauthor:\n  name: 김기자\n  url: https://newsroom.example/about/kim\n  sameAs: [https://x.com/kimreporter, https://www.linkedin.com/in/kim]\n---\n\n본문.\n`,
      'ko/by-person.md',
    )
    const ld = readPage((await site.get('/ko/by-person')).body).jsonLd()!
    expect(ld.author).toEqual([
      {
        '@type': 'Person',
        name: '김기자',
        url: 'https://newsroom.example/about/kim',
        sameAs: ['https://x.com/kimreporter', 'https://www.linkedin.com/in/kim'],
      },
    ])
  })
})

describe('the publisher', () => {
  it('has a logo ImageObject with its size and a corrections policy in NewsArticle', async () => {
    await publishSource('ko/with-logo', corrected, 'ko/with-logo.md')
    const ld = readPage((await site.get('/ko/with-logo')).body).jsonLd() as unknown as Record<
      string,
      unknown
    >
    expect(ld.publisher).toEqual({
      '@type': 'Organization',
      name: 'Edge Press',
      url: 'https://newsroom.example/ko/',
      logo: {
        '@type': 'ImageObject',
        url: 'https://newsroom.example/logo.png',
        width: 600,
        height: 60,
      },
      correctionsPolicy: 'https://newsroom.example/ko/corrections-policy',
    })
  })

  it('is an Organization on the home page, with the icon and both verification metas in every head', async () => {
    const home = readPage((await site.get('/ko/')).body)
    expect(home.jsonLd()).toEqual({
      '@context': 'https://schema.org',
      '@type': 'Organization',
      name: 'Edge Press',
      url: 'https://newsroom.example/ko/',
      logo: {
        '@type': 'ImageObject',
        url: 'https://newsroom.example/logo.png',
        width: 600,
        height: 60,
      },
      correctionsPolicy: 'https://newsroom.example/ko/corrections-policy',
    })
    const article = readPage((await site.get('/ko/with-logo')).body)
    for (const p of [home, article]) {
      expect(p.meta('google-site-verification')).toBe('google-token_123')
      expect(p.meta('naver-site-verification')).toBe('naver0123abcd')
      expect(p.link('icon')).toBe('https://newsroom.example/logo.png')
      expect(p.link('apple-touch-icon')).toBe('https://newsroom.example/logo.png')
    }
    // Without the settings: none of it.
    const bare = readPage((await plain.get('/ko/')).body)
    expect(bare.meta('google-site-verification')).toBeUndefined()
    expect(bare.link('apple-touch-icon')).toBeUndefined()
  })
})
