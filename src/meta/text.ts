/**
 * Text measured and cut the way each script needs: never inside a Hangul syllable, a combining
 * sequence or an emoji, and at a word boundary where the language has words (Korean spaces its
 * words too; Japanese and Chinese get Intl's dictionary word breaks).
 */
import { segmenter } from '../i18n/intl'

const segmentersFor = (lang: string) => ({
  words: segmenter(lang, 'word'),
  graphemes: segmenter(lang, 'grapheme'),
})

/**
 * Text in which every code point is a grapheme of its own (no combining marks, joiners, variation
 * selectors, flags or conjoining jamo): most text, including precomposed Hangul. Such text is
 * counted by code points, which is far cheaper than asking Intl.Segmenter.
 */
const CLUSTERS =
  // eslint-disable-next-line no-misleading-character-class -- each mark, joiner, selector and modifier is meant on its own
  /[\p{M}\u200c\u200d\ufe00-\ufe0f\u{1f1e6}-\u{1f1ff}\u{1f3fb}-\u{1f3ff}\u{e0020}-\u{e007f}\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff\r]/u
const graphemesOf = (text: string, graphemes: Intl.Segmenter): string[] =>
  CLUSTERS.test(text) ? Array.from(graphemes.segment(text), (s) => s.segment) : Array.from(text)

export const ELLIPSIS = '…'

/** Cuts `text` to at most `max` user-perceived characters including the ellipsis. */
export function truncate(text: string, max: number, lang: string): string {
  const { words, graphemes } = segmentersFor(lang)
  // Only the head is segmented: a 1 MB first paragraph needs no more than its first `max`
  // graphemes (and Node 20's Intl.Segmenter copies its whole input for every segment).
  const head = text.length > max * 16 ? text.slice(0, max * 16) : text
  const all = graphemesOf(head, graphemes)
  if (head === text && all.length <= max) return text
  // A head cut inside a grapheme leaves a piece of it last: never keep that one.
  const budget = Math.min(max - 1, head === text ? all.length : all.length - 1)
  // The last word boundary that fits; graphemes only when one word is longer than the budget.
  const cut = WITHOUT_SPACES.test(lang)
    ? lastWordEnd(head, budget, { words, graphemes })
    : lastSpace(all, budget)
  const kept = cut > budget / 2 ? text.slice(0, cut) : all.slice(0, budget).join('')
  return kept.replace(/[\s\p{P}]+$/u, '') + ELLIPSIS
}

/** Languages written without spaces between words: their word breaks come from Intl's dictionaries. */
const WITHOUT_SPACES = /^(ja|zh|th|lo|km|my)(-|$)/i

/** Where the last whole word within `budget` graphemes ends, for text that spaces its words (Korean too). */
function lastSpace(graphemes: string[], budget: number): number {
  let offset = 0
  let cut = 0
  // A space at position i means the first i graphemes are whole words: i may be the budget itself.
  for (let i = 0; i <= budget && i < graphemes.length; i++) {
    const g = graphemes[i]!
    if (/^\s$/.test(g)) cut = offset
    offset += g.length
  }
  // The whole text fits up to the budget and ends there: that end is a boundary too.
  return graphemes.length <= budget ? offset : cut
}

/** The same, with the word boundaries of Intl.Segmenter (Japanese, Chinese, Thai…). */
function lastWordEnd(
  head: string,
  budget: number,
  { words, graphemes }: { words: Intl.Segmenter; graphemes: Intl.Segmenter },
): number {
  const simple = !CLUSTERS.test(head)
  let cut = 0
  let count = 0
  for (const { segment, index } of words.segment(head)) {
    const size = simple ? codePoints(segment) : Array.from(graphemes.segment(segment)).length
    if (count + size > budget) break
    count += size
    cut = index + segment.length
  }
  return cut
}

/** Grapheme count, the length a reader sees. */
export function length(text: string, lang = 'en'): number {
  return graphemesOf(text, segmentersFor(lang).graphemes).length
}

function codePoints(text: string): number {
  let n = text.length
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code >= 0xd800 && code <= 0xdbff) n--
  }
  return n
}
