import { describe, expect, it } from 'vitest'
import { parseBody } from '../../src/parse/body'
import { outline } from '../../src/transform/headings'

describe('heading ids', () => {
  it('never take the page’s own ids nor a JavaScript name, so they cannot clobber globals', () => {
    const root = parseBody(
      '<h2>content</h2><h2>toc-title</h2><h2>config</h2><h3>location</h3><h2>포괄적 전략 동반자 협정이란?</h2>',
    )
    const ids = outline(root).map((h) => h.id)
    expect(ids).toEqual([
      'h-content',
      'h-toc-title',
      'h-config',
      'h-location',
      'h-포괄적-전략-동반자-협정이란',
    ])
    for (const id of ids) expect(id).not.toMatch(/^[A-Za-z_$][\w$]*$/)
  })

  it('keeps ids unique', () => {
    const ids = outline(parseBody('<h2>같은 제목</h2><h2>같은 제목</h2><h2>같은 제목 2</h2>')).map(
      (h) => h.id,
    )
    expect(new Set(ids).size).toBe(3)
  })
})
