/**
 * Text measured and cut the way each script needs: never inside a Hangul syllable, a combining
 * sequence or an emoji, and at a word boundary where the language has words (Korean spaces its
 * words too; Japanese and Chinese get Intl's dictionary word breaks).
 */
const segmenters = new Map<string, { words: Intl.Segmenter; graphemes: Intl.Segmenter }>()

function segmentersFor(lang: string) {
  let s = segmenters.get(lang)
  if (!s) {
    s = {
      words: new Intl.Segmenter(lang, { granularity: 'word' }),
      graphemes: new Intl.Segmenter(lang, { granularity: 'grapheme' }),
    }
    segmenters.set(lang, s)
  }
  return s
}

export const ELLIPSIS = '…'

/** Cuts `text` to at most `max` user-perceived characters including the ellipsis. */
export function truncate(text: string, max: number, lang: string): string {
  const { words, graphemes } = segmentersFor(lang)
  const all = Array.from(graphemes.segment(text), (s) => s.segment)
  if (all.length <= max) return text
  const budget = max - 1
  // The last word boundary that fits; graphemes only when one word is longer than the budget.
  let cut = 0
  let count = 0
  for (const { segment, index } of words.segment(text)) {
    const size = Array.from(graphemes.segment(segment)).length
    if (count + size > budget) break
    count += size
    cut = index + segment.length
  }
  const kept = cut > budget / 2 ? text.slice(0, cut) : all.slice(0, budget).join('')
  return kept.replace(/[\s\p{P}]+$/u, '') + ELLIPSIS
}

/** Grapheme count, the length a reader sees. */
export function length(text: string, lang = 'en'): number {
  return Array.from(segmentersFor(lang).graphemes.segment(text)).length
}
