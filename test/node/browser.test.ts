/**
 * Real-browser checks with Debian's Chromium (installed by .ci/run) driven by playwright-core, against
 * a real `wrangler dev`. Images on other hosts fail, as they do offline and often in real life (the
 * requests are aborted, not stubbed), and one article's image is on a host the CSP blocks. Every page
 * kind must then still fit 320, 375 and 1280 px screens, show a placeholder of the right shape for
 * each failed picture, log nothing but those failures, and pass axe; the language switcher and
 * pagination work by clicking. Screenshots at 375 and 1280 px, light and dark, go to
 * test-results/screenshots/ (not committed).
 */
import { existsSync } from 'node:fs'
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningWorker } from '../../scripts/lib/dev-worker'
import { startNpmStart } from './helpers/npm-start'

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
/** Not in IMAGE_HOSTS: the page's own CSP refuses to load it. */
const BLOCKED_IMAGE = 'https://blocked.example/photos/wide.jpg'

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
      `---\ntitle: Brief ${day}\ncategories: [Briefs]\ntags: [brief]\n---\nA short brief, number ${day}.\n`,
    )
  }
  // Links beside editor-coloured text, one link coloured by the editor too.
  await writeFile(
    join(content, 'en/2023-01-01-coloured-links.html'),
    `---\ntitle: Coloured text and links\n---\n<p>A <b><span style="color: #1a5490;">coloured phrase</span></b>, <a href="https://example.com/a">a link</a> and <a href="https://example.com/b" style="color: #1a5490;">a coloured link</a>.</p>\n`,
  )
  // An image the CSP blocks, with a very long alt text and no dimensions: the worst case for layout.
  await writeFile(
    join(content, 'ko/2024-07-01-blocked-image.md'),
    `---\ntitle: 차단된 이미지가 있는 기사\ncategories: [News]\nimage:\n  url: ${BLOCKED_IMAGE}\n  alt: ${'아주 긴 대체 텍스트가 화면 밖으로 넘치지 않아야 합니다 '.repeat(6).trim()}\n---\n본문입니다.\n`,
  )
  // The README's command itself, development tools on: what a publisher opens in a browser.
  worker = await startNpmStart({ contentDir: content })
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
  /** What went wrong that is not an image on another host failing, as it must here. */
  problems: string[]
}

/** `bypassCSP` only to inject axe-core: the site's policy rightly refuses every script. */
async function visit(
  path: string,
  width: number,
  options: { bypassCSP?: boolean; scheme?: 'light' | 'dark' } = {},
): Promise<Visit> {
  const context = await browser.newContext({
    viewport: { width, height: 900 },
    locale: 'ko-KR',
    colorScheme: options.scheme ?? 'light',
    bypassCSP: options.bypassCSP ?? false,
  })
  const page = await context.newPage()
  const problems: string[] = []
  const offsite = (url: string) => url !== '' && !url.startsWith(worker.origin)
  // Offline: every request to another host fails, as images often do on a phone.
  await context.route(
    (url) => url.origin !== worker.origin,
    (route) => route.abort('failed'),
  )
  page.on('console', (message) => {
    const from = message.location().url
    const expected = from.includes('/no-such-page') || message.text().includes(BLOCKED_IMAGE)
    if (message.type() === 'error' && !offsite(from) && !expected)
      problems.push(`console: ${message.text()}`)
  })
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
  // A CSP violation is also a console error; this catches any the console would not show.
  await page.exposeFunction('__cspViolation', (text: string) => {
    if (!text.endsWith(BLOCKED_IMAGE)) problems.push(`CSP: ${text}`)
  })
  await page.addInitScript(
    `document.addEventListener('securitypolicyviolation', (e) => window.__cspViolation(e.violatedDirective + ' ' + e.blockedURI))`,
  )
  page.on('requestfailed', (request) => {
    if (!offsite(request.url()))
      problems.push(`failed: ${request.url()} ${request.failure()?.errorText}`)
  })
  page.on('response', (response) => {
    if (response.status() >= 400 && !response.url().includes('/no-such-page'))
      problems.push(`HTTP ${response.status()}: ${response.url()}`)
  })
  await page.goto(`${worker.origin}${path}`, { waitUntil: 'networkidle' })
  return { page, problems }
}

