/**
 * Real-browser checks with Debian's Chromium (installed by .ci/run) driven by playwright-core, against
 * a real `wrangler dev`: no console errors, no failed requests, no horizontal scrolling at phone and
 * desktop widths, no serious axe-core violations; the language switcher and pagination work by
 * clicking. Screenshots go to test-results/screenshots/ (not committed).
 */
import { existsSync } from 'node:fs'
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDevWorker, type RunningWorker } from '../../scripts/lib/dev-worker'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const hasBrowser = existsSync(CHROMIUM)
if (!hasBrowser && process.env.REQUIRE_BROWSER)
  throw new Error(`REQUIRE_BROWSER is set but ${CHROMIUM} is missing: apt-get install chromium`)
if (!hasBrowser)
  console.warn(
    `⚠ real-browser tests skipped: no ${CHROMIUM} (apt-get install chromium; .ci/run does)`,
  )

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js')
const SHOTS = 'test-results/screenshots'
/** A 1×1 PNG stands in for images on other hosts: the tests never go to the internet. */
const PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
)

let worker: RunningWorker
let browser: Browser
let content: string

beforeAll(async () => {
  if (!hasBrowser) return
  // content/ plus enough English briefs for a second listing page.
  content = await mkdtemp(join(tmpdir(), 'browser-content-'))
  await cp('content', content, { recursive: true })
  for (let i = 1; i <= 14; i++) {
    const day = String(i).padStart(2, '0')
    await writeFile(
      join(content, `en/2023-02-${day}-brief-${day}.md`),
      `---\ntitle: Brief ${day}\ncategories: [Briefs]\n---\nA short brief, number ${day}.\n`,
    )
  }
  worker = await startDevWorker({ contentDir: content })
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  })
  await mkdir(SHOTS, { recursive: true })
}, 180_000)

afterAll(async () => {
  await browser?.close()
  await worker?.stop()
  if (content) await rm(content, { recursive: true, force: true })
})

interface Visit {
  page: Page
  problems: string[]
}

/** `bypassCSP` only to inject axe-core: the site's policy rightly refuses every script. */
async function visit(
  path: string,
  width: number,
  options: { bypassCSP?: boolean } = {},
): Promise<Visit> {
  const context = await browser.newContext({
    viewport: { width, height: 900 },
    locale: 'ko-KR',
    bypassCSP: options.bypassCSP ?? false,
  })
  const page = await context.newPage()
  const problems: string[] = []
  await context.route(
    (url) => url.origin !== worker.origin,
    (route) => route.fulfill({ status: 200, contentType: 'image/png', body: PIXEL }),
  )
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`)
  })
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
  // A CSP violation is also a console error; this catches any the console would not show.
  await page.exposeFunction('__cspViolation', (text: string) => problems.push(`CSP: ${text}`))
  await page.addInitScript(
    `document.addEventListener('securitypolicyviolation', (e) => window.__cspViolation(e.violatedDirective + ' ' + e.blockedURI))`,
  )
  page.on('requestfailed', (request) =>
    problems.push(`failed: ${request.url()} ${request.failure()?.errorText}`),
  )
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`)
  })
  await page.goto(`${worker.origin}${path}`, { waitUntil: 'networkidle' })
  return { page, problems }
}

const PAGES = [
  ['the seed article', '/ko/putin-kim-pact'],
  ['the Korean home page', '/ko/'],
  ['the English listing, page 2', '/en/page/2'],
] as const

describe.skipIf(!hasBrowser)('in a real browser', () => {
  for (const [name, path] of PAGES) {
    for (const width of [375, 1280]) {
      it(`${name} at ${width} px loads cleanly under its CSP, fits the screen and passes axe`, async () => {
        const { page, problems } = await visit(path, width)
        await page.screenshot({
          path: `${SHOTS}/${path.replace(/\W+/g, '_')}-${width}.png`,
          fullPage: true,
        })
        expect(problems).toEqual([])
        // Run in the page (as strings: the Node side has no DOM types).
        const overflow = await page.evaluate<number>(
          'document.documentElement.scrollWidth - window.innerWidth',
        )
        expect(overflow).toBeLessThanOrEqual(0)
        await page.context().close()

        const { page: audited } = await visit(path, width, { bypassCSP: true })
        await audited.addScriptTag({ path: AXE })
        const violations = await audited.evaluate<string[]>(
          `axe.run().then((r) => r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id + ' (' + v.nodes.length + ')'))`,
        )
        expect(violations).toEqual([])
        await audited.context().close()
      }, 60_000)
    }
  }

  it('the language switcher leads to the translation and remembers the choice', async () => {
    const { page } = await visit('/ko/putin-kim-pact', 1280)
    await page.getByRole('link', { name: 'English' }).click()
    await page.waitForURL(`${worker.origin}/en/putin-kim-pact`)
    expect(await page.locator('h1').textContent()).toBe(
      'Putin and Kim Agree to Mutual Assistance Pact in Case of Aggression',
    )
    // The Korean browser now lands on English from a language-less address.
    await page.goto(`${worker.origin}/`)
    expect(page.url()).toBe(`${worker.origin}/en/`)
    await page.context().close()
  }, 60_000)

  it('pagination moves through the listing by clicking', async () => {
    const { page } = await visit('/en/', 1280)
    const firstPage = await page.locator('.card h2 a').allTextContents()
    await page.getByRole('link', { name: 'Next' }).click()
    await page.waitForURL(`${worker.origin}/en/page/2`)
    const secondPage = await page.locator('.card h2 a').allTextContents()
    expect(secondPage.length).toBeGreaterThan(0)
    expect(secondPage.some((title) => firstPage.includes(title))).toBe(false)
    await page.getByRole('link', { name: 'Previous' }).click()
    await page.waitForURL(`${worker.origin}/en/`)
    await page.context().close()
  }, 60_000)
})
