/**
 * Minutes to read, by script. Korean, Japanese and Chinese are read by characters (no reliable
 * word count): about 500 characters a minute; space-separated languages at 230 words a minute.
 */
export const CHARACTERS_PER_MINUTE = 500
export const WORDS_PER_MINUTE = 230

const CJK = /[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u
const WORD_CHAR = /[\p{L}\p{N}]/u

/**
 * One pass over the text, no allocation per character or word: ASCII is decided by its code, Hangul
 * syllables and common CJK by their ranges, and only the rest is asked of a regular expression.
 */
export function readingMinutes(text: string): number {
  let cjk = 0
  let words = 0
  let inWord = false
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    let kind: 'cjk' | 'word' | 'other'
    if (code < 0x80)
      kind =
        (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122) ? 'word' : 'other'
    else if (
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0x4e00 && code <= 0x9fff) ||
      (code >= 0x3041 && code <= 0x3096) ||
      (code >= 0x30a1 && code <= 0x30fa)
    )
      kind = 'cjk'
    else {
      const pair = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length
      const char = pair ? text.slice(i, i + 2) : text[i]!
      if (pair) i++
      kind = CJK.test(char) ? 'cjk' : WORD_CHAR.test(char) ? 'word' : 'other'
    }
    if (kind === 'cjk') cjk++
    if (kind === 'word' && !inWord) words++
    inWord = kind === 'word'
  }
  return Math.max(1, Math.round(cjk / CHARACTERS_PER_MINUTE + words / WORDS_PER_MINUTE))
}
