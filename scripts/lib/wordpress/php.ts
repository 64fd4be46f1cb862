/**
 * PHP's serialize() format, read only as far as WordPress post meta needs it
 * (`_wp_attachment_metadata`: width, height, file and the resized sizes). String lengths count
 * UTF-8 bytes, so the reader walks bytes. Anything it cannot read is `undefined`, never a throw:
 * a broken meta value must not stop an import.
 */
export type PhpValue = string | number | boolean | null | PhpArray
export interface PhpArray {
  [key: string]: PhpValue
}

export function unserialize(text: string): PhpValue | undefined {
  const bytes = Buffer.from(text, 'utf8')
  try {
    return read(bytes, { at: 0 })
  } catch {
    return undefined
  }
}

function read(bytes: Buffer, cursor: { at: number }): PhpValue {
  const type = String.fromCharCode(bytes[cursor.at]!)
  if (type === 'N') {
    cursor.at += 2
    return null
  }
  cursor.at += 2 // `x:`
  const until = (stop: number) => {
    const end = bytes.indexOf(stop, cursor.at)
    if (end < 0) throw new Error('truncated')
    const value = bytes.toString('latin1', cursor.at, end)
    cursor.at = end + 1
    return value
  }
  switch (type) {
    case 'i':
    case 'd':
      return Number(until(0x3b)) // ;
    case 'b':
      return until(0x3b) === '1'
    case 's': {
      const length = Number(until(0x3a)) // :
      const start = cursor.at + 1 // the opening quote
      const value = bytes.toString('utf8', start, start + length)
      cursor.at = start + length + 2 // closing quote and ;
      return value
    }
    case 'a': {
      const count = Number(until(0x3a))
      cursor.at += 1 // {
      const result: PhpArray = {}
      for (let i = 0; i < count; i++) {
        const key = read(bytes, cursor)
        if (typeof key === 'object' && key !== null) throw new Error('an array as a key')
        result[String(key)] = read(bytes, cursor)
      }
      cursor.at += 1 // }
      return result
    }
    default:
      throw new Error(`unsupported type ${type}`)
  }
}
