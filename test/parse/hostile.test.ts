/**
 * Hostile and broken sources: the pipeline either renders them or refuses them with an AppError
 * that names the file and says what is wrong. It never crashes, hangs or shows mojibake.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { AppError } from '../../src/errors'
import { buildArticle } from '../../src/pipeline'
import { dangers } from '../helpers/inert'

const FILE = 'ko/hostile.html'
const build = (source: string | Uint8Array, format: 'html' | 'md' = 'html') => {
  const bytes = typeof source === 'string' ? new TextEncoder().encode(source) : source
  return buildArticle(
    {
      key: 'ko/hostile',
      bytes: bytes.slice().buffer as ArrayBuffer,
      etag: 'x',
      store: 'kv',
      fileName: `ko/hostile.${format}`,
      format,
    },
    { baseUrl: 'https://news.example', timeZone: 'Asia/Seoul' },
  )
}
/** The error a publisher would see, or null when the source renders. */
const refusal = (source: string | Uint8Array, format: 'html' | 'md' = 'html'): AppError | null => {
  try {
    build(source, format)
    return null
  } catch (error) {
    if (error instanceof AppError) return error
    throw error // anything else is a crash
  }
}

describe('named hostile sources', () => {
  it('a YAML alias bomb is refused, quickly', () => {
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      ...Array.from(
        { length: 9 },
        (_, i) =>
          `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`,
      ),
    ].join('\n')
    const started = Date.now()
    const error = refusal(`---\ntitle: Bomb\n${bomb}\n---\n<p>x</p>`)
    expect(Date.now() - started).toBeLessThan(1000)
    expect(error?.describe()).toMatch(/ko\/hostile\.html.*invalid YAML.*alias/i)
  })

  it('deeply nested YAML values are refused or rendered, never a stack overflow', () => {
    const error = refusal(
      `---\ntitle: Deep\nextra: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n---\n<p>x</p>`,
    )
    expect(error === null || error.code === 'SOURCE_INVALID').toBe(true)
  })

  it('deeply nested HTML is refused with a clear message or rendered', () => {
    const error = refusal(
      `---\ntitle: Deep\n---\n${'<div>'.repeat(50_000)}x${'</div>'.repeat(50_000)}`,
    )
    if (error) expect(error.describe()).toMatch(/ko\/hostile\.html.*nested/)
  })

  it('a 10 MB line renders (the size limit is the storage’s job) without hanging', () => {
    const started = Date.now()
    const article = build(`---\ntitle: Long\n---\n<p>${'가'.repeat(3_500_000)}</p>`)
    expect(article.description.length).toBeLessThanOrEqual(160)
    expect(Date.now() - started).toBeLessThan(20_000)
  }, 30_000)

  it('NUL bytes are refused, naming the line', () => {
    expect(refusal('---\ntitle: Nul\n---\n<p>a\u0000b</p>')?.describe()).toBe(
      'ko/hostile.html:4: the file contains NUL bytes; is it a binary file?',
    )
  })

  it('a byte order mark and CRLF line endings are fine', () => {
    const article = build(
      '\ufeff---\r\ntitle: 윈도우에서 저장\r\ncategories: [뉴스]\r\n---\r\n<p>첫 줄\r\n둘째 줄</p>\r\n',
    )
    expect(article.title).toBe('윈도우에서 저장')
    expect(article.categories).toEqual(['뉴스'])
    expect(article.html).not.toContain('\r')
  })

  it('EUC-KR is refused with a message that says so, never shown as mojibake', () => {
    // "---\ntitle: 한글\n---\n" with 한글 in EUC-KR
    const eucKr = new Uint8Array([
      ...new TextEncoder().encode('---\ntitle: '),
      0xc7,
      0xd1,
      0xb1,
      0xdb,
      ...new TextEncoder().encode('\n---\n<p>x</p>'),
    ])
    expect(refusal(eucKr)?.describe()).toBe(
      'ko/hostile.html:2: the file is not valid UTF-8; it looks like EUC-KR (Korean). Save it as UTF-8 and upload again.',
    )
  })

  it('Shift_JIS and Windows-1252 are refused, naming them', () => {
    const sjis = new Uint8Array([
      ...new TextEncoder().encode('---\ntitle: '),
      0x82,
      0xa0,
      0x82,
      0xa2,
      ...new TextEncoder().encode('\n---\n'),
    ])
    expect(refusal(sjis)?.message).toMatch(/Shift_JIS \(Japanese\)/)
    const cp1252 = new Uint8Array([
      ...new TextEncoder().encode('---\ntitle: caf'),
      0xe9,
      0x20,
      0x93,
      0x71,
      0x94,
      ...new TextEncoder().encode('\n---\n'),
    ])
    expect(refusal(cp1252)?.message).toMatch(/Windows-1252/)
  })

  it('front matter without a closing --- is refused', () => {
    expect(refusal('---\ntitle: Open\n<p>never closed</p>\n')?.describe()).toBe(
      'ko/hostile.html:1: the front matter has no closing `---` line',
    )
  })
})

describe('random and broken sources (fast-check)', () => {
  const yamlish = fc.stringMatching(/^[\w\s:\-[\]{}"'&*!|>#,.%@`?]*$/)
  const htmlish = fc
    .array(
      fc.constantFrom(
        '<p>',
        '</p>',
        '<div>',
        '</div>',
        '<a href="',
        '">',
        '<img src=',
        'javascript:',
        '<script>',
        '</script>',
        '<svg>',
        '<!--',
        '-->',
        '&amp;',
        '&#',
        '가',
        'x',
        ' ',
        '\n',
        '<h1>',
        '</h1>',
        '<table>',
        '<td>',
        '"',
        "'",
        '<',
      ),
      { maxLength: 200 },
    )
    .map((parts) => parts.join(''))

  it('any front matter text: rendered, or refused with a located AppError', () => {
    fc.assert(
      fc.property(yamlish, (yaml) => {
        const error = refusal(`---\ntitle: T\n${yaml}\n---\n<p>x</p>`)
        if (error) expect(error.location.file).toBe(FILE)
      }),
      { numRuns: 1000 },
    )
  })

  it('any body, HTML or Markdown: rendered with nothing executable', () => {
    fc.assert(
      fc.property(htmlish, fc.constantFrom('html' as const, 'md' as const), (body, format) => {
        const error = refusal(`---\ntitle: T\n---\n${body}`, format)
        if (error) return expect(error.location.file).toBe(`ko/hostile.${format}`)
        expect(dangers(build(`---\ntitle: T\n---\n${body}`, format).html)).toEqual([])
      }),
      { numRuns: 1000 },
    )
  })

  it('any bytes at all: rendered or refused, never a crash', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        refusal(bytes)
        refusal(new Uint8Array([...new TextEncoder().encode('---\ntitle: T\n---\n'), ...bytes]))
      }),
      { numRuns: 1000 },
    )
  })
})
