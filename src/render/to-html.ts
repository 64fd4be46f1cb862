import type { JSXNode } from 'hono/jsx'
import type { JSX } from 'hono/jsx/jsx-runtime'

/**
 * A JSX element rendered to HTML. Hono types an element as `HtmlEscapedString | Promise<…>`, but
 * `jsx()` returns a JSXNode, whose toString() renders the tree: a string, or a Promise when an async
 * component is in it.
 */
export function toHtml(element: JSX.Element): string | Promise<string> {
  return (element as unknown as JSXNode).toString()
}

/** The same, for a tree with no async component, whose rendering is a string. */
export function toHtmlSync(element: JSX.Element): string {
  return toHtml(element) as string
}
