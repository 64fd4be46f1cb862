/**
 * The sanitizer's policy, as data. Anything not listed is removed: unknown elements are unwrapped
 * (their text stays), `dropWithContent` elements go with everything inside them.
 */
export const allowlist = {
  tags: new Set([
    'p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'code', 'kbd', 'samp', 'var',
    'em', 'strong', 'b', 'i', 'u', 's', 'del', 'ins', 'mark', 'small', 'sub', 'sup', 'abbr', 'cite', 'q', 'dfn',
    'time', 'span', 'div', 'a', 'img', 'figure', 'figcaption', 'ul', 'ol', 'li', 'dl', 'dt', 'dd',
    'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption', 'colgroup', 'col',
    'details', 'summary',
    // Note: ruby annotations are everyday Japanese (and sometimes Korean) typography.
    'ruby', 'rt', 'rp', 'bdi', 'bdo', 'wbr',
  ]),
  attributes: {
    '*': ['title', 'lang', 'dir', 'style'],
    a: ['href', 'hreflang'],
    img: ['src', 'srcset', 'sizes', 'alt', 'width', 'height'],
    blockquote: ['cite'],
    q: ['cite'],
    del: ['cite', 'datetime'],
    ins: ['cite', 'datetime'],
    time: ['datetime'],
    ol: ['start', 'reversed', 'type'],
    li: ['value'],
    th: ['colspan', 'rowspan', 'scope', 'abbr'],
    td: ['colspan', 'rowspan'],
    col: ['span'],
    colgroup: ['span'],
    // Note: only `language-*` classes survive, for code highlighting by CSS.
    code: ['class'],
    details: ['open'],
  } as Record<string, readonly string[]>,
  /** Attributes holding URLs, and the schemes each may use. Relative URLs are always fine. */
  protocols: {
    href: ['http', 'https', 'mailto', 'tel'],
    src: ['http', 'https'],
    cite: ['http', 'https'],
  } as Record<string, readonly string[]>,
  /** Note: inline images are allowed as data URLs, but never SVG (it can carry script). */
  dataImage: /^data:image\/(?:png|jpe?g|gif|webp|avif);base64,[a-z0-9+/=\s]+$/i,
  /** Removed together with their content: script, styles, embedded documents, forms, foreign namespaces. */
  dropWithContent: new Set([
    'script', 'style', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'noscript',
    'noembed', 'noframes', 'xmp', 'plaintext', 'textarea', 'select', 'option', 'button', 'input', 'form',
    'svg', 'math', 'base', 'meta', 'link', 'title', 'head', 'audio', 'video', 'canvas', 'portal', 'dialog',
    'param', 'source', 'track', 'picture', 'slot', 'marquee',
  ]),
  /**
   * Inline style is reduced to these properties with these values: colour and emphasis that editors
   * produce, never `url()`, `expression()`, positioning or escapes.
   */
  styles: {
    color: /^(#[0-9a-f]{3,8}|[a-z]+|(rgb|rgba|hsl|hsla)\([\d\s.,%/]+\))$/i,
    'background-color': /^(#[0-9a-f]{3,8}|[a-z]+|(rgb|rgba|hsl|hsla)\([\d\s.,%/]+\))$/i,
    'text-align': /^(left|right|center|justify|start|end)$/i,
    'font-weight': /^(normal|bold|bolder|lighter|[1-9]00)$/i,
    'font-style': /^(normal|italic|oblique)$/i,
    'text-decoration': /^((none|underline|overline|line-through)\s*)+$/i,
  } as Record<string, RegExp>,
  codeClass: /^language-[\w-]{1,30}$/,
} as const
