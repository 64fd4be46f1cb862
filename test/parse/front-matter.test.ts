import { describe, expect, it } from 'vitest'
import { AppError } from '../../src/errors'
import { parseFrontMatter, splitFrontMatter } from '../../src/parse/front-matter'
import { SEED } from '../helpers/seed'

const parse = (text: string) => parseFrontMatter(splitFrontMatter(text, 'ko/x.html'), 'ko/x.html')
const failure = (text: string) => {
  try {
    parse(text)
  } catch (error) {
    expect(error).toBeInstanceOf(AppError)
    return (error as AppError).describe()
  }
  throw new Error('expected the source to be refused')
}

describe('front matter', () => {
  it('reads the seed: folded scalars, lists, quoted strings, unknown keys kept', () => {
    const fm = parse(SEED)
    expect(fm.title).toBe('푸틴 김정은 북·러 침략시 상호지원 협정에 동의')
    expect(fm.categories).toEqual(['News'])
    expect(fm.excerpt).toMatch(/^김정은과 푸틴, .*강조했다\.\n$/s)
    expect(fm.image).toBe('https://newsdao.kr/res/images/meta/newsdao_breakingnews.jpg')
    expect(fm.feature_text).toBe(fm.excerpt)
  })

  it('accepts Jekyll’s space-separated tags and an author object', () => {
    const fm = parse(
      '---\ntitle: T\ntags: edge  workers\nauthor:\n  name: Kim\n  url: https://kim.example\n---\nbody',
    )
    expect(fm.tags).toEqual(['edge', 'workers'])
    expect(fm.author).toEqual({ name: 'Kim', url: 'https://kim.example/' })
  })

  it('names the line and column of broken YAML', () => {
    expect(failure('---\ntitle: ok\nexcerpt: a: b\nimage: x\n---\n')).toMatch(
      /^ko\/x\.html:3:10: invalid YAML: Nested mappings/,
    )
    expect(failure('---\ntitle: ok\ntags:\n  - a\n - b\n---\n')).toMatch(
      /^ko\/x\.html:5:1: invalid YAML/,
    )
  })

  it('places an unclosed quote or bracket where it opens, not where the front matter ends, and says how to close it', () => {
    const quote =
      '---\ntitle: "내 첫 기사\ndate: 2024-06-19\ntags: [a]\ncategories: [b]\nimage: x\nauthor: y\n---\nbody'
    expect(failure(quote)).toBe(
      'ko/x.html:2:8: invalid YAML: the quote " opened here is never closed; end the value with " on this line (or remove the ")',
    )
    expect(failure("---\ntitle: ok\nexcerpt: 'a\nimage: x\n---\n")).toMatch(
      /^ko\/x\.html:3:10: .*quote '/,
    )
    expect(failure('---\ntitle: ok\ntags: [a, b\ndate: 2024-06-19\n---\n')).toMatch(
      /^ko\/x\.html:3:7: invalid YAML: the bracket \[ opened here is never closed; end the value with \]/,
    )
  })

  it('names the line of a date that does not exist', () => {
    expect(failure('---\ntitle: ok\ntags: [a]\ndate: 2024-13-45\n---\n')).toBe(
      'ko/x.html:4 → date: expected a date like 2024-06-19 or 2024-06-19 10:30:00 +0900, got "2024-13-45"',
    )
    expect(failure('---\ntitle: ok\nlast_modified_at: 2024-02-30 10:00\n---\n')).toMatch(
      /^ko\/x\.html:3 → last_modified_at: expected a date/,
    )
  })

  it.each([
    ['image: "javascript:alert(1)"', 3, 'image'],
    ['image: "data:text/html,<script>alert(1)</script>"', 3, 'image'],
    ['image: " JaVa\tScRiPt:alert(1)"', 3, 'image'],
    ['image:\n  url: "vbscript:msgbox(1)"', 4, 'image.url'],
    ['image:\n  path: "javascript:alert(1)"', 4, 'image.path'],
    ['canonical_url: "javascript:alert(1)"', 3, 'canonical_url'],
    ['canonical_url: /ko/relative', 3, 'canonical_url'],
    ['author:\n  name: Kim\n  url: "data:text/html,x"', 5, 'author.url'],
  ])('refuses a front matter URL that is not http(s) or a site path: %s', (yaml, line, key) => {
    expect(failure(`---\ntitle: t\n${yaml}\n---\n`)).toMatch(
      new RegExp(`^ko/x\\.html:${line} → ${key.replace('.', '\\.')}: expected`),
    )
  })

  it('normalizes front matter URLs the way browsers resolve them, and keeps site paths', () => {
    const fm = parse(
      '---\ntitle: t\ncanonical_url: HTTPS://News.Example/a b\nauthor: { name: K, url: "https://k.example" }\nimage: /images/a.jpg\n---\n',
    )
    expect(fm.canonical_url).toBe('https://news.example/a%20b')
    expect(fm.author).toEqual({ name: 'K', url: 'https://k.example/' })
    expect(fm.image).toBe('/images/a.jpg')
  })

  it('names a missing title', () => {
    expect(failure('---\nexcerpt: no title here\n---\n<p>x</p>')).toBe(
      'ko/x.html:1 → title: this key is required',
    )
  })

  it('names the key and line of a wrong type', () => {
    expect(
      failure('---\ntitle: ok\nimage:\n  url: https://a.example/a.jpg\n  width: wide\n---\n'),
    ).toMatch(/^ko\/x\.html:5 → image\.width: .*got "wide"/)
    expect(failure('---\ntitle: ok\npublished: nope\n---\n')).toMatch(
      /^ko\/x\.html:3 → published: expected true or false/,
    )
    expect(failure('---\ntitle: [a, b]\n---\n')).toMatch(/^ko\/x\.html:2 → title:/)
  })

  it('refuses duplicate keys, files without front matter and unclosed front matter', () => {
    expect(failure('---\ntitle: a\ntitle: b\n---\n')).toMatch(
      /:3:1: invalid YAML: Map keys must be unique/,
    )
    expect(failure('<p>no front matter</p>')).toMatch(/must start with a `---` line/)
    expect(failure('---\ntitle: a\n<p>body</p>')).toMatch(/no closing `---` line/)
  })

  it('refuses YAML alias bombs', () => {
    const bomb = [
      '---',
      'title: t',
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      ...Array.from(
        { length: 8 },
        (_, i) =>
          `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`,
      ),
      '---',
      '',
    ]
    expect(failure(bomb.join('\n'))).toMatch(/invalid YAML/)
  })

  it('stops at the first closing line, so a `---` rule in the body stays in the body', () => {
    const split = splitFrontMatter('---\ntitle: t\n---\n\npara\n\n---\n\nmore', 'x.md')
    expect(split.yaml).toBe('title: t\n')
    expect(split.body).toBe('\npara\n\n---\n\nmore')
  })
})

describe('control characters in front matter', () => {
  it.each([
    ['description: "a\\0b"', 'ko/x.html:3 → description', 'U+0000'],
    ['title: "t\\e[31m"', 'ko/x.html:2 → title', 'U+001B'],
    ['tags:\n  - ok\n  - "b\\x07"', 'ko/x.html:5 → tags.1', 'U+0007'],
    ['author:\n  name: "K\\rim"', 'ko/x.html:4 → author.name', 'U+000D'],
    ['"odd\\x01key": 1', 'ko/x.html:3 → odd\u0001key', 'U+0001'],
  ])('refuses %s, named by key and line', (yaml, place, code) => {
    const text = yaml.startsWith('title') ? `---\n${yaml}\n---\n` : `---\ntitle: t\n${yaml}\n---\n`
    const message = failure(text)
    expect(message.startsWith(place)).toBe(true)
    expect(message).toContain(code)
  })

  it('keeps tabs and newlines', () => {
    expect(parse('---\ntitle: "a\\tb"\nexcerpt: "line\\nline"\n---\n').excerpt).toBe('line\nline')
  })
})
