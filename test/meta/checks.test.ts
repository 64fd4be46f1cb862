import { describe, expect, it } from 'vitest'
import { previewChecks } from '../../src/meta/checks'
import type { MetaTag } from '../../src/meta/open-graph'

const og = (property: string, content: string): MetaTag => ({ property, content })
const GOOD: MetaTag[] = [
  og('og:title', '짧은 제목'),
  og('og:description', '설명입니다.'),
  og('og:url', 'https://news.example/ko/a'),
  og('og:image', 'https://img.example/a.jpg'),
  og('og:image:width', '1200'),
  og('og:image:height', '630'),
  og('og:image:alt', '사진'),
  { name: 'twitter:card', content: 'summary_large_image' },
]
const without = (key: string) => GOOD.filter((t) => ('property' in t ? t.property : t.name) !== key)
const replace = (key: string, content: string) =>
  GOOD.map((t) => (('property' in t ? t.property : t.name) === key ? { ...t, content } : t))

describe('link-preview checks', () => {
  it('find nothing wrong with complete, well-sized metadata', () => {
    expect(previewChecks(GOOD)).toEqual([])
  })

  it('flag a missing image on every platform (SHARE_IMAGES = "off")', () => {
    const issues = previewChecks(
      GOOD.filter((t) => !('property' in t && t.property.startsWith('og:image'))),
    )
    expect(issues.find((i) => /no og:image/.test(i.message))?.platforms).toHaveLength(6)
  })

  it('count Discord’s limit in UTF-8 bytes: 23 Hangul syllables are too many, 22 are not', () => {
    expect(previewChecks(replace('og:title', '가'.repeat(22)))).toEqual([])
    expect(previewChecks(replace('og:title', '가'.repeat(23)))[0]).toMatchObject({
      platforms: ['Discord'],
      level: 'warning',
    })
  })

  it('count X’s limit in characters a reader sees, so an emoji family is one', () => {
    expect(
      previewChecks(replace('og:title', '👨‍👩‍👧‍👦'.repeat(20))).some((i) => i.platforms.includes('X')),
    ).toBe(false)
  })

  it('refuse an image crawlers cannot reach', () => {
    expect(
      previewChecks(replace('og:image', 'http://localhost:8787/a.jpg'))
        .map((i) => i.message)
        .join(),
    ).toMatch(/crawlers cannot reach/)
    expect(previewChecks(replace('og:image', '/a.jpg'))[0]).toMatchObject({
      level: 'error',
      message: 'og:image is not an absolute URL: /a.jpg',
    })
  })

  it('warn about a missing alt text, a small card type, SVG and WebP', () => {
    expect(previewChecks(without('og:image:alt')).map((i) => i.message)).toEqual([
      'the image has no alt text (image.alt)',
    ])
    expect(previewChecks(replace('twitter:card', 'summary'))[0]?.platforms).toEqual([
      'X',
      'Discord',
    ])
    expect(
      previewChecks(replace('og:image', 'https://img.example/a.svg')).some(
        (i) => i.level === 'error',
      ),
    ).toBe(true)
    expect(previewChecks(replace('og:image', 'https://img.example/a.webp'))[0]?.platforms).toEqual([
      'KakaoTalk',
    ])
  })
})
