import { Marked } from 'marked'
import { parseHTML } from 'linkedom'
import type { SourceFormat } from '../schema/article'
import type { DomElement } from './dom'

// CommonMark + GFM (tables, strikethrough, autolinks). Raw HTML passes through to the sanitizer.
const markdown = new Marked({ gfm: true, breaks: false, async: false })

export function bodyToHtml(body: string, format: SourceFormat): string {
  return format === 'md' ? (markdown.parse(body) as string) : body
}

/** A detached DOM whose `<body>` holds the article body. */
export function parseBody(html: string): DomElement {
  const { document } = parseHTML(`<!DOCTYPE html><html><head></head><body>${html}</body></html>`)
  return document.body as DomElement
}

/** `ko/2024-06-19-putin-kim-pact.md` → format from the extension; `.markdown` counts too. */
export function formatOf(fileName: string): SourceFormat | null {
  if (/\.(md|markdown)$/i.test(fileName)) return 'md'
  if (/\.html?$/i.test(fileName)) return 'html'
  return null
}
