import { describe, expect, it } from 'vitest'
import { formatDate, messages, plural } from '../../src/i18n'
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

describe('Intl inside workerd', () => {
  it('formats dates in the site’s time zone, in each language', () => {
    // 15:30 UTC on June 19 is already June 20 in Seoul.
    expect(formatDate('2024-06-19T15:30:00Z', 'ko', 'Asia/Seoul')).toBe('2024년 6월 20일')
    expect(formatDate('2024-06-19T15:30:00Z', 'ja', 'Asia/Seoul')).toBe('2024年6月20日')
    expect(formatDate('2024-06-19T15:30:00Z', 'en', 'Asia/Seoul')).toBe('June 20, 2024')
  })

  it('chooses plural forms with Intl.PluralRules and formats numbers', () => {
    expect(plural(en.readingTime, 1, 'en')).toBe('1 min read')
    expect(plural(en.readingTime, 2, 'en')).toBe('2 min read')
    expect(plural(ko.readingTime, 1200, 'ko')).toBe('1,200분 읽기')
    expect(new Intl.PluralRules('ko').select(1)).toBe('other') // Korean has one form
  })

  it('segments Korean and Japanese words with real locale data', () => {
    const words = (text: string, lang: string) =>
      Array.from(new Intl.Segmenter(lang, { granularity: 'word' }).segment(text))
        .filter((s) => s.isWordLike)
        .map((s) => s.segment)
    expect(words('북·러 상호지원 협정', 'ko')).toEqual(['북', '러', '상호지원', '협정'])
    expect(words('東京の地下鉄は便利です', 'ja').length).toBeGreaterThan(3)
  })
})
