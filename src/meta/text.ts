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
  // Only the head is segmented: a 1 MB first paragraph needs no more than its first `max`
  // graphemes (and Node 20's Intl.Segmenter copies its whole input for every segment).
  const head = text.length > max * 16 ? text.slice(0, max * 16) : text
  const all = Array.from(graphemes.segment(head), (s) => s.segment)
  if (head === text && all.length <= max) return text
  // A head cut inside a grapheme leaves a piece of it last: never keep that one.
  const budget = Math.min(max - 1, head === text ? all.length : all.length - 1)
  // The last word boundary that fits; graphemes only when one word is longer than the budget.
  let cut = 0
  let count = 0
  for (const { segment, index } of words.segment(head)) {
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
