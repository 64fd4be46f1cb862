/** Classic-editor posts get the paragraphs WordPress showed their readers. */
import { describe, expect, it } from 'vitest'
import { wpautop } from '../../../scripts/lib/wordpress/wpautop'

describe('wpautop', () => {
  it('makes paragraphs of blank-line blocks and <br /> of single newlines', () => {
    expect(wpautop('a\nb\n\nc')).toBe('<p>a<br />\nb</p>\n<p>c</p>\n')
  })

  it('leaves block elements unwrapped and wraps the text after them', () => {
    expect(wpautop('<div>x</div>\n\ny')).toBe('<div>x</div>\n<p>y</p>\n')
    expect(wpautop('<ul>\n<li>a</li>\n<li>b</li>\n</ul>')).toBe(
      '<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n',
    )
    expect(wpautop('<blockquote>q</blockquote>')).toBe('<blockquote><p>q</p></blockquote>\n')
  })

  it('keeps <pre> exactly, and a newline inside a tag is not a line break', () => {
    expect(wpautop('<pre>a\n\nb</pre>')).toBe('<pre>a\n\nb</pre>\n')
    expect(wpautop('x <a\nhref="y">z</a>')).toBe('<p>x <a\nhref="y">z</a></p>\n')
  })

  it('treats two <br>s as a paragraph break', () => {
    expect(wpautop('a<br>\n<br/>b')).toBe('<p>a</p>\n<p>b</p>\n')
  })

  it("does not split on the ideographic space Korean text uses (PCRE's \\s is ASCII)", () => {
    expect(wpautop('한국어\u3000문장\n\n둘째')).toBe('<p>한국어\u3000문장</p>\n<p>둘째</p>\n')
    expect(wpautop('첫째\u3000\n\u3000둘째')).toBe('<p>첫째\u3000<br />\n\u3000둘째</p>\n')
  })
})