/** Every picture has loaded or failed (polled from here: the page's CSP refuses Playwright's own waiters). */
async function imagesSettled(page: Page) {
  // Lazy pictures out of view would never try: make every one load now.
  await page.evaluate(`[...document.images].forEach((img) => { img.loading = 'eager' })`)
  for (let i = 0; i < 100; i++) {
    if (await page.evaluate<boolean>('[...document.images].every((img) => img.complete)')) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error('pictures still loading after 10 s')
}

/** Each failed picture's frame: its shape, and whether the picture inside failed. */
interface Frame {
  width: number
  height: number
  ratio: string
  failed: boolean
  /** Hosted with the site (/media/…): it loads, as it should. */
  local: boolean
}

const frames = (page: Page) =>
  page.evaluate<Frame[]>(`[...document.querySelectorAll('.media:has(img)')].map((m) => {
    const box = m.getBoundingClientRect()
    const img = m.querySelector('img')
    return { width: box.width, height: box.height, ratio: m.style.aspectRatio || '', failed: img.complete && img.naturalWidth === 0, local: new URL(img.currentSrc || img.src).origin === location.origin }
  })`)

/** Every page kind a reader meets. */
const KINDS = [
  ['article', '/ko/putin-kim-pact'],
  ['article-blocked-image', '/ko/blocked-image'],
  ['home', '/ko/'],
  ['page-2', '/en/page/2'],
  ['category', '/ko/category/News'],
  ['section', `/ko/category/${encodeURIComponent('뉴스')}`],
  ['home-en', '/en/'],
  ['tag', '/en/tag/brief'],
  ['author', '/ko/author/kim-seoyeon'],
  ['search', `/ko/search?q=${encodeURIComponent('푸틴')}`],
  ['not-found', '/ko/no-such-page'],
] as const

const PAGES = [
  ['the seed article', '/ko/putin-kim-pact'],
  ['the Korean home page', '/ko/'],
  ['the English home page', '/en/'],
  ['the Korean news section', '/ko/category/news'],
  ['the English listing, page 2', '/en/page/2'],
  ['an author page', '/ko/author/kim-seoyeon'],
] as const

describe.skipIf(!hasBrowser)('in a real browser', () => {
  for (const [kind, path] of KINDS) {
    it(`the ${kind} page fits 320, 375 and 1280 px with its images failing, light and dark`, async () => {
      for (const width of [320, 375, 1280])
        for (const scheme of width === 320 ? (['light'] as const) : (['light', 'dark'] as const)) {
          const { page, problems } = await visit(path, width, { scheme })
          if (width !== 320)
            await page.screenshot({
              path: `${SHOTS}/${kind}-${width}-${scheme}.png`,
              fullPage: true,
            })
          expect(problems, `${kind} ${width}`).toEqual([])
          const overflow = await page.evaluate<number>(
            'document.documentElement.scrollWidth - window.innerWidth',
          )
          expect(overflow, `${kind} at ${width} px scrolls sideways`).toBeLessThanOrEqual(0)
          // A story without a picture shows a typographic card of the frame's shape, with text in it.
          const typeCards = await page.evaluate<{ width: number; height: number; text: string }[]>(
            `[...document.querySelectorAll('.type-card')].map((m) => { const b = m.getBoundingClientRect(); return { width: b.width, height: b.height, text: m.innerText.trim() } })`,
          )
          for (const card of typeCards) {
            expect(card.text, `${kind}: typographic card`).not.toBe('')
            expect(Math.abs(card.height - (card.width * 9) / 16), `${kind} type card`).toBeLessThan(
              2,
            )
          }
          // Lazy pictures below the fold try to load (and fail) once scrolled to.
          await page.evaluate('window.scrollTo(0, document.documentElement.scrollHeight)')
          await imagesSettled(page)
          // A failed picture leaves its frame: as wide as its column, of its own ratio (or 16:9).
          for (const frame of await frames(page)) {
            expect(
              frame.failed || frame.local,
              `${kind}: pictures on other hosts must fail here`,
            ).toBe(true)
            expect(frame.width).toBeLessThanOrEqual(width)
            const [w, h] = frame.ratio ? frame.ratio.split('/').map(Number) : [16, 9]
            expect(Math.abs(frame.height - (frame.width * h!) / w!), `${kind} frame`).toBeLessThan(
              2,
            )
          }
          await page.context().close()
        }
    }, 90_000)
  }

  for (const [name, path] of PAGES) {
    for (const width of [375, 1280]) {
      it(`${name} at ${width} px passes axe`, async () => {
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
    await page.getByRole('link', { name: 'English', exact: true }).click()
    await page.waitForURL(`${worker.origin}/en/putin-kim-pact`)
    expect(await page.locator('h1').textContent()).toBe(
      'Putin and Kim Agree to Mutual Assistance Pact in Case of Aggression',
    )
    // The Korean browser now lands on English from a language-less address.
    await page.goto(`${worker.origin}/`)
    expect(page.url()).toBe(`${worker.origin}/en/`)
    await page.context().close()
  }, 60_000)

  it('the header keeps the sections on one line at every width, scrolling sideways on a phone, and its search is a plain form', async () => {
    for (const width of [320, 375, 1280]) {
      const { page } = await visit('/ko/putin-kim-pact', width)
      const nav = await page.evaluate<{ tops: number[]; scrolls: boolean; fits: boolean }>(`(() => {
        const list = document.querySelector('nav.sections ul')
        const tops = [...list.querySelectorAll('a')].map((a) => Math.round(a.getBoundingClientRect().top))
        return { tops, scrolls: getComputedStyle(list).overflowX === 'auto', fits: list.scrollWidth <= list.clientWidth }
      })()`)
      expect(nav.tops.length, `${width}`).toBeGreaterThan(3)
      expect(new Set(nav.tops).size, `sections wrap at ${width} px`).toBe(1)
      expect(nav.scrolls).toBe(true)
      if (width === 1280) expect(nav.fits).toBe(true)
      await page.context().close()
    }
    const { page } = await visit('/ko/', 375)
    await page.getByRole('link', { name: '뉴스', exact: true }).first().click()
    await page.waitForURL(`${worker.origin}/ko/category/news`)
    expect(await page.locator('h1').textContent()).toBe('뉴스')
    await page.getByRole('searchbox', { name: '검색' }).first().fill('푸틴')
    await page.getByRole('searchbox', { name: '검색' }).first().press('Enter')
    await page.waitForURL(/\/ko\/search\?q=/)
    expect(await page.locator('.card h2 a').first().textContent()).toContain('푸틴')
    await page.context().close()
  }, 90_000)

  it('the inspector keeps Korean titles whole and draws a grey frame, not a broken-image icon, for a picture that fails', async () => {
    const { page, problems } = await visit('/preview/ko/putin-kim-pact', 375)
    expect(problems).toEqual([])
    await page.evaluate('window.scrollTo(0, document.documentElement.scrollHeight)')
    await imagesSettled(page)
    const looks = await page.evaluate<{ wordBreak: string; failed: boolean; after: string }[]>(
      `[...document.querySelectorAll('.mock')].filter((m) => m.querySelector('.thumb')).map((m) => {
        const img = m.querySelector('img.thumb')
        return { wordBreak: getComputedStyle(m.querySelector('.mock-title') ?? m).wordBreak, failed: img.complete && img.naturalWidth === 0, after: getComputedStyle(img, '::after').backgroundColor }
      })`,
    )
    expect(looks.length).toBeGreaterThan(3)
    for (const look of looks) {
      expect(look.wordBreak).toBe('keep-all')
      expect(look.failed).toBe(true)
      expect(look.after).toBe('rgb(217, 220, 225)')
    }
    await page.context().close()
  }, 60_000)

  it('underlines every link in a body, and never the editor’s coloured text', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const { page } = await visit('/en/coloured-links', 375, { scheme })
      const looks = await page.evaluate<{ link: boolean; line: string }[]>(
        `[...document.querySelectorAll('.body a, .body span[style]')].map((e) => ({ link: e.localName === 'a', line: getComputedStyle(e).textDecorationLine }))`,
      )
      expect(looks.filter((l) => l.link).map((l) => l.line)).toEqual(['underline', 'underline'])
      expect(looks.filter((l) => !l.link).map((l) => l.line)).toEqual(['none'])
      await page.context().close()
    }
  }, 60_000)

  it('pagination moves through the listing by clicking', async () => {
    const { page } = await visit('/en/', 1280)
    const firstPage = await page.locator('.front-latest :is(h2, h3) a').allTextContents()
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
