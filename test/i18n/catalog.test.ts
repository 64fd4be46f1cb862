import { describe, expect, it } from 'vitest'
import { fill, formatDate, formatDateTime, messages, plural } from '../../src/i18n'
import { en } from '../../src/i18n/messages/en'
import { ja } from '../../src/i18n/messages/ja'
import { ko } from '../../src/i18n/messages/ko'

/** Every leaf path of a catalog, e.g. `errors.SLUG_INVALID.title`. */
const leaves = (value: unknown, prefix = ''): string[] =>
  typeof value === 'object' && value !== null
    ? Object.entries(value).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k))
    : [prefix]

describe('the message catalogs', () => {
  it('all have the same keys, and no empty string', () => {
    // Plural forms differ by language (English has `one`, Korean and Japanese only `other`).
    const keys = (catalog: object) =>
      leaves(catalog)
        .map((path) => path.replace(/^readingTime\..*/, 'readingTime'))
        .filter((p, i, all) => all.indexOf(p) === i)
        .sort()
    for (const catalog of [ko, ja]) expect(keys(catalog)).toEqual(keys(en))
    for (const catalog of [ko, en, ja]) expect(catalog.readingTime.other).toContain('{n}')
    for (const catalog of [ko, en, ja]) {
      for (const path of leaves(catalog)) {
        const value = path
          .split('.')
          .reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], catalog)
        expect(String(value).trim(), path).not.toBe('')
      }
    }
  })

  it('are written in their own script', () => {
    expect(ko.errors.ARTICLE_NOT_FOUND.title).toMatch(/\p{Script=Hangul}/u)
    expect(ja.errors.ARTICLE_NOT_FOUND.title).toMatch(
      /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u,
    )
  })

  it('fall back through the base language to English', () => {
    expect(messages('ko-KR')).toBe(ko)
    expect(messages('fr')).toBe(en)
  })
})

describe('dates, plurals and placeholders in each language', () => {
  it('formats dates in the site’s time zone, in each language', () => {
    // 15:30 UTC on June 19 is already June 20 in Seoul, and still June 19 in New York.
    expect(formatDate('2024-06-19T15:30:00Z', 'ko', 'Asia/Seoul')).toBe('2024년 6월 20일')
    expect(formatDate('2024-06-19T15:30:00Z', 'ja', 'Asia/Seoul')).toBe('2024年6月20日')
    expect(formatDate('2024-06-19T15:30:00Z', 'en', 'Asia/Seoul')).toBe('June 20, 2024')
    expect(formatDate('2024-06-19T15:30:00Z', 'en', 'America/New_York')).toBe('June 19, 2024')
    expect(formatDateTime('2024-06-19T05:00:00Z', 'ko', 'Asia/Seoul')).toMatch(
      /^2024년 6월 19일 오후 2:00$/,
    )
  })

  it('picks the plural form each language uses, and writes the number its way', () => {
    const items = { one: '{n} item', other: '{n} items' }
    expect(plural(items, 1, 'en')).toBe('1 item')
    expect(plural(items, 2, 'en')).toBe('2 items')
    expect(plural(items, 0, 'en')).toBe('0 items')
    // Korean and Japanese have one form: `one` is never chosen, even for 1.
    expect(plural(items, 1, 'ko')).toBe('1 items')
    expect(plural(items, 1, 'ja')).toBe('1 items')
    expect(plural(ko.readingTime, 1200, 'ko')).toBe('1,200분 읽기')
    expect(plural(en.readingTime, 1, 'en')).toBe('1 min read')
  })

  it('fills placeholders by name and leaves unknown ones visible', () => {
    expect(fill(ko.search.none, { q: '협정' })).toBe('“협정”에 대한 검색 결과가 없습니다.')
    expect(fill('{a} and {b}', { a: 1 })).toBe('1 and {b}')
  })
})
