import { Parser } from 'htmlparser2'

/**
 * The shape of an HTML body, counted by one pass of htmlparser2 — the very parser and tree rules
 * linkedom builds its DOM from — with a handler that only counts, and that stops at the first
 * limit passed. Run before linkedom: htmlparser2 keeps its open elements with unshift/shift, so
 * parsing a deeply nested body is quadratic (4 MB of `<b>` takes minutes); stopping at maxDepth
 * bounds this pass to O(bytes × maxDepth) and lets linkedom see only shallow bodies.
 */
export interface ShapeLimits {
  maxDepth: number
  maxElements: number
  maxNodes: number
  maxAttributesPerElement: number
  maxAttributeBytes: number
}

export interface ShapeViolation {
  limit: keyof ShapeLimits
  /** The value that passed the limit (a depth, a count, a length). */
  value: number
  /** Offset in the HTML where it happened. */
  offset: number
  tag: string
}

class Stop extends Error {}

export function htmlShape(html: string, limits: ShapeLimits): ShapeViolation | undefined {
  let depth = 0
  let elements = 0
  let nodes = 0
  let attributes = 0
  let violation: ShapeViolation | undefined
  const stop = (limit: keyof ShapeLimits, value: number, tag: string) => {
    violation = { limit, value, offset: parser.startIndex, tag }
    throw new Stop()
  }
  const parser: Parser = new Parser(
    {
      onopentagname(name) {
        attributes = 0
        if (++elements > limits.maxElements) stop('maxElements', elements, name)
        if (++nodes > limits.maxNodes) stop('maxNodes', nodes, name)
        if (++depth > limits.maxDepth) stop('maxDepth', depth, name)
      },
      onattribute(name, value) {
        if (++attributes > limits.maxAttributesPerElement)
          stop('maxAttributesPerElement', attributes, name)
        if (value.length > limits.maxAttributeBytes) stop('maxAttributeBytes', value.length, name)
      },
      onclosetag() {
        depth--
      },
      ontext() {
        if (++nodes > limits.maxNodes) stop('maxNodes', nodes, '#text')
      },
      oncomment() {
        if (++nodes > limits.maxNodes) stop('maxNodes', nodes, '#comment')
      },
    },
    // linkedom's options (linkedom/esm/shared/parse-from-string.js)
    { lowerCaseAttributeNames: false, decodeEntities: true, xmlMode: false },
  )
  try {
    parser.end(html)
  } catch (error) {
    if (!(error instanceof Stop)) throw error
  }
  return violation
}
