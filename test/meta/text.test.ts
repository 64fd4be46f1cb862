import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ELLIPSIS, length, truncate } from '../../src/meta/text'

const graphemes = (s: string) =>
  Array.from(new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(s), (g) => g.segment)

describe('truncate', () => {
  it('leaves short text alone', () => {
    expect(truncate('짧은 글', 160, 'ko')).toBe('짧은 글')
  })

  it('cuts Korean between words', () => {
    expect(truncate('북한과 러시아가 체결한 포괄적 전략 동반자 협정', 12, 'ko')).toBe(
      '북한과 러시아가…',
    )
  })

  it('cuts Japanese at a word boundary, without spaces', () => {
    const cut = truncate('東京の地下鉄は世界で最も複雑な路線網の一つです', 10, 'ja')
    expect(cut.endsWith(ELLIPSIS)).toBe(true)
    expect(length(cut)).toBeLessThanOrEqual(10)
  })

  it('never splits an emoji, a flag or a combining sequence', () => {
    const family = '👨‍👩‍👧‍👦'
    const text = `${family}${family}${family}🇰🇷🇰🇷é\u0301é\u0301`
    for (let max = 2; max < 7; max++) {
      // the text has 7 graphemes
      const cut = truncate(text, max, 'ko')
      const kept = graphemes(cut.slice(0, -1))
      expect(graphemes(text).slice(0, kept.length)).toEqual(kept)
    }
  })

  it('never splits a Hangul syllable written as conjoining jamo', () => {
    const jamo = '한글'.normalize('NFD').repeat(20) // each syllable is 2–3 code points
    const cut = truncate(jamo, 7, 'ko')
    expect(cut.slice(0, -1).normalize('NFC')).toBe('한글한글한글')
  })

  it('property: the result is a grapheme prefix of the input, within the limit, ending in an ellipsis when cut', () => {
    const unit = fc.constantFrom(
      '한',
      '글',
      ' ',
      'a',
      'b',
      '東',
      'ひ',
      '👍🏽',
      '🇯🇵',
      'e\u0301',
      '\u1112\u1161\u11ab',
      '.',
      ',',
    )
    fc.assert(
      fc.property(
        fc.array(unit, { maxLength: 80 }),
        fc.integer({ min: 2, max: 60 }),
        fc.constantFrom('ko', 'en', 'ja'),
        (units, max, lang) => {
          const text = units.join('')
          const cut = truncate(text, max, lang)
          if (graphemes(text).length <= max) return cut === text
          const kept = graphemes(cut.slice(0, -ELLIPSIS.length))
          return (
            cut.endsWith(ELLIPSIS) &&
            graphemes(cut).length <= max &&
            kept.every((g, i) => graphemes(text)[i] === g)
          )
        },
      ),
      { numRuns: 2000 },
    )
  })
})
