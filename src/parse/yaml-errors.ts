/**
 * yaml's syntax errors, placed where the author has to look and said as what to do. yaml reports an
 * unclosed quote or bracket where it gave up (often the end of the front matter); the node it was
 * reading still knows where it opened, so that is the place we name.
 */
import { isCollection, isMap, isScalar, visit, type Document, type YAMLError } from 'yaml'

export interface YamlProblem {
  message: string
  /** Offset in the YAML text the message is about. */
  offset: number
}

/** Where the quoted scalar or flow collection that `offset` fell inside starts, if any. */
function openedAt(doc: Document, offset: number): { offset: number; char: string } | undefined {
  let found: { offset: number; char: string } | undefined
  visit(doc, {
    Node(_key, node) {
      const range = node.range
      if (!range || range[0] >= offset || offset > range[2]) return
      // Visiting goes outside in, so the last match is the innermost.
      if (isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE'))
        found = { offset: range[0], char: node.type === 'QUOTE_DOUBLE' ? '"' : "'" }
      else if (isCollection(node) && node.flow)
        found = { offset: range[0], char: isMap(node) ? '{' : '[' }
    },
  })
  return found
}

const CLOSE: Record<string, string> = { '"': '"', "'": "'", '[': ']', '{': '}' }

export function explainYamlError(doc: Document, error: YAMLError): YamlProblem {
  const first = error.message.split('\n')[0] ?? error.message
  const at = error.pos[0]
  const unclosed = /quote|flow (sequence|mapping)|must .*end with/i.test(first)
    ? openedAt(doc, at)
    : undefined
  if (unclosed) {
    const close = CLOSE[unclosed.char]!
    const what = unclosed.char === '"' || unclosed.char === "'" ? 'quote' : 'bracket'
    return {
      offset: unclosed.offset,
      message: `invalid YAML: the ${what} ${unclosed.char} opened here is never closed; end the value with ${close} on this line (or remove the ${unclosed.char})`,
    }
  }
  if (error.code === 'TAB_AS_INDENT')
    return { offset: at, message: `invalid YAML: ${first}; indent with spaces` }
  return {
    offset: at,
    message: `invalid YAML: ${first}; check the indentation and punctuation here (a value containing ": " or " #" needs quotes)`,
  }
}
