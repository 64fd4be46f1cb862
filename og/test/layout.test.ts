// Line breaking and font subset selection, inside workerd (its ICU drives Intl.Segmenter here).
import { describe, expect, it } from 'vitest'
import { fit, TITLE } from '../src/card'
import { fontFiles } from '../src/fonts'
import { EN, JA, LONG_KO, SHORT_KO } from './titles'

describe('fit', () => {
  it('breaks Korean only between words', () => {
    for (const title of [
      SHORT_KO,
      '대통령실 "의대 증원 규모 조정 없다"…전공의 복귀 촉구',
      '서울 아파트값 15주 연속 상승 전세가율은 하락세',
    ]) {
      const f = fit({ title, lang: 'ko' })
      expect(f.truncated).toBe(false)
      expect(f.lines.join(' ')).toBe(title)
      expect(f.lines.length).toBeLessThanOrEqual(TITLE.maxLines)
    }
  })

  it('uses the largest size that fits in three lines', () => {
    expect(fit({ title: '짧은 제목', lang: 'ko' })).toMatchObject({
      fontSize: 64,
      lines: ['짧은 제목'],
    })
    const long = fit({ title: LONG_KO, lang: 'ko' })
    expect(long).toMatchObject({ fontSize: TITLE.sizes.at(-1), truncated: true })
    expect(long.lines).toHaveLength(3)
    expect(long.lines[2]).toMatch(/[^\s,]…$/)
    // Whole words only, even in the last line.
    const words = new Set(LONG_KO.split(' '))
    for (const w of long.lines.join(' ').replace(/…$/, '').split(' ').slice(0, -1))
      expect(words.has(w)).toBe(true)
  })

  it('breaks Japanese at Intl.Segmenter word boundaries, keeping punctuation and particles attached', () => {
    const f = fit({ title: JA, lang: 'ja' })
    expect(f.lines).toHaveLength(3)
    for (const line of f.lines) expect(line[0]).not.toMatch(/[、。」）ーがをはにへ%]/)
    const bounds = new Set(
      [...new Intl.Segmenter('ja', { granularity: 'word' }).segment(JA.replace(/\u3000/g, ''))].map(
        (s) => s.index,
      ),
    )
    let at = 0
    for (const line of f.lines.slice(0, -1))
      expect(bounds.has((at += line.replace(/\u3000/g, '').length))).toBe(true)
  })

  it('puts an English ellipsis on the baseline', () => {
    expect(fit({ title: EN, lang: 'en' }).lines.at(-1)).toMatch(/\w\.\.\.$/)
  })
})

describe('fontFiles', () => {
  it('maps characters to the @fontsource subsets that contain them', () => {
    expect(fontFiles('Edge 2026', ['kr', 'jp'], 400)).toEqual(['fonts/kr-latin-400.woff'])
    const ko = fontFiles('가나다라마바사', ['kr', 'jp'], 700)
    expect(ko.length).toBeGreaterThan(0)
    expect(ko.every((f) => /^fonts\/kr-\d+-700\.woff$/.test(f))).toBe(true)
    expect(fontFiles('ひらがな', ['jp', 'kr'], 700).every((f) => f.startsWith('fonts/jp-'))).toBe(
      true,
    )
    // Kana in a Korean title falls back to the Japanese family.
    expect(fontFiles('の', ['kr', 'jp'], 700)[0]).toMatch(/^fonts\/(kr|jp)-/)
  })
})
