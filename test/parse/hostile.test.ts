/**
 * Hostile and broken sources: at each limit a source renders, one step past it the source is
 * refused with a message that names the file, says what is wrong and, where there is one, the line.
 * (How long they take is the benchmark's business: `npm run bench -- hostile`.)
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { AppError } from '../../src/errors'
import { buildArticle } from '../../src/pipeline'
import { dangers } from '../helpers/inert'

const build = (source: string | Uint8Array, format: 'html' | 'md' = 'html') => {
  const bytes = typeof source === 'string' ? new TextEncoder().encode(source) : source
  return buildArticle(
    {
      key: 'ko/hostile',
      bytes: bytes.slice().buffer,
      etag: 'x',
      store: 'kv',
      fileName: `ko/hostile.${format}`,
      format,
    },
    { baseUrl: 'https://news.example', timeZone: 'Asia/Seoul' },
  )
}
/** The error a publisher would see; fails the test when the source renders instead. */
const refusal = (source: string | Uint8Array, format: 'html' | 'md' = 'html'): string => {
  try {
    build(source, format)
  } catch (error) {
    if (error instanceof AppError) return error.describe()
    throw error // anything else is a crash
  }
  throw new Error('expected the source to be refused')
}
const doc = (body: string, front = 'title: T\n') => `---\n${front}---\n${body}`

describe('limits, each one step either side', () => {
  it('elements nested 100 deep render; 101 are refused, naming the line', () => {
    expect(build(doc(`${'<div>'.repeat(100)}x${'</div>'.repeat(100)}`)).text).toBe('x')
    expect(refusal(doc(`<p>first</p>\n${'<div>'.repeat(101)}x${'</div>'.repeat(101)}`))).toBe(
      'ko/hostile.html:5: the body is too complex to render: elements are nested 101 deep; the limit is 100 (at <div>)',
    )
  })

  it('100,000 elements render; one more is refused', () => {
    expect(build(doc('<b>x</b>'.repeat(100_000))).text.length).toBe(100_000)
    expect(refusal(doc('<b>x</b>'.repeat(100_001)))).toMatch(
      /^ko\/hostile\.html:4: the body is too complex to render: the body has more than 100000 elements/,
    )
  })

  it('stray characters that each make a text node are counted too', () => {
    expect(refusal(doc(`<p>${'<'.repeat(400_001)}</p>`))).toMatch(
      /more than 400000 elements and pieces of text/,
    )
  })

  it('64 attributes on an element pass; 65 are refused', () => {
    const attrs = (n: number) => Array.from({ length: n }, (_, i) => ` data-a${i}="x"`).join('')
    expect(build(doc(`<p${attrs(64)}>x</p>`)).html).toBe('<p>x</p>')
    expect(refusal(doc(`<p${attrs(65)}>x</p>`))).toMatch(
      /an element has 65 attributes or more; the limit is 64/,
    )
  })

  it('Markdown quotes nested 8 deep render; 9 are refused, naming the line', () => {
    expect(build(doc(`${'> '.repeat(8)}deep`), 'md').text).toBe('deep')
    expect(refusal(doc(`intro\n\n${'> '.repeat(9)}deep`), 'md')).toBe(
      'ko/hostile.md:6: block quotes are nested more than 8 deep',
    )
  })

  it('Markdown lists nested past 30 token levels are refused, not cut off silently', () => {
    const nested = (levels: number) =>
      Array.from({ length: levels }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n')
    expect(build(doc(nested(6)), 'md').text).toContain('item 5')
    expect(refusal(doc(nested(20)), 'md')).toMatch(
      /^ko\/hostile\.md:\d+: the Markdown is nested more than 30 levels deep/,
    )
  })

  it('front matter of 64 KB is read; more is refused', () => {
    const padding = (bytes: number) => `notes: "${'x'.repeat(bytes)}"\n`
    expect(build(doc('<p>x</p>', `title: T\n${padding(64 * 1024 - 20)}`)).title).toBe('T')
    expect(refusal(doc('<p>x</p>', `title: T\n${padding(64 * 1024)}`))).toMatch(
      /^ko\/hostile\.html:2: the front matter is \d+ characters; the limit is 65536/,
    )
  })

  it('a YAML alias bomb is refused by the count of its aliases', () => {
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      ...Array.from({ length: 9 }, (_, i) => {
        const [name, prev] = [String.fromCharCode(98 + i), String.fromCharCode(97 + i)]
        return `${name}: &${name} [${Array(12).fill(`*${prev}`).join(',')}]`
      }),
    ].join('\n')
    expect(refusal(doc('<p>x</p>', `title: Bomb\n${bomb}\n`))).toMatch(
      /^ko\/hostile\.html:\d+: the front matter uses more than 100 aliases/,
    )
  })

  it('a few aliases of a large string are refused by what they expand to', () => {
    const front = `title: T\nbig: &big "${'가'.repeat(60_000)}"\ncopies: [${Array(10).fill('*big').join(', ')}]\n`
    expect(refusal(doc('<p>x</p>', front))).toBe(
      'ko/hostile.html:2: the front matter expands to more than 262144 characters once its aliases (*name) are resolved',
    )
  })

  it('a YAML cycle is refused, not followed forever', () => {
    expect(refusal(doc('<p>x</p>', 'title: T\nloop: &a [*a]\n'))).toMatch(/^ko\/hostile\.html/)
  })

  it('40,000 keys are refused at once by size, and duplicate keys anywhere are named with their line', () => {
    const keys = Array.from({ length: 40_000 }, (_, i) => `k${i}: v`).join('\n')
    expect(refusal(doc('<p>x</p>', `title: T\n${keys}\n`))).toMatch(
      /the front matter is \d+ characters; the limit is 65536/,
    )
    expect(
      refusal(
        doc(
          '<p>x</p>',
          'title: T\nimage:\n  url: https://a.example/a.jpg\n  url: https://b.example/b.jpg\n',
        ),
      ),
    ).toBe(
      'ko/hostile.html:5:3: invalid YAML: Map keys must be unique; "url" appears twice in the same map',
    )
  })

  it('titles, summaries and labels are bounded', () => {
    expect(build(doc('<p>x</p>', `title: ${'가'.repeat(300)}\n`)).title.length).toBe(300)
    expect(refusal(doc('<p>x</p>', `title: ${'가'.repeat(301)}\n`))).toMatch(
      /^ko\/hostile\.html:2 → title: expected at most 300 characters/,
    )
    expect(refusal(doc('<p>x</p>', `title: T\nexcerpt: ${'a'.repeat(2001)}\n`))).toMatch(
      /→ excerpt: expected at most 2000 characters/,
    )
    expect(
      build(
        doc(
          '<p>x</p>',
          `title: T\ntags: [${Array.from({ length: 50 }, (_, i) => `t${i}`).join(', ')}]\n`,
        ),
      ).tags,
    ).toHaveLength(50)
    expect(
      refusal(
        doc(
          '<p>x</p>',
          `title: T\ntags: [${Array.from({ length: 51 }, (_, i) => `t${i}`).join(', ')}]\n`,
        ),
      ),
    ).toMatch(/→ tags: expected at most 50 categories or tags/)
    expect(refusal(doc('<p>x</p>', `title: T\ncategories: [${'n'.repeat(101)}]\n`))).toMatch(
      /→ categories\.0: expected at most 100 characters/,
    )
  })

  it('a body that would render to more than 4× its source is refused; ordinary expansion is fine', () => {
    expect(refusal(doc(`<p>${'&amp;'.repeat(10)}${'&'.repeat(200_000)}</p>`))).toMatch(
      /^ko\/hostile\.html: the body renders to \d+ bytes, more than 4× its \d+-byte source allows/,
    )
    // A Markdown table of numbers, the most expansive thing real articles do.
    const table = [
      '| a | b | c |',
      '|---|---|---|',
      ...Array.from({ length: 5000 }, (_, i) => `| ${i} | ${i * 2} | ${i * 3} |`),
    ].join('\n')
    expect(build(doc(table), 'md').html).toContain('<td>4999</td>')
  })

  it('a 1 MB first paragraph still gives a short description', () => {
    const article = build(doc(`<p>${'가'.repeat(300_000)}</p>`))
    expect(article.description.length).toBeLessThanOrEqual(160)
  })
})

