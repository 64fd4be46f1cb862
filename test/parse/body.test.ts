import { describe, expect, it } from 'vitest'
import { bodyToHtml } from '../../src/parse/body'
import { AppError } from '../../src/errors'
import { decodeSource } from '../../src/parse/decode'

describe('Markdown bodies', () => {
  it('follow CommonMark', () => {
    expect(bodyToHtml('## 제목\n\n*기울임* **굵게** `code`\n\n> 인용', 'md')).toBe(
      '<h2>제목</h2>\n<p><em>기울임</em> <strong>굵게</strong> <code>code</code></p>\n<blockquote>\n<p>인용</p>\n</blockquote>\n',
    )
  })

  it('render GFM tables and strikethrough', () => {
    const html = bodyToHtml('| 이름 | 값 |\n| :-- | --: |\n| a | 1 |\n\n~~old~~', 'md')
    expect(html).toContain('<table>')
    expect(html).toContain('<th style="text-align:left">이름</th>')
    expect(html).toContain('<td style="text-align:right">1</td>')
    expect(html).toContain('<s>old</s>')
  })

  it('pass raw HTML through (the sanitizer runs next)', () => {
    expect(bodyToHtml('<ruby>漢字<rt>かんじ</rt></ruby>', 'md')).toContain(
      '<ruby>漢字<rt>かんじ</rt></ruby>',
    )
  })

  it('leave HTML bodies as they are', () => {
    expect(bodyToHtml('<p>*not markdown*</p>', 'html')).toBe('<p>*not markdown*</p>')
  })
})

describe('decoding', () => {
  const bytes = (...b: number[]) => new Uint8Array(b)

  it('drops a BOM and normalizes CRLF', () => {
    const text = new TextEncoder().encode('\uFEFF---\r\ntitle: 한글\r\n---\r\n')
    expect(decodeSource(text, 'a.md')).toBe('---\ntitle: 한글\n---\n')
  })

  it('refuses EUC-KR with a message that says what to do', () => {
    // "한글" in EUC-KR
    expect(() => decodeSource(bytes(0xc7, 0xd1, 0xb1, 0xdb), 'ko/old.html')).toThrowError(
      /not valid UTF-8; it looks like EUC-KR \(Korean\). Save it as UTF-8/,
    )
  })

  it('refuses Windows-1252 and NUL bytes', () => {
    expect(() => decodeSource(bytes(0x63, 0x61, 0x66, 0xe9), 'en/cafe.md')).toThrowError(AppError)
    expect(() => decodeSource(bytes(0x61, 0x00, 0x62), 'en/bin.md')).toThrowError(/NUL bytes/)
  })
})
