import { describe, expect, it } from 'vitest'
import { AppError } from '../../src/errors'
import { parseBody } from '../../src/parse/body'
import { buildArticle } from '../../src/pipeline'
import { allowlist } from '../../src/transform/allowlist'
import { sanitize, type SanitizePolicy } from '../../src/transform/sanitize'
import { serialize } from '../../src/transform/serialize'
import DOMPURIFY from '../fixtures/xss/dompurify-vectors.json'
import { OWASP_VECTORS } from '../fixtures/xss/owasp-vectors'
import { dangers } from '../helpers/inert'

const CORPUS = [
  ...OWASP_VECTORS.map((payload, i) => ({ title: `OWASP-style #${i + 1}`, payload })),
  ...DOMPURIFY.vectors,
]

/**
 * A source the way a publisher would hand it in: the vector is the body (HTML), or inside Markdown.
 * A source refused outright (NUL bytes) renders nothing, which is safe too.
 */
function render(body: string, format: 'html' | 'md' = 'html'): string {
  const bytes = new TextEncoder().encode(`---\ntitle: Vector\n---\n${body}\n`).buffer as ArrayBuffer
  try {
    return buildArticle(
      { key: 'en/vector', bytes, etag: 'x', store: 'kv', fileName: `en/vector.${format}`, format },
      { baseUrl: 'https://news.example', timeZone: 'UTC' },
    ).html
  } catch (error) {
    if (error instanceof AppError && error.code === 'SOURCE_INVALID') return ''
    throw error
  }
}

describe(`the sanitizer against ${CORPUS.length} known XSS vectors`, () => {
  it.each(CORPUS.map((v, i) => [`${i + 1}. ${v.title ?? 'untitled'}`, v.payload]))(
    '%s leaves nothing that can run (HTML body)',
    (_title, payload) => {
      expect(dangers(render(payload))).toEqual([])
    },
  )

  it.each(CORPUS.map((v, i) => [`${i + 1}. ${v.title ?? 'untitled'}`, v.payload]))(
    '%s leaves nothing that can run (Markdown body with raw HTML)',
    (_title, payload) => {
      expect(
        dangers(
          render(
            `Intro paragraph.\n\n${payload}\n\n[link](javascript:alert(1)) ![img](javascript:alert(1))`,
            'md',
          ),
        ),
      ).toEqual([])
    },
  )

  it('is stable: sanitizing its own output again changes nothing', () => {
    const clean = (html: string) => {
      const root = parseBody(html)
      sanitize(root)
      return serialize(root)
    }
    for (const { payload } of CORPUS) {
      const once = clean(payload)
      expect(clean(once)).toBe(once)
    }
  })

  /** The corpus through a sanitizer with a looser policy, as a careless change would make it. */
  const dangersWith = (policy: SanitizePolicy) =>
    CORPUS.flatMap(({ payload }) => {
      const root = parseBody(payload)
      sanitize(root, policy)
      return dangers(serialize(root))
    })

  it.each<[string, (p: SanitizePolicy) => SanitizePolicy]>([
    [
      'iframe with srcdoc allowed',
      (p) => ({
        ...p,
        tags: new Set([...p.tags, 'iframe']),
        dropWithContent: new Set([...p.dropWithContent].filter((t) => t !== 'iframe')),
        attributes: { ...p.attributes, iframe: ['src', 'srcdoc'] },
      }),
    ],
    [
      'event handlers allowed',
      (p) => ({
        ...p,
        attributes: {
          ...p.attributes,
          '*': [...p.attributes['*']!, 'onerror', 'onclick', 'onmouseover'],
        },
      }),
    ],
    [
      'javascript: links allowed',
      (p) => ({ ...p, protocols: { ...p.protocols, href: [...p.protocols.href!, 'javascript'] } }),
    ],
    [
      'positioning in style allowed',
      (p) => ({ ...p, styles: { ...p.styles, position: /.*/, background: /.*/ } }),
    ],
    [
      // Inline SVG as such runs nothing; its animation elements can set an href to javascript:.
      'svg kept with its animations',
      (p) => ({
        ...p,
        tags: new Set([...p.tags, 'svg', 'a', 'animate', 'set']),
        dropWithContent: new Set([...p.dropWithContent].filter((t) => t !== 'svg')),
        attributes: {
          ...p.attributes,
          animate: ['attributename', 'to', 'values', 'from', 'begin'],
          set: ['attributename', 'to', 'begin'],
        },
      }),
    ],
    [
      'meta, base and forms kept',
      (p) => ({
        ...p,
        tags: new Set([...p.tags, 'meta', 'base', 'form', 'input', 'button']),
        dropWithContent: new Set(
          [...p.dropWithContent].filter((t) => !['meta', 'base', 'form'].includes(t)),
        ),
        attributes: {
          ...p.attributes,
          meta: ['http-equiv', 'content'],
          base: ['href'],
          form: ['action'],
          button: ['formaction'],
        },
      }),
    ],
  ])('would catch a loosened allowlist: %s', (_name, loosen) => {
    expect(dangersWith(allowlist)).toEqual([])
    expect(dangersWith(loosen(allowlist)).length).toBeGreaterThan(0)
  })
})