describe('broken files', () => {
  it('NUL bytes are refused, naming the line', () => {
    expect(refusal('---\ntitle: Nul\n---\n<p>a\u0000b</p>')).toBe(
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
    expect(refusal(eucKr)).toBe(
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
    expect(refusal(sjis)).toMatch(/Shift_JIS \(Japanese\)/)
    const cp1252 = new Uint8Array([
      ...new TextEncoder().encode('---\ntitle: caf'),
      0xe9,
      0x20,
      0x93,
      0x71,
      0x94,
      ...new TextEncoder().encode('\n---\n'),
    ])
    expect(refusal(cp1252)).toMatch(/Windows-1252/)
  })

  it('front matter without a closing --- is refused', () => {
    expect(refusal('---\ntitle: Open\n<p>never closed</p>\n')).toBe(
      'ko/hostile.html:1: the front matter has no closing `---` line',
    )
  })
})

describe('random and broken sources (fast-check)', () => {
  const yamlish = fc.stringMatching(/^[\w\s:\-[\]{}"'&*!|>#,.%@`?]*$/)
  /** Markup pieces, attributes that can carry script or styling, and the spellings used to smuggle them. */
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
        '&Tab;',
        '&colon;',
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
        '>',
        '=',
        ' onerror=',
        ' onclick="',
        ' ONLOAD=',
        ' style="',
        'position:fixed',
        'background:url(',
        ' STYLE=',
        ' srcdoc="',
        '<iframe',
        ' HREF="',
        ' Href=',
        'data:text/html,',
        'vbscript:',
        '&amp;#106;',
        'java\tscript:',
        '<math>',
        '<template>',
        '<noscript>',
        '<a ',
      ),
      { maxLength: 200 },
    )
    .map((parts) => parts.join(''))

  it('any front matter text: rendered, or refused with a located AppError', () => {
    fc.assert(
      fc.property(yamlish, (yaml) => {
        try {
          build(`---\ntitle: T\n${yaml}\n---\n<p>x</p>`)
        } catch (error) {
          expect(error).toBeInstanceOf(AppError)
          expect((error as AppError).location.file).toBe('ko/hostile.html')
        }
      }),
      { numRuns: 1000 },
    )
  })

  it('any body, HTML or Markdown, with attributes that can carry script: rendered with nothing executable', () => {
    let rendered = 0
    fc.assert(
      fc.property(htmlish, fc.constantFrom('html' as const, 'md' as const), (body, format) => {
        const article = build(`---\ntitle: T\n---\n${body}`, format)
        rendered++
        expect(dangers(article.html)).toEqual([])
      }),
      { numRuns: 1000 },
    )
    expect(rendered).toBe(1000) // small random bodies are all within the limits: each one was judged
  })

  it('any bytes at all: rendered or refused, never a crash', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        for (const source of [
          bytes,
          new Uint8Array([...new TextEncoder().encode('---\ntitle: T\n---\n'), ...bytes]),
        ]) {
          try {
            build(source)
          } catch (error) {
            expect(error).toBeInstanceOf(AppError)
          }
        }
      }),
      { numRuns: 1000 },
    )
  })
})
