import MarkdownIt from 'markdown-it'
import type Token from 'markdown-it/lib/token.mjs'
import { parseHTML } from 'linkedom'
import { AppError } from '../errors'
import type { SourceFormat } from '../schema/article'
import type { DomDocument, DomElement } from './dom'
import { htmlShape, type ShapeLimits } from './html-shape'
import { LIMITS } from './limits'

/**
 * CommonMark + GFM tables and strikethrough, bare URLs linked; raw HTML passes through to the
 * sanitizer. markdown-it is linear on every pathological input we know of (marked was quadratic on
 * emphasis runs, tables and more), with a cost that grows with maxNesting on bracket runs, so the
 * nesting is kept low.
 */
const markdown = new MarkdownIt({
  html: true,
  linkify: true,
  typographer: false,
  breaks: false,
  // A real markdown-it option its type declarations leave out.
  ...{ maxNesting: LIMITS.markdownNesting + 2 },
})

export function bodyToHtml(
  body: string,
  format: SourceFormat,
  {
    file = '',
    firstLine = 1,
  }: {
    /** The source file, named in errors. */
    file?: string
    /** The file line the body starts on, so errors name the file's line. */
    firstLine?: number
  } = {},
): string {
  if (format !== 'md') return body
  const deepQuote = deepQuoteAt(body, LIMITS.markdownQuoteDepth)
  if (deepQuote >= 0) {
    throw new AppError(
      'SOURCE_INVALID',
      `block quotes are nested more than ${LIMITS.markdownQuoteDepth} deep`,
      { file, line: firstLine + countLines(body, deepQuote) },
    )
  }
  const env = {}
  const tokens = markdown.parse(body, env)
  // Past maxNesting markdown-it drops the rest of a block silently: refuse before it comes to that.
  const deepest = deepestToken(tokens)
  if (deepest && deepest.level > LIMITS.markdownNesting) {
    const line = deepest.map ? firstLine + deepest.map[0] : undefined
    throw new AppError(
      'SOURCE_INVALID',
      `the Markdown is nested more than ${LIMITS.markdownNesting} levels deep (quotes, lists)`,
      { file, line },
    )
  }
  return markdown.renderer.render(tokens, markdown.options, env)
}

/** The first line opened by more than `max` `>` markers (list markers and spaces between them allowed). */
function deepQuoteAt(body: string, max: number): number {
  const n = body.length
  for (let i = 0; i < n;) {
    const start = i
    let depth = 0
    for (;;) {
      const c = body.charCodeAt(i)
      const next = body.charCodeAt(i + 1)
      if (c === 32 || c === 9) i++
      else if (c === 62) {
        if (++depth > max) return start
        i++
      } else if ((c === 45 || c === 43 || c === 42) && (next === 32 || next === 9))
        i += 2 // - + * list item
      else if (c >= 48 && c <= 57) {
        let j = i + 1
        while (j - i < 9 && body.charCodeAt(j) >= 48 && body.charCodeAt(j) <= 57) j++
        const after = body.charCodeAt(j)
        if (after !== 46 && after !== 41) break // 1. or 1)
        i = j + 1
      } else break
    }
    const newline = body.indexOf('\n', i)
    if (newline < 0) break
    i = newline + 1
  }
  return -1
}

function deepestToken(tokens: Token[]): Token | undefined {
  let deepest: Token | undefined
  for (const token of tokens) if (!deepest || token.level > deepest.level) deepest = token
  return deepest
}

const REASONS: Record<keyof ShapeLimits, (value: number) => string> = {
  maxDepth: (v) => `elements are nested ${v} deep; the limit is ${LIMITS.maxDepth}`,
  maxElements: () => `the body has more than ${LIMITS.maxElements} elements`,
  maxNodes: () =>
    `the body has more than ${LIMITS.maxNodes} elements and pieces of text (each entity such as &amp;amp; is a piece)`,
  maxAttributesPerElement: (v) =>
    `an element has ${v} attributes or more; the limit is ${LIMITS.maxAttributesPerElement}`,
  maxAttributeBytes: (v) =>
    `an attribute value is ${v} characters long; the limit is ${LIMITS.maxAttributeBytes}`,
}

/**
 * A detached DOM whose `<body>` holds the article body. A body past the limits is refused before
 * linkedom builds anything (counted by the very parser linkedom uses). `firstLine` is the line of
 * `html`'s start in the file, for HTML bodies; Markdown's HTML has no lines of the file to name.
 */
export function parseBody(html: string, file = '', firstLine?: number): DomElement {
  const violation = htmlShape(html, LIMITS)
  if (violation) {
    const at = violation.tag.startsWith('#') ? violation.tag : `<${violation.tag}>`
    throw new AppError(
      'SOURCE_INVALID',
      `the body is too complex to render: ${REASONS[violation.limit](violation.value)} (at ${at})`,
      {
        file,
        ...(firstLine !== undefined && { line: firstLine + countLines(html, violation.offset) }),
      },
    )
  }
  // linkedom types its result with the DOM lib's Window, which the Worker's lib does not have:
  // read it through the subset typed in dom.ts.
  const { document } = parseHTML(
    `<!DOCTYPE html><html><head></head><body>${html}</body></html>`,
  ) as { document: DomDocument }
  return document.body
}

function countLines(text: string, end: number): number {
  let lines = 0
  for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) lines++
  return lines
}

/** `ko/2024-06-19-putin-kim-pact.md` → format from the extension; `.markdown` counts too. */
export function formatOf(fileName: string): SourceFormat | null {
  if (/\.(md|markdown)$/i.test(fileName)) return 'md'
  if (/\.html?$/i.test(fileName)) return 'html'
  return null
}
