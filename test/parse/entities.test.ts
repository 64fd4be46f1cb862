/**
 * Character references in an HTML body reach the reader as a browser shows the author's file. The
 * HTML spec (13.2.5.72 "named character reference state"): the longest name in the table wins;
 * names without `;` are only those of the legacy list (copy, not, amp, times, frac12, ...); in text
 * they decode even when a letter or `=` follows, in attributes they are then left as written; an
 * `&` that starts no name is plain text. Each expected string below is worked out by hand from
 * those rules (and matches what Chromium shows for the same source), never by running our parser.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { publishSource } from '../helpers/content'
import { client } from '../helpers/request'

const site = client('https://entities.example')

/** [what the author wrote in a <p>, the text a browser shows for it] */
const TEXT: [string, string][] = [
  // No name in the table: left as written (entities 7 made these `aëx` and `bÂ`).
  ['a&eta=x b&kjcyb', 'a&eta=x b&kjcyb'],
  ['?a=1&eta=2&kjcy=3', '?a=1&eta=2&kjcy=3'],
  ['&Copy; &eta &kjcy', '&Copy; &eta &kjcy'],
  // An escaped ampersand is one ampersand.
  ['&amp;copy;', '&copy;'],
  // Legacy names decode without `;`, in text even before `=` or a letter.
  ['&copy &copy;', '© ©'],
  ['?a=1&copy=2', '?a=1©=2'],
  ['&ampx &AMP &lt &gt=', '&x & < >='],
  ['&frac123 &Eacuteacute', '½3 Éacute'],
  // The longest match, backing off to the last legacy name when the longer one has no `;`.
  ['&notit; &notin; &notin x', '¬it; ∉ ¬in x'],
  ['&timesbx &timesb;', '×bx ⊠'],
  // Names only with `;`, and names of two code points.
  ['&eta; &kjcy; &acE;', 'η ќ \u223e\u0333'],
  // Numeric references: `;` optional, C1 controls mapped as windows-1252, bad code points to U+FFFD.
  ['&#169 &#x41; &#x80; &#0; &#xD800; &#1114112;', '© A € \ufffd \ufffd \ufffd'],
  ['& &; &# &#x; &#xg', '& &; &# &#x; &#xg'],
]

/** How the page writes text: `& < >` and no-break spaces escaped, everything else as is. */
const escape = (text: string) =>
  text.replace(/[&<>\u00a0]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c] ?? '&#160;')

const SOURCE = `---
title: Entities
date: 2024-06-01
---
${TEXT.map(([source]) => `<p>${source}</p>`).join('\n')}
<p><a href="https://example.com/?a=1&copy=2&eta=3&amp=4&lt;5">link</a></p>
`

let page: string
let json: { html: string }
beforeAll(async () => {
  await publishSource('en/entities', SOURCE)
  page = (await site.get('/en/entities')).body
  json = (await site.get('/api/articles/en/entities')).json()
})

describe('character references in body text', () => {
  it.each(TEXT)('%s shows as a browser shows it', (_source, shown) => {
    const expected = `<p>${escape(shown)}</p>`
    expect(page).toContain(expected)
    expect(json.html).toContain(expected)
  })

  it('make the description from the text as shown', () => {
    expect(page).toContain('<meta name="description" content="a&amp;eta=x b&amp;kjcyb"/>')
  })

  it('leave attributes as browsers read them (legacy names before = stay as written)', () => {
    // `&lt;` decodes to `<`, which the link check then writes percent-encoded.
    expect(page).toContain('href="https://example.com/?a=1&amp;copy=2&amp;eta=3&amp;amp=4%3C5"')
  })
})
