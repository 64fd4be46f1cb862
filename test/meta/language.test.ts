import { describe, expect, it } from 'vitest'
import { detectLanguage, ogLocale } from '../../src/meta/language'
import { readingMinutes } from '../../src/meta/reading-time'

describe('language', () => {
  it.each([
    ['북한과 러시아가 체결한 협정 (NewsDAO)', 'ko'],
    ['東京の地下鉄は複雑です', 'ja'],
    ['北京是中国的首都', 'zh'],
    ['The quick brown fox', 'en'],
    ['12345 !!!', undefined],
  ])('detects %s as %s', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang)
  })

  it('maps languages to Open Graph locales', () => {
    expect(ogLocale('ko')).toBe('ko_KR')
    expect(ogLocale('en')).toBe('en_US')
    expect(ogLocale('ja')).toBe('ja_JP')
    expect(ogLocale('en-GB')).toBe('en_GB')
  })
})

describe('reading time', () => {
  it('counts Korean by characters and English by words', () => {
    expect(readingMinutes('가'.repeat(1500))).toBe(3)
    expect(readingMinutes('word '.repeat(690))).toBe(3)
    expect(readingMinutes('짧다')).toBe(1)
  })
})
