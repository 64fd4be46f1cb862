import { AppError } from '../errors'

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false })

/**
 * Bytes → text: strict UTF-8 (a BOM is dropped), CRLF and CR become LF.
 * Anything else — EUC-KR or Windows-1252 from an old editor — is refused rather than shown as mojibake.
 */
export function decodeSource(bytes: ArrayBuffer | Uint8Array, file: string): string {
  let text: string
  try {
    text = utf8.decode(bytes)
  } catch (cause) {
    throw new AppError(
      'SOURCE_INVALID',
      `the file is not valid UTF-8; it ${guessEncoding(bytes)}. Save it as UTF-8 and upload again.`,
      { file, line: firstBadLine(bytes) },
      { cause },
    )
  }
  const nul = text.indexOf('\u0000')
  if (nul >= 0) {
    throw new AppError('SOURCE_INVALID', 'the file contains NUL bytes; is it a binary file?', {
      file,
      line: lineOf(text, nul),
    })
  }
  return text.replace(/\r\n?/g, '\n')
}

const lineOf = (text: string, index: number) => text.slice(0, index).split('\n').length

/** The line of the first byte that is not UTF-8, so an editor can jump to it. */
function firstBadLine(bytes: ArrayBuffer | Uint8Array): number {
  const text = new TextDecoder('utf-8').decode(bytes)
  return lineOf(text, Math.max(0, text.indexOf('\ufffd')))
}

/** Which legacy encoding the bytes read as cleanly: Korean and Japanese editors still produce these. */
function guessEncoding(bytes: ArrayBuffer | Uint8Array): string {
  const reads = (encoding: string, letters: RegExp) => {
    try {
      const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes)
      return (text.match(letters)?.length ?? 0) > 0
    } catch {
      return false
    }
  }
  // Classic EUC-KR keeps both bytes of a character in A1–FE; Shift_JIS lead bytes start at 81.
  if (isClassicEucKr(bytes) && reads('euc-kr', /\p{Script=Hangul}/gu))
    return 'looks like EUC-KR (Korean)'
  if (reads('shift_jis', /[\p{Script=Hiragana}\p{Script=Katakana}]/gu))
    return 'looks like Shift_JIS (Japanese)'
  if (reads('euc-kr', /\p{Script=Hangul}/gu)) return 'looks like EUC-KR/CP949 (Korean)'
  return 'looks like Windows-1252 or another legacy encoding'
}

function isClassicEucKr(bytes: ArrayBuffer | Uint8Array): boolean {
  const b = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)
  for (let i = 0; i < b.length; i++) {
    if (b[i]! < 0x80) continue
    if (b[i]! < 0xa1 || (b[i + 1] ?? 0) < 0xa1) return false
    i++
  }
  return true
}
