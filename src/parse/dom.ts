/**
 * The small part of the DOM the pipeline uses, typed here because the Worker has no DOM lib:
 * linkedom provides the implementation (see body.ts). Walks use firstChild/nextSibling, which are
 * constant-time in linkedom; `childNodes`, `children` and `querySelector*` build lists or compile
 * selectors on every call, so the pipeline avoids them in loops.
 */
export interface DomNode {
  readonly nodeType: number
  readonly nodeName: string
  readonly parentNode: DomNode | null
  readonly firstChild: DomNode | null
  readonly nextSibling: DomNode | null
  textContent: string | null
  remove(): void
}

export interface DomElement extends DomNode {
  readonly localName: string
  readonly ownerDocument: DomDocument
  innerHTML: string
  readonly outerHTML: string
  getAttributeNames(): ArrayLike<string>
  getAttribute(name: string): string | null
  setAttribute(name: string, value: string): void
  removeAttribute(name: string): void
  hasAttribute(name: string): boolean
  replaceWith(...nodes: DomNode[]): void
  before(...nodes: DomNode[]): void
  append(...nodes: DomNode[]): void
}

export interface DomDocument {
  createElement(tagName: string): DomElement
  readonly body: DomElement
}

export const ELEMENT_NODE = 1
export const TEXT_NODE = 3

export const isElement = (node: DomNode): node is DomElement => node.nodeType === ELEMENT_NODE

/** A static copy of the children, safe to iterate while the tree changes. */
export function childrenOf(node: DomNode): DomNode[] {
  const children: DomNode[] = []
  for (let child = node.firstChild; child; child = child.nextSibling) children.push(child)
  return children
}

/**
 * Replaces `el` with its children, one at a time: spreading 100,000 children into one call's
 * arguments (`el.replaceWith(...children)`) overflows the stack.
 */
export function unwrap(el: DomElement): void {
  for (let child = el.firstChild; child; child = el.firstChild) el.before(child)
  el.remove()
}
