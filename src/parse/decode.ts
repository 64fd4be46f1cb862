import { ArticleError } from '../errors'

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
    throw new ArticleError(
      'SOURCE_INVALID',
      'the file is not valid UTF-8 (EUC-KR or Windows-1252?). Save it as UTF-8 and upload again.',
      { file },
      { cause },
    )
  }
  if (text.includes('\u0000')) {
    throw new ArticleError('SOURCE_INVALID', 'the file contains NUL bytes; is it a binary file?', { file })
  }
  return text.replace(/\r\n?/g, '\n')
}
