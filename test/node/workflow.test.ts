/** The publisher's loop: live editing, dry runs, pulls, prunes, checks, new files, image facts, deploy. */
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import { join, relative, sep } from 'node:path'
import { promisify } from 'node:util'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { benchBundle } from '../../bench/bundle'
import { pull } from '../../scripts/content-pull'
import { push } from '../../scripts/content-push'
import { startDevWorker, type RunningWorker } from '../../scripts/lib/dev-worker'
import { probeImage } from '../../scripts/lib/image-probe'
import { readSiteConfig } from '../../scripts/lib/config'
import { openStorage } from '../../scripts/lib/storage'
import { watchContent, type Watcher } from '../../scripts/lib/watch'
import { quiet, useWorkspace } from './helpers/workspace'
import { createArticle } from '../../scripts/new'

const run = promisify(execFile)
const ws = useWorkspace('workflow-')

/** Every file under a folder, path → bytes. */
async function snapshot(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>()
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name)
      files.set(path.slice(dir.length + 1), await readFile(path))
    }
  }
  return files
}

describe('live editing while the dev server runs', () => {
  let worker: RunningWorker
  beforeAll(async () => {
    // DEV_TOOLS as npm start sets it: the failed-save banner is on.
    worker = await startDevWorker({ vars: { DEV_TOOLS: '1' } })
  }, 120_000)
  afterAll(() => worker?.stop())

  /**
   * Saves a file under content/ and waits for the watcher's "published" event for it (never for a
   * time): resolves with the line the terminal printed for that save.
   */
  async function save(watcher: Watcher, file: string, text?: string | Buffer): Promise<string> {
    const path = relative(ws.content, file).split(sep).join('/')
    const handled = watcher.published(path)
    if (text === undefined) await rm(file)
    else await writeFile(file, text)
    return handled
  }

  /** What a reader reloading the page gets now. */
  async function page(path: string) {
    const res = await worker.get(path)
    return { status: res.status, html: await res.text() }
  }

  const watchWith = async (lines: string[]) =>
    watchContent({
      dir: ws.content,
      persistTo: worker.state,
      purge: { origin: worker.origin, token: worker.token },
      log: (line) => lines.push(line),
      debounceMs: 30,
    })

  it('serves a saved file changed within about a second, keeps the old version after an invalid save, and follows creates and deletes', async () => {
    const lines: string[] = []
    const watcher = await watchWith(lines)
    try {
      const file = join(ws.content, 'ko/kimchi-recipe.html')
      const original = await readFile(file, 'utf8')
      expect((await page('/ko/kimchi-recipe')).html).toContain('<h1>초보도 실패 없는')

      // How soon is bench/live-save.ts's to measure; here only that it is served once handled.
      await save(watcher, file, original.replace('title: ', 'title: 수정본 '))
      expect((await page('/ko/kimchi-recipe')).html).toContain('<h1>수정본 초보도')

      await save(watcher, file, original.replace(/^title: .*$/m, 'title: [broken'))
      expect(await (await worker.get('/ko/kimchi-recipe')).text()).toContain('<h1>수정본 초보도')

      const added = join(ws.content, 'en/brand-new.md')
      await save(watcher, added, '---\ntitle: Brand new\n---\nFresh.')
      expect((await page('/en/brand-new')).status).toBe(200)
      await save(watcher, added) // deleted
      expect((await page('/en/brand-new')).status).toBe(404)
    } finally {
      await watcher.close()
    }
  }, 60_000)

  it('hosts the pictures a saved article uses: uploaded by content hash, served in variants', async () => {
    const lines: string[] = []
    const watcher = await watchWith(lines)
    const picture = join(ws.content, 'media/saved/harbour.png')
    const article = join(ws.content, 'en/saved-picture.md')
    try {
      await mkdir(join(ws.content, 'media/saved'), { recursive: true })
      const bytes = await sharp({
        create: { width: 1300, height: 800, channels: 3, background: '#3a6ea5' },
      })
        .png()
        .toBuffer()
      await writeFile(picture, bytes)
      const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 16)
      await save(
        watcher,
        article,
        '---\ntitle: Saved with a picture\nimage:\n  url: ../media/saved/harbour.png\n  alt: A blue harbour\n---\nText.\n',
      )
      expect(lines.at(-1)).toMatch(/^\+ \/en\/saved-picture live/)
      const html = await (await worker.get('/en/saved-picture')).text()
      expect(html).toContain(`/media/${hash}/768.webp/harbour.png 768w`)
      expect(html).toMatch(/width="1300" height="800"/)
      const original = await worker.get(`/media/${hash}/harbour.png`)
      expect(original.headers.get('content-type')).toBe('image/png')
      expect(Buffer.from(await original.arrayBuffer()).equals(bytes)).toBe(true)
      const variant = await worker.get(`/media/${hash}/480.webp/harbour.png`)
      expect(variant.headers.get('content-type')).toBe('image/webp')
      expect((await sharp(Buffer.from(await variant.arrayBuffer())).metadata()).width).toBe(480)

      // Only the picture is saved, with other bytes: the article using it moves to their address.
      const green = await sharp({
        create: { width: 1300, height: 800, channels: 3, background: '#2e8b57' },
      })
        .png()
        .toBuffer()
      const greenHash = createHash('sha256').update(green).digest('hex').slice(0, 16)
      await save(watcher, picture, green)
      expect(lines.at(-1)).toMatch(/^↻ \/en\/saved-picture live/)
      const replaced = await (await worker.get('/en/saved-picture')).text()
      expect(replaced).toContain(`/media/${greenHash}/768.webp/harbour.png 768w`)
      expect(replaced).not.toContain(hash)

      // The picture deleted: the article is refused, naming it, and keeps its stored version.
      await save(watcher, picture)
      expect(lines.at(-1)).toMatch(/media\/saved\/harbour\.png.*still serves the previous version/)
      expect(await (await worker.get('/en/saved-picture')).text()).toContain(greenHash)
      // Put back, the article is fixed without being saved again.
      await save(watcher, picture, bytes)
      expect(lines.at(-1)).toMatch(/^✓ en\/saved-picture\.md fixed, live/)
      expect(await (await worker.get('/en/saved-picture')).text()).toContain(`/media/${hash}/`)
    } finally {
      await watcher.close()
      await rm(article, { force: true })
      await rm(join(ws.content, 'media/saved'), { recursive: true, force: true })
    }
  }, 60_000)

  it('publishes a save whether or not the dev server answers (through its publishing API when it does)', async () => {
    const lines: string[] = []
    const watcher = await watchWith(lines)
    try {
      // Through the server: one request stores, indexes and purges; the page shows it at once.
      await save(watcher, join(ws.content, 'en/through-server.md'), '---\ntitle: Through\n---\nA.')
      expect(lines.at(-1)).toMatch(/^\+ \/en\/through-server live \(\d+ ms\)$/)
      expect(await (await worker.get('/en/through-server')).text()).toContain('<h1>Through</h1>')
    } finally {
      await watcher.close()
    }
    // No server at the address given (say it is still starting): the save is stored directly.
    const offline = await watchContent({
      dir: ws.content,
      persistTo: worker.state,
      purge: { origin: 'http://127.0.0.1:9', token: worker.token },
      log: (line) => lines.push(line),
      debounceMs: 30,
    })
    try {
      await save(offline, join(ws.content, 'en/without-server.md'), '---\ntitle: Without\n---\nB.')
      expect(lines.at(-1)).toMatch(/^\+ \/en\/without-server live \(\d+ ms\)$/)
      expect(await (await worker.get('/en/without-server')).text()).toContain('<h1>Without</h1>')
    } finally {
      await offline.close()
      await rm(join(ws.content, 'en/through-server.md'))
      await rm(join(ws.content, 'en/without-server.md'))
    }
  }, 60_000)

  it('says what readers get after each save: a new broken file is a 404, a broken change keeps the old version, a fix is live, a draft is not served', async () => {
    const lines: string[] = []
    const watcher = await watchWith(lines)
    const last = () => lines.at(-1) ?? ''
    try {
      // A new file with an unclosed quote on line 2: located where the quote opens; nothing is served.
      const fresh = join(ws.content, 'ko/broken-new.md')
      await save(watcher, fresh, '---\ntitle: "첫 기사\ndate: 2024-06-19\ntags: [a]\n---\n본문')
      expect(last()).toMatch(/^✗ ko\/broken-new\.md:2:8: invalid YAML: the quote " opened here/)
      expect(last()).toContain('/ko/broken-new is not served (404) until this is fixed')
      expect(last()).not.toContain('previous version')
      // The dev server shows the same error on that address.
      const page = await worker.get('/ko/broken-new')
      expect(page.status).toBe(404)
      expect(await page.text()).toContain('ko/broken-new.md:2:8: invalid YAML')

      // An impossible date: its line.
      await save(watcher, fresh, '---\ntitle: 첫 기사\ntags: [a]\ndate: 2024-13-45\n---\n본문')
      expect(last()).toMatch(/^✗ ko\/broken-new\.md:4 → date: .*"2024-13-45"/)

      // Fixed: the terminal says so, and the page is live without the banner.
      await save(watcher, fresh, '---\ntitle: 첫 기사\ndate: 2024-06-19\n---\n본문')
      expect(last()).toMatch(/^✓ ko\/broken-new\.md fixed, live at \/ko\/broken-new \(\d+ ms\)/)
      const fixed = await worker.get('/ko/broken-new')
      expect(fixed.status).toBe(200)
      expect(await fixed.text()).not.toContain('role="alert"')

      // A broken change to a served article: the previous version is still served, and said so.
      const kimchi = join(ws.content, 'ko/kimchi-recipe.html')
      const original = await readFile(kimchi, 'utf8')
      await save(watcher, kimchi, original.replace(/^title: .*$/m, 'title: [broken'))
      expect(last()).toMatch(
        /^✗ ko\/kimchi-recipe\.html:2:8: .* — \/ko\/kimchi-recipe still serves the previous version$/,
      )

      // Each save is handled alone: saving another file does not repeat the broken one's error.
      lines.length = 0
      await save(watcher, fresh, '---\ntitle: 첫 기사 2\ndate: 2024-06-19\n---\n본문')
      expect(lines).toEqual([expect.stringMatching(/^↻ \/ko\/broken-new live \(\d+ ms\)/)])

      await save(watcher, kimchi, original)
      expect(last()).toMatch(/^✓ ko\/kimchi-recipe\.html fixed, live at \/ko\/kimchi-recipe/)

      // A draft is stored, not served.
      await save(
        watcher,
        join(ws.content, 'en/later.md'),
        '---\ntitle: Later\npublished: false\n---\nNot yet.',
      )
      expect(last()).toMatch(/^· en\/later\.md: draft \(published: false\), stored, not served/)
      expect((await worker.get('/en/later')).status).toBe(404)
    } finally {
      await watcher.close()
    }
  }, 90_000)
})

