/**
 * Minutes to read, by script. Korean, Japanese and Chinese are read by characters (no reliable
 * word count): about 500 characters a minute; space-separated languages at 230 words a minute.
 */
export const CHARACTERS_PER_MINUTE = 500
export const WORDS_PER_MINUTE = 230

const CJK = /[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu
const WORD = /[\p{L}\p{N}]+/gu

export function readingMinutes(text: string): number {
  // Counted without building an array of every character: a 1 MB article stays cheap.
  const cjk = countMatches(text, CJK)
  const words = countMatches(text.replace(CJK, ' '), WORD)
  return Math.max(1, Math.round(cjk / CHARACTERS_PER_MINUTE + words / WORDS_PER_MINUTE))
}

function countMatches(text: string, pattern: RegExp): number {
  let count = 0
  for (const _ of text.matchAll(pattern)) count++
  return count
}
