// Title line breaking and sizing, done before satori so that the lines, the font size and the
// ellipsis are ours: satori then draws each line as given (white-space: nowrap).
//
// Break opportunities: spaces only for Korean and English (a Hangul word is never split);
// Intl.Segmenter word boundaries for Japanese, with punctuation glued to its word (kinsoku).
import type { CardLang } from './contract'
import { advance, type Family } from './fonts'

export type Lang = CardLang

interface Chunk {
  text: string
  /** Width in em, letter spacing included. */
  width: number
  /** Space between this chunk and the previous one ('' inside a word), dropped where a line breaks. */
  sep: string
}

export interface FitOptions {
  width: number
  maxLines: number
  /** Font sizes to try, largest first. */
  sizes: number[]
  /** Letter spacing in em. */
  letterSpacing: number
  families: readonly Family[]
}

export interface Fitted {
  fontSize: number
  lines: string[]
  truncated: boolean
}

// A line must not start with these (closing punctuation, small kana, iteration and length marks).
const NO_START = new Set([
  ...'、。，．,.・：；:;？！?!ー～〜…‥」』）)］]】〕〉》〙〗〟’”%％‰℃々ゝゞヽヾぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ',
])
// A line must not end with these (opening brackets and quotes).
const NO_END = new Set([...'「『（(［[【〔〈《〘〖〝‘“'])
// CJK fonts draw U+2026 centred, as Korean and Japanese expect; English wants it on the baseline.
const ELLIPSIS: Record<Lang, string> = { ko: '…', ja: '…', en: '...' }
const SPACES = /([ \u3000]+)/
const HIRAGANA = /^\p{scx=Hiragana}+$/u
const KANJI = /\p{sc=Han}/u
const DIGITS = /^[\d.,]+$/

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' })
const jaWords = new Intl.Segmenter('ja', { granularity: 'word' })

function emWidth(text: string, o: FitOptions): number {
  let w = 0
  for (const { segment } of graphemes.segment(text))
    w += advance(segment.codePointAt(0)!, o.families) + o.letterSpacing
  return w
}

/**
 * Unbreakable chunks of the title. Korean and English: the words between spaces. Japanese: the
 * Intl.Segmenter words, glued into phrases where a break would read badly: punctuation that may
 * not start or end a line, hiragana runs (particles, okurigana) to the word before them, a lone
 * kanji after a kanji word (suffixes: 投票|率, 小池|氏) and numbers to their unit (1|ドル).
 */
function chunks(title: string, lang: Lang, o: FitOptions): Chunk[] {
  const out: Chunk[] = []
  const parts = title.split(SPACES) // words at even indexes, the spaces between them at odd ones
  for (let w = 0; w < parts.length; w += 2) {
    const word = parts[w]!
    if (!word) continue
    const segs = lang === 'ja' ? [...jaWords.segment(word)].map((s) => s.segment) : [word]
    const glued: string[] = []
    for (const seg of segs) {
      const prev = glued.at(-1)
      const suffix = [...seg].length === 1 && KANJI.test(seg) && KANJI.test(prev?.at(-1) ?? '')
      if (
        prev !== undefined &&
        (NO_START.has(seg[0]!) ||
          NO_END.has(prev.at(-1)!) ||
          HIRAGANA.test(seg) ||
          DIGITS.test(prev) ||
          suffix)
      ) {
        glued[glued.length - 1] += seg
      } else glued.push(seg)
    }
    const sep = out.length ? (lang === 'ja' ? parts[w - 1]![0]! : ' ') : ''
    glued.forEach((text, i) => out.push({ text, width: emWidth(text, o), sep: i === 0 ? sep : '' }))
  }
  return out
}

/** Splits chunks wider than a line into graphemes: the only way such a word can be shown. */
function splitWide(list: Chunk[], maxEm: number, o: FitOptions): Chunk[] {
  return list.flatMap((c) =>
    c.width <= maxEm
      ? [c]
      : [...graphemes.segment(c.text)].map(({ segment }, i) => ({
          text: segment,
          width: emWidth(segment, o),
          sep: i === 0 ? c.sep : '',
        })),
  )
}

/** Greedy line filling; widths in em. */
function wrap(list: Chunk[], maxEm: number, sepEm: (c: Chunk) => number): Chunk[][] {
  const lines: Chunk[][] = []
  let line: Chunk[] = []
  let w = 0
  for (const c of list) {
    const add = (line.length ? sepEm(c) : 0) + c.width
    if (line.length && w + add > maxEm) {
      lines.push(line)
      line = [c]
      w = c.width
    } else {
      line.push(c)
      w += add
    }
  }
  if (line.length) lines.push(line)
  return lines
}

const text = (line: Chunk[]) => line.map((c, i) => (i ? c.sep : '') + c.text).join('')

/** The narrowest width that keeps the same number of lines: even lines, like text-wrap: balance. */
function balance(list: Chunk[], maxEm: number, spaceEm: (c: Chunk) => number): Chunk[][] {
  const n = wrap(list, maxEm, spaceEm).length
  if (n < 2) return wrap(list, maxEm, spaceEm)
  let lo = maxEm / n,
    hi = maxEm
  while (hi - lo > 0.05) {
    const mid = (lo + hi) / 2
    if (wrap(list, mid, spaceEm).length > n) lo = mid
    else hi = mid
  }
  return wrap(list, hi, spaceEm)
}

/** Largest size at which the title fits in maxLines; else the smallest size, cut with an ellipsis. */
export function fitTitle(title: string, lang: Lang, o: FitOptions): Fitted {
  const spaceEm = (c: Chunk) => (c.sep ? emWidth(c.sep, o) : 0)
  const all = chunks(title.trim(), lang, o)
  for (const fontSize of o.sizes) {
    const maxEm = o.width / fontSize
    const list = splitWide(all, maxEm, o)
    if (wrap(list, maxEm, spaceEm).length <= o.maxLines) {
      return { fontSize, lines: balance(list, maxEm, spaceEm).map(text), truncated: false }
    }
  }
  const fontSize = o.sizes.at(-1)!
  const maxEm = o.width / fontSize
  const list = splitWide(all, maxEm, o)
  const lines = wrap(list, maxEm, spaceEm).slice(0, o.maxLines)
  // Last line: the whole chunks that fit before the ellipsis (words are not cut, even here), unless
  // not even one fits: then as many graphemes of it as fit.
  const last = lines.pop()!
  const room = maxEm - emWidth(ELLIPSIS[lang], o)
  const used = (l: Chunk[]) => l.reduce((w, c, i) => w + (i ? spaceEm(c) : 0) + c.width, 0)
  const keep: Chunk[] = []
  for (const c of last) {
    if (used([...keep, c]) > room) break
    keep.push(c)
  }
  if (!keep.length) {
    for (const { segment } of graphemes.segment(last[0]!.text)) {
      const piece = { text: segment, width: emWidth(segment, o), sep: '' }
      if (used([...keep, piece]) > room) break
      keep.push(piece)
    }
  }
  const cut = text(keep).replace(/[\s,.、。，·・:;…-]+$/u, '')
  return { fontSize, lines: [...lines.map(text), cut + ELLIPSIS[lang]], truncated: true }
}