describe('content:push', () => {
  it('--dry-run reports exactly what would change and changes nothing', async () => {
    const lines: string[] = []
    const dry = await push({
      dir: ws.content,
      remote: false,
      persistTo: ws.state,
      dryRun: true,
      ...quiet,
      log: (l) => lines.push(l),
    })
    expect(dry.added).toHaveLength(11)
    // A draft is stored but never served: not listed as a live address.
    expect(lines).not.toContain('  + /ko/draft-election-preview')
    expect(lines).toContain(
      '  · ko/draft-election-preview: draft (published: false), stored, not served',
    )
    expect(lines.find((l) => l.includes('dry run'))).toMatch(
      /11 added, 0 changed, 0 unchanged, 0 removed/,
    )
    const real = await push({ dir: ws.content, remote: false, persistTo: ws.state, ...quiet })
    expect(real.added).toEqual(dry.added) // nothing was written by the dry run
  }, 60_000)

  it('deletes articles gone from the folder only with --prune', async () => {
    await push({ dir: ws.content, remote: false, persistTo: ws.state, ...quiet })
    await rm(join(ws.content, 'ko/kimchi-recipe.html'))
    const kept = await push({ dir: ws.content, remote: false, persistTo: ws.state, ...quiet })
    expect(kept.onlyInStorage).toEqual(['ko/kimchi-recipe'])
    expect(kept.deleted).toEqual([])
    const dry = await push({
      dir: ws.content,
      remote: false,
      persistTo: ws.state,
      prune: true,
      dryRun: true,
      ...quiet,
    })
    expect(dry.deleted).toEqual(['ko/kimchi-recipe'])
    const pruned = await push({
      dir: ws.content,
      remote: false,
      persistTo: ws.state,
      prune: true,
      ...quiet,
    })
    expect(pruned.deleted).toEqual(['ko/kimchi-recipe'])
    expect(
      (await push({ dir: ws.content, remote: false, persistTo: ws.state, ...quiet })).onlyInStorage,
    ).toEqual([])
  }, 60_000)
})

