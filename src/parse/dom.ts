/**
 * The small part of the DOM the pipeline uses, typed here because the Worker has no DOM lib:
 * linkedom provides the implementation (see body.ts).
 */
export interface DomNode {
  readonly nodeType: number
  readonly nodeName: string
  readonly parentNode: DomNode | null
  readonly childNodes: ArrayLike<DomNode>
  readonly firstChild: DomNode | null
  readonly nextSibling: DomNode | null
  textContent: string | null
  remove(): void
}

export interface DomElement extends DomNode {
  readonly localName: string
  readonly attributes: ArrayLike<{ readonly name: string; readonly value: string }>
  readonly children: ArrayLike<DomElement>
  readonly firstElementChild: DomElement | null
  readonly ownerDocument: DomDocument
  innerHTML: string
  getAttribute(name: string): string | null
  setAttribute(name: string, value: string): void
  removeAttribute(name: string): void
  hasAttribute(name: string): boolean
  querySelector(selectors: string): DomElement | null
  querySelectorAll(selectors: string): ArrayLike<DomElement>
  replaceWith(...nodes: DomNode[]): void
  before(...nodes: DomNode[]): void
  append(...nodes: DomNode[]): void
}

export interface DomDocument {
  createElement(tagName: string): DomElement
  readonly body: DomElement
}

export const ELEMENT_NODE = 1

export const isElement = (node: DomNode): node is DomElement => node.nodeType === ELEMENT_NODE

/** A static copy of the children, safe to iterate while the tree changes. */
export const childrenOf = (node: DomNode): DomNode[] => Array.from(node.childNodes)
