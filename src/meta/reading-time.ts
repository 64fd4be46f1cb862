/**
 * Minutes to read, by script. Korean, Japanese and Chinese are read by characters (no reliable
 * word count): about 500 characters a minute; space-separated languages at 230 words a minute.
 */
export const CHARACTERS_PER_MINUTE = 500
export const WORDS_PER_MINUTE = 230

export function readingMinutes(text: string): number {
  const cjk = text.match(/[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu)?.length ?? 0
  const words = text.replace(/[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+/gu, ' ').match(/[\p{L}\p{N}]+/gu)?.length ?? 0
  return Math.max(1, Math.round(cjk / CHARACTERS_PER_MINUTE + words / WORDS_PER_MINUTE))
}