describe('content:pull', () => {
  it('round-trips byte for byte, Korean text and CRLF files included, and brings back articles made elsewhere', async () => {
    await writeFile(
      join(ws.content, 'ko/crlf-notes.html'),
      '---\r\ntitle: 윈도우 메모장에서\r\n---\r\n<p>줄바꿈이 CRLF입니다.</p>\r\n',
    )
    await push({ dir: ws.content, remote: false, persistTo: ws.state, ...quiet })
    // An article that exists only in storage, as the publishing API would leave it.
    const storage = await openStorage('kv', await readSiteConfig(), {
      remote: false,
      persistTo: ws.state,
    })
    const apiSource = new TextEncoder().encode('---\ntitle: APIで作成\n---\n本文')
    const sha256 = createHash('sha256').update(apiSource).digest('hex')
    await storage.put('ja/api-only', apiSource, {
      fileName: 'ja/2024-09-01-api-only.md',
      format: 'md',
      sha256,
    })
    await storage.close()

    const pulled = join(ws.work, 'pulled')
    const result = await pull({ dir: pulled, remote: false, persistTo: ws.state, log: () => {} })
    expect(result.written).toContain('ja/2024-09-01-api-only.md')
    const before = await snapshot(ws.content)
    const after = await snapshot(pulled)
    // sections.yml is bundled with the Worker, never stored: there is nothing to pull back.
    before.delete('sections.yml')
    for (const [path, bytes] of before) expect(after.get(path)?.equals(bytes), path).toBe(true)
    expect(after.get('ko/crlf-notes.html')!.toString()).toContain('\r\n')

    const again = await push({ dir: pulled, remote: false, persistTo: ws.state, ...quiet })
    expect(again).toMatchObject({ added: [], changed: [], onlyInStorage: [] })
  }, 60_000)

  it('leaves a local file that differs from storage alone unless --force', async () => {
    await push({ dir: ws.content, remote: false, persistTo: ws.state, ...quiet })
    const file = join(ws.content, 'ko/kimchi-recipe.html')
    await writeFile(file, 'local edits not pushed yet')
    const result = await pull({
      dir: ws.content,
      remote: false,
      persistTo: ws.state,
      log: () => {},
    })
    expect(result.conflicts).toEqual(['ko/kimchi-recipe.html'])
    expect(await readFile(file, 'utf8')).toBe('local edits not pushed yet')
    await pull({ dir: ws.content, remote: false, persistTo: ws.state, force: true, log: () => {} })
    expect(await readFile(file, 'utf8')).toContain('title:')
  }, 60_000)
})

