/**
 * Character references in an HTML body reach the reader as a browser shows the author's file: the
 * expected text of each row is worked out by hand from the HTML spec (test/fixtures/entities.ts);
 * test/node/entities-browser.test.ts checks the same rows in Chromium. In attributes, a legacy name
 * followed by `=` or a letter is left as written.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { ENTITY_TEXT } from '../fixtures/entities'
import { publishSource } from '../helpers/content'
import { client } from '../helpers/request'

const site = client('https://entities.example')

/** How the page writes text: `& < >` and no-break spaces escaped, everything else as is. */
const escape = (text: string) =>
  text.replace(/[&<>\u00a0]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c] ?? '&#160;')

const SOURCE = `---
title: Entities
date: 2024-06-01
---
${ENTITY_TEXT.map(([source]) => `<p>${source}</p>`).join('\n')}
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
  it.each(ENTITY_TEXT)('%s shows as a browser shows it', (_source, shown) => {
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
