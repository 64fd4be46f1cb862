import { describe, expect, it } from 'vitest'
import { matchLanguage, preferenceOrder } from '../../src/i18n/negotiate'

const SITE = ['ko', 'en', 'ja']
const best = (choice: Parameters<typeof preferenceOrder>[0], supported = SITE) =>
  preferenceOrder(choice, supported, 'ko')[0]

describe('language negotiation', () => {
  it.each([
    ['no preference at all', {}, 'ko'],
    ['a plain Korean browser', { acceptLanguage: 'ko-KR,ko;q=0.9,en-US;q=0.8,en;q=0.7' }, 'ko'],
    ['an American browser', { acceptLanguage: 'en-US,en;q=0.9' }, 'en'],
    ['a British browser (regional fallback)', { acceptLanguage: 'en-GB' }, 'en'],
    ['a Japanese browser', { acceptLanguage: 'ja-JP' }, 'ja'],
    ['q-values out of order', { acceptLanguage: 'ko;q=0.2, ja;q=0.9, en;q=0.5' }, 'ja'],
    ['an unsupported first choice', { acceptLanguage: 'fr-FR, fr;q=0.9, en;q=0.8' }, 'en'],
    ['only unsupported languages', { acceptLanguage: 'de, fr' }, 'ko'],
    ['q=0 refuses a language', { acceptLanguage: 'en;q=0, ja;q=0.1' }, 'ja'],
    ['a wildcard', { acceptLanguage: '*' }, 'ko'],
    ['a garbage header', { acceptLanguage: ';;;,,q=abc' }, 'ko'],
    ['uppercase tags', { acceptLanguage: 'EN-us' }, 'en'],
    ['the cookie over the header', { cookie: 'ja', acceptLanguage: 'en-US' }, 'ja'],
    ['the query over the cookie', { query: 'en', cookie: 'ja', acceptLanguage: 'ko' }, 'en'],
    ['an unsupported query falls through', { query: 'xx', cookie: 'ja' }, 'ja'],
  ])('%s', (_name, choice, expected) => {
    expect(best(choice)).toBe(expected)
  })

  it('matches Chinese by script, not just by language', () => {
    const site = ['zh-Hans', 'zh-Hant', 'en']
    expect(matchLanguage('zh-Hant-TW', site)).toBe('zh-Hant')
    expect(matchLanguage('zh-TW', site)).toBe('zh-Hant')
    expect(matchLanguage('zh-HK', site)).toBe('zh-Hant')
    expect(matchLanguage('zh-CN', site)).toBe('zh-Hans')
    expect(matchLanguage('zh', site)).toBe('zh-Hans')
    expect(matchLanguage('zh-Hant-TW', ['zh', 'en'])).toBe('zh')
  })

  it('lists every site language once, best first, default next', () => {
    expect(preferenceOrder({ acceptLanguage: 'ja, en;q=0.5' }, SITE, 'ko')).toEqual([
      'ja',
      'en',
      'ko',
    ])
    expect(preferenceOrder({ acceptLanguage: 'en' }, SITE, 'ko')).toEqual(['en', 'ko', 'ja'])
  })
})