/** Node flags that make a command fail if it loads wrangler or Miniflare (seconds each). */
const WITHOUT_WRANGLER = ['--import', './test/node/helpers/no-wrangler.mjs', '--import', 'tsx']

describe('content:check', () => {
  const check = (...args: string[]) =>
    run('node', [...WITHOUT_WRANGLER, 'scripts/content-check.ts', ...args]).then(
      ({ stdout }) => ({ code: 0, stdout }),
      (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
    )

  // Loading wrangler took 12–16 s; without it the check takes about a second (README, measured).
  it('checks every file without loading wrangler or Miniflare', async () => {
    const { code, stdout } = await check(ws.content)
    expect(code).toBe(0) // with wrangler loaded, the command fails (helpers/no-wrangler.mjs)
    expect(stdout.trim().split('\n').at(-1)).toMatch(/^✓ content:check: 11 file\(s\)/)
  }, 30_000)

  it('passes with warnings, fails on them with --strict, fails on errors, and ends with a summary line', async () => {
    const ok = await check(ws.content)
    expect(ok.code).toBe(0)
    expect(ok.stdout.trim().split('\n').at(-1)).toMatch(
      /^✓ content:check: 11 file\(s\), 0 error\(s\), \d+ warning\(s\)$/,
    )
    expect((await check(ws.content, '--strict')).code).toBe(1)
    await writeFile(join(ws.content, 'en/broken.md'), '---\ntitle:\n---\n')
    const failed = await check(ws.content)
    expect(failed.code).toBe(1)
    expect(failed.stdout).toMatch(/✗ en\/broken\.md:2 → title/)
  }, 60_000)

  it('leaves only the explained warnings on the sample content, and links each article’s inspector', async () => {
    const { stdout } = await check(ws.content)
    const warned = [...stdout.matchAll(/^⚠ ([^:]+):/gm)].map((m) => m[1])
    // Each is deliberate; see the comments in those files (the reference article is kept verbatim).
    expect(warned).toEqual([
      'ko/2024-06-19-putin-kim-pact.html',
      'ko/2024-06-20-seoul-heatwave.md',
      'ko/kimchi-recipe.html',
    ])
    expect(stdout).toContain('↳ every card: http://127.0.0.1:8787/preview/ko/kimchi-recipe')
  }, 60_000)

  it('fails on an image the page’s CSP would block, naming the host to allow', async () => {
    await writeFile(
      join(ws.content, 'en/foreign.md'),
      '---\ntitle: Foreign\nimage:\n  url: https://elsewhere.example/a.jpg\n  width: 1200\n  height: 630\n  alt: A picture\n---\nBody.\n',
    )
    const { code, stdout } = await check(ws.content)
    expect(code).toBe(1)
    expect(stdout).toContain(
      '✗ en/foreign.md: [page] error: The image https://elsewhere.example/a.jpg is blocked by the page’s Content-Security-Policy (img-src): readers see an empty box. Add https://elsewhere.example to IMAGE_HOSTS',
    )
    expect(stdout.trim().split('\n').at(-1)).toMatch(/^✗ content:check: 12 file\(s\), 1 error\(s\)/)
  }, 60_000)

  it('places YAML and date errors at their line and column', async () => {
    await writeFile(
      join(ws.content, 'ko/quote.md'),
      '---\ntitle: "닫지 않은 따옴표\ndate: 2024-06-19\n---\n본문',
    )
    await writeFile(join(ws.content, 'ko/date.md'), '---\ntitle: 날짜\ndate: 2024-13-45\n---\n본문')
    const { stdout } = await check(ws.content)
    expect(stdout).toContain(
      '✗ ko/quote.md:2:8: invalid YAML: the quote " opened here is never closed; end the value with " on this line',
    )
    expect(stdout).toContain('✗ ko/date.md:3 → date: expected a date like 2024-06-19')
  }, 60_000)
})

describe('npm run new', () => {
  it('creates an undated draft (dated when it goes live; the format in Seoul time as a comment) and refuses to overwrite, even a dated file', async () => {
    const path = await createArticle({
      dir: ws.content,
      lang: 'ko',
      slug: 'fresh-news',
      now: new Date('2026-11-25T16:30:00Z'),
    })
    const text = await readFile(path, 'utf8')
    expect(text).toMatch(/^---\ntitle: "새 기사 제목"\n/)
    // Its creation is not its publication: no date unless the author writes one.
    expect(text).not.toMatch(/^date:/m)
    expect(text).toMatch(/^# date: 2026-11-26 01:30:00 \+0900$/m)
    expect(text).toMatch(/^lang: ko$/m)
    expect(text).toMatch(/^published: false$/m) // a draft until the publisher says otherwise
    await expect(
      createArticle({ dir: ws.content, lang: 'ko', slug: 'fresh-news' }),
    ).rejects.toThrow(/already exists/)
    await expect(
      createArticle({ dir: ws.content, lang: 'ko', slug: 'seoul-heatwave' }),
    ).rejects.toThrow(/2024-06-20-seoul-heatwave\.md already exists/)
    await expect(createArticle({ dir: ws.content, lang: 'xx', slug: 'a' })).rejects.toThrow(
      /not one of LANGUAGES/,
    )
    // What it writes passes the same checks as a push, and is stored as a draft, not listed live.
    const lines: string[] = []
    const pushed = await push({
      dir: ws.content,
      remote: false,
      persistTo: ws.state,
      probeImages: false,
      log: (l) => lines.push(l),
    })
    expect(pushed.added).toContain('ko/fresh-news')
    expect(lines).toContain('  · ko/fresh-news: draft (published: false), stored, not served')
    expect(lines).not.toContain('  + /ko/fresh-news')
    const storedAs = async () => {
      const storage = await openStorage('kv', await readSiteConfig(), {
        remote: false,
        persistTo: ws.state,
      })
      const entry = (await storage.list()).get('ko/fresh-news')
      await storage.close()
      return entry!.metadata
    }
    // A draft has no first upload: it has not been published.
    expect((await storedAs()).firstUploaded).toBeUndefined()
    // Published: its first upload (its publication time) is this push, and it is no update.
    await writeFile(path, text.replace('published: false\n', ''))
    const before = Date.now()
    await push({
      dir: ws.content,
      remote: false,
      persistTo: ws.state,
      probeImages: false,
      log: () => {},
    })
    const live = await storedAs()
    expect(Date.parse(live.firstUploaded!)).toBeGreaterThanOrEqual(before)
    expect(live.modified).toBeUndefined()
  }, 60_000)

  it('under npm start, is dated by the save that publishes it, not by its draft saves', async () => {
    // No server at the address (npm start still starting): the watcher stores each save itself.
    const watcher = await watchContent({
      dir: ws.content,
      persistTo: ws.state,
      purge: { origin: 'http://127.0.0.1:9', token: 'unused-token-0123' },
      log: () => {},
      debounceMs: 30,
    })
    const created = watcher.published('ko/drafted-live.md')
    const path = await createArticle({ dir: ws.content, lang: 'ko', slug: 'drafted-live' })
    await created
    const draft = await readFile(path, 'utf8')
    const saved = async (text: string) => {
      const handled = watcher.published('ko/drafted-live.md')
      await writeFile(path, text)
      await handled
    }
    let before: number
    try {
      await saved(draft.replace('여기에', '초안: 여기에'))
      await saved(draft.replace('여기에', '고친 초안: 여기에'))
      before = Date.now()
      await saved(draft.replace('published: false\n', ''))
    } finally {
      await watcher.close()
    }
    const storage = await openStorage('kv', await readSiteConfig(), {
      remote: false,
      persistTo: ws.state,
    })
    const stored = (await storage.list()).get('ko/drafted-live')
    await storage.close()
    expect(Date.parse(stored!.metadata.firstUploaded!)).toBeGreaterThanOrEqual(before)
    expect(stored!.metadata.modified).toBeUndefined()
  }, 60_000)

  it('prints the file and the address, without loading wrangler (the command fails if it does)', async () => {
    const { stdout } = await run(
      'node',
      [...WITHOUT_WRANGLER, 'scripts/new.ts', 'ko', 'timing-probe'],
      {
        env: { ...process.env },
      },
    ).finally(() => rm('content/ko/timing-probe.md', { force: true }))
    expect(stdout).toContain('✓ created content/ko/timing-probe.md: a draft (published: false)')
    expect(stdout).toContain('http://127.0.0.1:8787/ko/timing-probe')
  }, 30_000)
})

describe('the image probe', () => {
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
    Buffer.from('IHDR'),
    u32(1200),
    u32(630),
    Buffer.from([8, 2, 0, 0, 0, 0, 0, 0, 0]),
  ])
  const jpeg = Buffer.from([
    0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01,
    0x00, 0x01, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x02, 0x76, 0x04, 0xb0, 0x03, 0x01, 0x22,
    0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01, 0xff, 0xd9,
  ])
  const webp = Buffer.concat([
    Buffer.from('RIFF'),
    Buffer.from([30, 0, 0, 0]),
    Buffer.from('WEBPVP8X'),
    Buffer.from([10, 0, 0, 0, 0, 0, 0, 0]),
    u24(799),
    u24(399),
  ])
  let server: Server
  let origin: string
  /** Called when the client hangs up on the request that is never answered. */
  let slowClosed = () => {}
  beforeAll(async () => {
    server = createServer((req, res) => {
      const body = { '/a.png': png, '/a.jpg': jpeg, '/a.webp': webp }[req.url ?? '']
      if (req.url === '/slow.jpg') return void res.on('close', () => slowClosed()) // never answers
      if (!body) return res.writeHead(404).end()
      res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(body)
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`
  })
  afterAll(() => {
    server.closeAllConnections()
    server.close()
  })

  it.each([
    ['PNG', '/a.png', { width: 1200, height: 630, type: 'image/png' }],
    ['JPEG', '/a.jpg', { width: 1200, height: 630, type: 'image/jpeg' }],
    ['WebP', '/a.webp', { width: 800, height: 400, type: 'image/webp' }],
  ])('reads a %s file’s size from its first bytes', async (_name, path, facts) => {
    expect(await probeImage(`${origin}${path}`)).toEqual(facts)
  })

  it('times out cleanly and reports a missing image', async () => {
    // The probe gives up and hangs up: the server sees the connection closed (an event, not a
    // stopwatch; a probe that waited on would leave it open and this test would time out).
    const hungUp = new Promise<void>((resolve) => (slowClosed = resolve))
    await expect(probeImage(`${origin}/slow.jpg`, 300)).rejects.toThrow(/no answer within 300 ms/)
    await hungUp
    await expect(probeImage(`${origin}/missing.png`)).rejects.toThrow(/HTTP 404/)
  })

  it('is used by content:push, so og:image:width/height appear without the author writing them', async () => {
    // Only images on the local test server: tests never reach the internet.
    const own = join(ws.work, 'own')
    await mkdir(join(own, 'en'), { recursive: true })
    await writeFile(
      join(own, 'en/measured.md'),
      `---\ntitle: Measured\nimage: ${origin}/a.png\n---\nBody.`,
    )
    await writeFile(
      join(own, 'en/sized.md'),
      `---\ntitle: Sized\nimage:\n  url: ${origin}/a.jpg\n  width: 10\n  height: 10\n---\nBody.`,
    )
    const lines: string[] = []
    await push({ dir: own, remote: false, persistTo: ws.state, log: (l) => lines.push(l) })
    expect(lines).toContain('  ▣ en/measured.md: image 1200×630 image/png')
    expect(lines.join('\n')).not.toContain('sized.md: image') // the author's own size wins, nothing fetched
    const storage = await openStorage('kv', await readSiteConfig(), {
      remote: false,
      persistTo: ws.state,
    })
    const stored = (await storage.list()).get('en/measured')
    await storage.close()
    expect(stored?.metadata.image).toEqual({
      url: `${origin}/a.png`,
      width: 1200,
      height: 630,
      type: 'image/png',
    })
  }, 60_000)
})

describe('deploy', () => {
  it('wrangler deploy --dry-run bundles the Worker offline, small enough to ship', async () => {
    const bundle = await benchBundle()
    expect(bundle.rawBytes).toBeGreaterThan(100_000)
    expect(bundle.gzipBytes).toBeLessThan(1_000_000) // Workers' free-plan limit is 3 MB gzipped
  }, 120_000)
})

function u32(n: number) {
  const b = Buffer.alloc(4)
  b.writeUInt32BE(n)
  return b
}
function u24(n: number) {
  return Buffer.from([n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff])
}
