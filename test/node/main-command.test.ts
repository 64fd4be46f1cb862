/**
 * The README's main command as a user runs it: `npm start` (development tools on), every page kind
 * fetched with GET, its type and charset asserted, opened in Chromium as a page, a failed save's
 * banner seen, and SIGTERM stopping everything it started. `wrangler dev` alone is not enough: the
 * development tools run only here, and once served every article page as source text.
 */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listening, startNpmStart, type NpmStart } from './helpers/npm-start'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const hasBrowser = existsSync(CHROMIUM)
if (!hasBrowser && process.env.REQUIRE_BROWSER)
  throw new Error(`REQUIRE_BROWSER is set but ${CHROMIUM} is missing: apt-get install chromium`)

const HTML = /^text\/html; charset=utf-8$/i
const JSON_TYPE = /^application\/json; charset=utf-8$/i
/** Every page kind a reader, a crawler or a publisher asks for, and the type it must carry. */
const PAGES: [kind: string, path: string, type: RegExp][] = [
  ['Korean article', '/ko/putin-kim-pact', HTML],
  ['English article', '/en/putin-kim-pact', HTML],
  ['Japanese article', '/ja/putin-kim-pact', HTML],
  ['home', '/ko/', HTML],
  ['page 2', '/en/page/2', HTML],
  ['category', '/en/category/Briefs', HTML],
  ['tag', '/ko/tag/%ED%8F%AD%EC%97%BC', HTML],
  ['search', '/ko/search?q=%ED%91%B8%ED%8B%B4', HTML],
  ['inspector', '/preview/ko/putin-kim-pact', HTML],
  ['feed', '/ko/feed.xml', /^application\/atom\+xml; charset=utf-8$/i],
  ['sitemap', '/sitemap.xml', /^application\/xml; charset=utf-8$/i],
  ['JSON API', '/api/articles/ko/putin-kim-pact', JSON_TYPE],
]
let server: NpmStart
let browser: Browser
let content: string

beforeAll(async () => {
  // content/ plus enough English briefs for a second listing page.
  content = await mkdtemp(join(tmpdir(), 'main-command-content-'))
  await cp('content', content, { recursive: true })
  for (let i = 1; i <= 14; i++) {
    const day = String(i).padStart(2, '0')
    await writeFile(
      join(content, `en/2023-02-${day}-brief-${day}.md`),
      `---\ntitle: Brief ${day}\ncategories: [Briefs]\n---\nA short brief, number ${day}.\n`,
    )
  }
  server = await startNpmStart({ contentDir: content })
  if (hasBrowser)
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu'],
    })
}, 180_000)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  if (content) await rm(content, { recursive: true, force: true })
})

