import { describe, expect, it } from 'vitest'
import { cacheKey, changeTags, keysOfTag, tagsOf, type Cached } from '../../src/cache/tags'

/** Workers Cache's rule for a tag (docs/caching.md), written out here rather than imported. */
const validTag = (tag: string) => tag.length <= 1024 && /^[!-~]+$/.test(tag) && !tag.includes(',')

describe('cache keys (the in-Worker cache)', () => {
  it('are the same for every spelling of one page and differ by variant and origin', () => {
    const page = (slug: string, variant: 'html' | 'json' = 'html'): Cached => ({
      kind: 'article',
      variant,
      lang: 'ko',
      slug,
    })
    const key = cacheKey('https://a.example', page('북러-협정'))
    // The slug as the router decodes each spelling of the address: %EA vs %ea.
    for (const spelling of [
      '%EB%B6%81%EB%9F%AC-%ED%98%91%EC%A0%95',
      '%eb%b6%81%eb%9f%ac-%ed%98%91%ec%a0%95',
    ])
      expect(cacheKey('https://a.example', page(decodeURIComponent(spelling)))).toBe(key)
    expect(key).toMatch(
      /^https:\/\/a\.example\/__cache\/html\/ko\/%EB%B6%81%EB%9F%AC-%ED%98%91%EC%A0%95\?r=/,
    )
    expect(cacheKey('https://a.example', page('북러-협정', 'json'))).not.toBe(key)
    expect(cacheKey('https://b.example', page('북러-협정'))).not.toBe(key)
  })
})

describe('cache tags', () => {
  it('are ones Workers Cache accepts, for any slug or label', () => {
    const long = '😀'.repeat(100) // 100 characters, 1,200 when percent-encoded
    const tags = [
      ...tagsOf({ kind: 'article', variant: 'html', lang: 'ko', slug: '북러-협정' }),
      ...tagsOf({ kind: 'listing', lang: 'ko', page: 1, label: { kind: 'tag', key: long } }),
      ...changeTags({
        key: 'ko/북러-협정',
        indexes: ['ko'],
        labels: [{ lang: 'ko', kind: 'category', key: 'a,b c' }],
      }),
    ]
    for (const tag of tags) expect(validTag(tag), tag).toBe(true)
  })

  it('of a long label are the same on the page and in the purge', () => {
    const key = 'ㄱ'.repeat(400)
    const [onPage] = tagsOf({
      kind: 'listing',
      lang: 'ko',
      page: 3,
      label: { kind: 'category', key },
    })
    expect(
      changeTags({ key: 'ko/x', indexes: [], labels: [{ lang: 'ko', kind: 'category', key }] }),
    ).toContain(onPage)
  })

  it('of a change name the article in every language, and only the listings it is in', () => {
    const tags = changeTags({
      key: 'ko/pact',
      indexes: ['ko'],
      labels: [{ lang: 'ko', kind: 'tag', key: 'summit' }],
    })
    const cards = tagsOf({ kind: 'oembed', lang: 'ko', slug: 'pact', width: 560, height: 200 })
    const english = tagsOf({ kind: 'article', variant: 'html', lang: 'en', slug: 'pact' })
    const other = tagsOf({ kind: 'article', variant: 'html', lang: 'ko', slug: 'other' })
    const otherTag = tagsOf({
      kind: 'listing',
      lang: 'ko',
      page: 1,
      label: { kind: 'tag', key: 'economy' },
    })
    const englishHome = tagsOf({ kind: 'listing', lang: 'en', page: 1 })
    const touches = (shown: string[]) => shown.some((t) => tags.includes(t))
    expect(touches(cards)).toBe(true)
    expect(touches(english)).toBe(true)
    expect(touches(other)).toBe(false)
    expect(touches(otherTag)).toBe(false)
    expect(touches(englishHome)).toBe(false)
  })
})

describe('the in-Worker fallback of a purge', () => {
  it('finds every cached variant and card size of an article from its tag', () => {
    const origin = 'https://a.example'
    const keys = keysOfTag(origin, 'a:ko/%EB%B6%81', { languages: ['ko', 'en'] })
    expect(keys).toContain(
      cacheKey(origin, { kind: 'article', variant: 'json', lang: 'ko', slug: '북' }),
    )
    expect(keys).toContain(
      cacheKey(origin, { kind: 'oembed', lang: 'ko', slug: '북', width: 240, height: 120 }),
    )
    const everyLanguage = keysOfTag(origin, 's:%EB%B6%81', { languages: ['ko', 'en'] })
    expect(everyLanguage).toContain(
      cacheKey(origin, { kind: 'article', variant: 'html', lang: 'en', slug: '북' }),
    )
  })

  it('finds a section page, cached under its key, from any spelling’s category tag', () => {
    const origin = 'https://a.example'
    const section = (key: string) =>
      cacheKey(origin, { kind: 'listing', lang: 'ko', page: 1, label: { kind: 'category', key } })
    // An article filed under 뉴스 purges the 뉴스 listing and the news section's page.
    const keys = keysOfTag(
      origin,
      tagsOf({
        kind: 'listing',
        lang: 'ko',
        page: 1,
        label: { kind: 'category', key: '뉴스' },
      })[0]!,
      { languages: ['ko'], sectionOf: (name) => (name === '뉴스' ? 'news' : undefined) },
    )
    expect(keys).toContain(section('news'))
    expect(keys).toContain(section('뉴스'))
    // And the section page's own tags name every spelling.
    expect(
      tagsOf({
        kind: 'listing',
        lang: 'ko',
        page: 1,
        label: { kind: 'category', key: 'news' },
        also: ['news', '뉴스'],
      }),
    ).toEqual(['c:ko/news', 'c:ko/%EB%89%B4%EC%8A%A4'])
  })
})
