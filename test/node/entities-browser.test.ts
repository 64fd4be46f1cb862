/**
 * Body text with character references in a real browser: Chromium reads the author's HTML and the
 * body we render from it, and must show the same text in every paragraph, which is also the text
 * worked out by hand from the HTML spec (test/fixtures/entities.ts).
 */
import { existsSync } from 'node:fs'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildArticle } from '../../src/pipeline'
import { ENTITY_TEXT } from '../fixtures/entities'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const hasBrowser = existsSync(CHROMIUM)
if (!hasBrowser && process.env.REQUIRE_BROWSER)
  throw new Error(`REQUIRE_BROWSER is set but ${CHROMIUM} is missing: apt-get install chromium`)

const AUTHORED = ENTITY_TEXT.map(([source]) => `<p>${source}</p>`).join('\n')

function rendered(): string {
  const bytes = new TextEncoder().encode(`---\ntitle: Entities\n---\n${AUTHORED}\n`).buffer
  return buildArticle(
    {
      key: 'en/entities',
      bytes,
      etag: 'x',
      store: 'kv',
      fileName: 'en/entities.html',
      format: 'html',
    },
    { baseUrl: 'https://news.example', timeZone: 'UTC' },
  ).html
}

let browser: Browser
let page: Page

beforeAll(async () => {
  if (!hasBrowser) return
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  })
  page = await browser.newPage()
}, 60_000)

afterAll(() => browser?.close())

/** The few browser DOM calls made in the page (Node's types have no DOM). */
interface BrowserElement {
  innerHTML: string
  textContent: string | null
  querySelectorAll(selector: string): ArrayLike<BrowserElement>
}

/** The text of each paragraph of `html` as Chromium shows it, parsed by Chromium's own parser. */
const shownBy = (html: string): Promise<string[]> =>
  page.evaluate((html) => {
    const { body } = (globalThis as unknown as { document: { body: BrowserElement } }).document
    body.innerHTML = html
    return Array.from(body.querySelectorAll('p'), (p) => p.textContent ?? '')
  }, html)

describe.skipIf(!hasBrowser)('character references in Chromium', () => {
  it('show the same text in the rendered body as in the author’s HTML, as worked out by hand', async () => {
    const authored = await shownBy(AUTHORED)
    expect(authored).toEqual(ENTITY_TEXT.map(([, shown]) => shown))
    expect(await shownBy(rendered())).toEqual(authored)
  })
})