describe('npm start serves every page kind with its type', () => {
  it.each(PAGES)(
    '%s (%s): GET answers 200 with its type and charset',
    async (_kind, path, type) => {
      const res = await server.get(path)
      expect(res.status, await res.clone().text()).toBe(200)
      expect(res.headers.get('content-type')).toMatch(type)
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
      expect(res.headers.get('x-request-id')).toBeTruthy()
    },
  )

  it("oEmbed (asked for the article's full URL, as consumers do) answers JSON with its charset", async () => {
    const url = encodeURIComponent(`${server.origin}/ko/putin-kim-pact`)
    const res = await server.get(`/oembed?url=${url}&format=json`)
    expect(res.status, await res.clone().text()).toBe(200)
    expect(res.headers.get('content-type')).toMatch(JSON_TYPE)
    expect(await res.text()).toMatch(/"title":"[^"]*푸틴/)
  })

  it('the 404 page is an HTML page too', async () => {
    const res = await server.get('/ko/no-such-story')
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toMatch(HTML)
  })

  it('the share card is a PNG', async () => {
    const html = await (await server.get('/en/no-front-matter-extras')).text()
    const card = /<meta property="og:image" content="([^"]+\/og\/[^"]+)"/.exec(html)?.[1]
    expect(
      card,
      'an article without its own picture points og:image at its share card',
    ).toBeTruthy()
    const res = await server.get(new URL(card!).pathname)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('image/png')
    const bytes = new Uint8Array(await res.arrayBuffer())
    expect([...bytes.slice(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG')
  })

  it.each(PAGES.filter(([, , type]) => type === HTML))(
    '%s: HEAD and GET agree on every header but the length',
    async (_kind, path) => {
      await (await server.get(path)).arrayBuffer() // warm: both below are the same cached page
      const [get, head] = [await server.get(path), await server.get(path, { method: 'HEAD' })]
      // What frames the body or names this one exchange; everything else is the page's.
      const differ = new Set([
        'content-length',
        'transfer-encoding',
        'connection',
        'keep-alive',
        'date',
        'age', // whole seconds since the copy was made: the two may straddle a second
        'x-request-id',
        'server-timing',
      ])
      const names = new Set([...get.headers.keys(), ...head.headers.keys()])
      for (const name of [...names].filter((n) => !differ.has(n)))
        expect([name, head.headers.get(name)]).toEqual([name, get.headers.get(name)])
    },
  )
})

describe.skipIf(!hasBrowser)('npm start in Chromium', () => {
  it.each(PAGES.filter(([, , type]) => type === HTML))(
    '%s renders as a page, its heading visible text',
    async (_kind, path) => {
      const page = await browser.newPage()
      try {
        await page.route(
          (url) => url.origin !== server.origin,
          (route) => route.abort('failed'),
        )
        await page.goto(`${server.origin}${path}`)
        expect(await page.evaluate('document.contentType')).toBe('text/html')
        const heading = page.locator('h1').first()
        await expect.poll(() => heading.isVisible()).toBe(true)
        const text = await heading.innerText()
        expect(text.trim().length).toBeGreaterThan(0)
        expect(text).not.toContain('<')
      } finally {
        await page.close()
      }
    },
  )

  it("shows a failed save's banner above the article still served", async () => {
    const file = join(server.dir, 'content/ko/2024-06-19-putin-kim-pact.html')
    const good = await readFile(file, 'utf8')
    const lines = server.output.length
    await writeFile(file, good.replace(/^title: .*$/m, 'title: [unclosed'))
    try {
      await expect
        .poll(
          () => server.output.slice(lines).some((l) => l.includes('2024-06-19-putin-kim-pact')),
          {
            timeout: 20_000,
          },
        )
        .toBe(true)
      const page = await browser.newPage()
      try {
        await page.route(
          (url) => url.origin !== server.origin,
          (route) => route.abort('failed'),
        )
        await page.goto(`${server.origin}/ko/putin-kim-pact`)
        const alert = page.getByRole('alert')
        await expect.poll(() => alert.isVisible()).toBe(true)
        expect(await alert.innerText()).toContain('2024-06-19-putin-kim-pact.html')
        // The previous version is still the page.
        expect(await page.locator('h1').first().innerText()).toContain('푸틴')
      } finally {
        await page.close()
      }
    } finally {
      await writeFile(file, good)
    }
  }, 40_000)
})

describe('npm run smoke', () => {
  const smoke = (origin: string, token?: string) =>
    new Promise<{ code: number | null; lines: string[] }>((done) => {
      const child = spawn('npm', ['run', '-s', 'smoke', '--', origin], {
        env: { ...process.env, ADMIN_TOKEN: token ?? '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      let out = ''
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
      child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()))
      child.on('exit', (code) => done({ code, lines: out.split('\n').filter(Boolean) }))
    })

  it('passes against npm start, reads and writes (publish, purge, card, delete)', async () => {
    const { code, lines } = await smoke(server.origin, server.token)
    expect(
      lines.filter((l) => l.startsWith('✗')),
      lines.join('\n'),
    ).toEqual([])
    expect(code).toBe(0)
    for (const check of [
      /^✓ article \/ko\/[^:]+: 200 text\/html; charset=utf-8$/i,
      /^✓ listing: (MISS|HIT) then HIT/,
      /^✓ publish \/ko\/smoke-check-\d+: 201$/,
      /^✓ share card .*: 200 image\/png, a PNG$/,
      /^✓ listing \/ko\/ shows the change after \d+ ms \(MISS\)$/,
      /^✓ \/ko\/smoke-check-\d+ answers 404 after deleting/,
    ])
      expect(
        lines.some((l) => check.test(l)),
        `${check}\n${lines.join('\n')}`,
      ).toBe(true)
    expect(lines.at(-1)).toMatch(/^\d+ passed, 0 failed$/)
  }, 60_000)

  it('fails, line by line, against a site that answers without types or caching', async () => {
    const bare = createServer((req, res) => {
      if (req.url === '/sitemap.xml')
        return res.end('<urlset><url><loc>http://x.example/ko/a</loc></url></urlset>')
      res.setHeader('cache-tag', 'a:ko/a')
      res.end('<h1>a</h1>')
    })
    await new Promise<void>((done) => bare.listen(0, '127.0.0.1', done))
    try {
      const { port } = bare.address() as AddressInfo
      const { code, lines } = await smoke(`http://127.0.0.1:${port}`)
      expect(code).toBe(1)
      for (const failure of [
        /^✗ article \/ko\/a: 200 \(none\)$/,
        /^✗ article: no Cache-Tag/,
        /^✗ article: NONE then NONE/,
      ])
        expect(
          lines.some((l) => failure.test(l)),
          lines.join('\n'),
        ).toBe(true)
    } finally {
      bare.close()
    }
  }, 30_000)
})

describe('stopping npm start', () => {
  it('SIGTERM stops npm, wrangler and workerd, and frees the port', async () => {
    const port = Number(new URL(server.origin).port)
    expect(await listening(port)).toBe(true)
    expect(await server.terminate()).not.toBeUndefined()
    await expect.poll(() => listening(port), { timeout: 5_000 }).toBe(false)
  }, 30_000)
})
