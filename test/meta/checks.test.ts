import { describe, expect, it } from 'vitest'
import { pageChecks, previewChecks } from '../../src/meta/checks'
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
    expect(issues.find((i) => i.code === 'IMAGE_MISSING')?.platforms).toHaveLength(6)
  })

  it('count Discord’s limit in UTF-8 bytes: 23 Hangul syllables are too many, 22 are not', () => {
    expect(previewChecks(replace('og:title', '가'.repeat(22)))).toEqual([])
    expect(previewChecks(replace('og:title', '가'.repeat(23)))[0]).toMatchObject({
      platforms: ['Discord'],
      level: 'note',
    })
  })

  it('count X’s limit in characters a reader sees, so an emoji family is one', () => {
    expect(
      previewChecks(replace('og:title', '👨‍👩‍👧‍👦'.repeat(20))).some((i) => i.platforms.includes('X')),
    ).toBe(false)
  })

  it('refuse an image crawlers cannot reach', () => {
    expect(
      previewChecks(replace('og:image', 'http://localhost:8787/a.jpg')).map((i) => i.code),
    ).toContain('IMAGE_UNREACHABLE')
    expect(previewChecks(replace('og:image', '/a.jpg'))[0]).toMatchObject({
      level: 'error',
      code: 'IMAGE_NOT_ABSOLUTE',
      values: { url: '/a.jpg' },
    })
  })

  it('warn about a missing alt text, a small card type, SVG and WebP', () => {
    expect(previewChecks(without('og:image:alt')).map((i) => i.code)).toEqual(['IMAGE_NO_ALT'])
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

  it('warn when the main image has no alt text of its own, though og:image:alt carries the title', () => {
    // The page writes the title into og:image:alt when the source has no alt: the tags look complete.
    expect(previewChecks(GOOD, { imageAlt: '' }).map((i) => i.code)).toEqual(['IMAGE_NO_ALT'])
    expect(previewChecks(GOOD, { imageAlt: '사진' })).toEqual([])
  })

  it('do not judge X by a description it no longer shows', () => {
    expect(previewChecks(replace('og:description', 'a'.repeat(250)))).toEqual([])
  })
})

describe('images under the page’s CSP', () => {
  const page = {
    origin: 'https://news.example',
    imageHosts: ['https://images.example.com', 'https://*.cdn.example'],
  }
  it('pass the site’s own images, IMAGE_HOSTS origins and wildcard subdomains', () => {
    expect(
      pageChecks(
        [
          'https://news.example/a.jpg',
          '/relative.jpg',
          'https://images.example.com/x/y.png',
          'https://a.cdn.example/z.jpg',
          'data:image/png;base64,AAAA',
        ],
        page,
      ),
    ).toEqual([])
  })

  it('flag each image a browser would block, with the origin to add', () => {
    expect(
      pageChecks(
        [
          'https://elsewhere.example/a.jpg',
          'https://elsewhere.example/a.jpg',
          'http://images.example.com/b.jpg',
          'https://cdn.example/apex-is-not-a-subdomain.jpg',
        ],
        page,
      ),
    ).toEqual([
      {
        code: 'IMAGE_HOST_BLOCKED',
        level: 'error',
        platforms: [],
        values: { url: 'https://elsewhere.example/a.jpg', origin: 'https://elsewhere.example' },
      },
      {
        code: 'IMAGE_HOST_BLOCKED',
        level: 'error',
        platforms: [],
        values: { url: 'http://images.example.com/b.jpg', origin: 'http://images.example.com' },
      },
      {
        code: 'IMAGE_HOST_BLOCKED',
        level: 'error',
        platforms: [],
        values: {
          url: 'https://cdn.example/apex-is-not-a-subdomain.jpg',
          origin: 'https://cdn.example',
        },
      },
    ])
  })
})
