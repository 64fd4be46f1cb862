/**
 * Hosted pictures in Chromium under the README's `npm start` (content/ as it is, offline): at 375 and
 * 1280 px the sample article's hero comes from its srcset (a /media/ variant, never the original),
 * and no picture on the article or its language's home page is fetched wider than twice the width it
 * is shown at. The JSON-LD crops and og:image the page names are fetched and measured too.
 */
import { existsSync } from 'node:fs'
import { chromium, type Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startNpmStart, type NpmStart } from './helpers/npm-start'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const hasBrowser = existsSync(CHROMIUM)
const ARTICLE = '/en/seoul-heat-island'

let worker: NpmStart
let browser: Browser

beforeAll(async () => {
  if (!hasBrowser) return
  worker = await startNpmStart()
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  })
}, 180_000)

afterAll(async () => {
  await browser?.close()
  await worker?.terminate().catch(() => undefined)
})

interface Shown {
  src: string
  natural: number
  shown: number
  hero: boolean
  srcset: boolean
}

/** Every picture that loaded on the page, with the width it came in and the width it is shown at. */
async function picturesAt(
  path: string,
  width: number,
): Promise<{ shown: Shown[]; media: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 900 }, deviceScaleFactor: 1 })
  const media: string[] = []
  page.on('response', (r) => {
    if (new URL(r.url()).pathname.startsWith('/media/')) media.push(new URL(r.url()).pathname)
  })
  await page.goto(`${worker.origin}${path}`, { waitUntil: 'load' })
  // Lazy pictures load as they come into view.
  await page.evaluate(`(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += 400) {
      window.scrollTo(0, y)
      await new Promise((r) => setTimeout(r, 60))
    }
  })()`)
  await page.waitForLoadState('networkidle')
  const shown = await page.evaluate<Shown[]>(`[...document.images]
    .filter((i) => i.complete && i.naturalWidth > 0)
    .map((i) => ({
      src: i.currentSrc,
      natural: i.naturalWidth,
      shown: i.getBoundingClientRect().width,
      hero: i.getAttribute('fetchpriority') === 'high',
      srcset: i.hasAttribute('srcset'),
    }))`)
  await page.close()
  return { shown, media }
}

describe.skipIf(!hasBrowser)('hosted pictures in Chromium', () => {
  for (const width of [375, 1280]) {
    it(`at ${width} px the hero uses its srcset and no picture comes wider than twice its shown width`, async () => {
      const { shown, media } = await picturesAt(ARTICLE, width)
      const hero = shown.find((s) => s.hero)
      expect(hero, 'the hero loaded').toBeDefined()
      expect(hero!.srcset).toBe(true)
      // A variant: /media/<hash>/<width>.<format>/<name>, not the 2400 px original.
      expect(new URL(hero!.src).pathname).toMatch(/^\/media\/[0-9a-f]{16}\/\d+\.(avif|webp|jpeg)\//)
      expect(media.length).toBeGreaterThan(0)
      for (const path of [ARTICLE, '/en/'])
        for (const s of (await picturesAt(path, width)).shown)
          expect(s.natural, `${path} ${s.src} shown at ${s.shown} px`).toBeLessThanOrEqual(
            2 * s.shown,
          )
    })
  }

  it('names three JSON-LD crops of 1,200 px and a 1200×630 og:image that are what they say', async () => {
    const html = await (await worker.get(ARTICLE)).text()
    const ld = JSON.parse(
      /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]!,
    ) as {
      image: { url: string; width: number; height: number }[]
    }
    const crops = (ld.image as { url: string; width: number; height: number }[]).map((i) => [
      i.width,
      i.height,
    ])
    expect(crops).toEqual([
      [1200, 675],
      [1200, 900],
      [1200, 1200],
    ])
    expect(html).toMatch(/<meta property="og:image:width" content="1200"/)
    expect(html).toMatch(/<meta property="og:image:height" content="630"/)
    const og = /<meta property="og:image" content="([^"]+)"/.exec(html)![1]!
    const page = await browser.newPage()
    for (const [url, w, h] of [
      ...(ld.image as { url: string; width: number; height: number }[]).map(
        (i) => [i.url, i.width, i.height] as const,
      ),
      [og, 1200, 630] as const,
    ]) {
      await page.goto(url)
      const size = await page.evaluate<number[]>(
        `[document.images[0].naturalWidth, document.images[0].naturalHeight]`,
      )
      expect(size, url).toEqual([w, h])
    }
    await page.close()
  })
})
