/**
 * Author profiles in the publisher's folder: content:check validates them and the articles that name
 * them; content:push stores what changed beside the articles and purges the pages that show it.
 */
import { execFile } from 'node:child_process'
import { readFile, rm, writeFile } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import { promisify } from 'node:util'
import { getPlatformProxy } from 'wrangler'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { push, PushError } from '../../scripts/content-push'
import { startDevWorker, type RunningWorker } from '../../scripts/lib/dev-worker'
import { watchContent, type Watcher } from '../../scripts/lib/watch'
import { purgeRecorder } from './helpers/purge-recorder'
import { quiet, useWorkspace } from './helpers/workspace'

const ws = useWorkspace('authors-')
const run = promisify(execFile)
const check = (dir: string) =>
  run('node', ['--import', 'tsx', 'scripts/content-check.ts', dir]).then(
    ({ stdout }) => ({ code: 0, stdout }),
    (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
  )

/** The stored profile file, as the Worker reads it (`_/authors/<id>` in KV). */
async function storedProfile(id: string) {
  const proxy = await getPlatformProxy<Env>({
    configPath: 'wrangler.toml',
    persist: { path: ws.state },
    envFiles: [],
  })
  try {
    return await proxy.env.ARTICLES_KV.get(`_/authors/${id}`, 'text')
  } finally {
    await proxy.dispose()
  }
}

describe('author profiles in content/', () => {
  it('content:check passes the sample profiles, and fails a broken one naming file, line and key', async () => {
    const clean = await check(ws.content)
    expect(clean.code).toBe(0)
    expect(clean.stdout).not.toMatch(/authors\//)
    await writeFile(
      join(ws.content, 'authors/kim-seoyeon.yml'),
      'name: 김서연\nsameAs:\n  - https://x.com/ok\n  - x.com/missing-scheme\n',
    )
    const broken = await check(ws.content)
    expect(broken.code).toBe(1)
    expect(broken.stdout).toContain(
      '✗ authors/kim-seoyeon.yml:4 → sameAs.1: expected an absolute http(s) URL',
    )
  }, 60_000)

  it('content:check warns about an article naming an id no profile has', async () => {
    const file = join(ws.content, 'ko/2024-06-20-seoul-heatwave.md')
    await writeFile(
      file,
      (await readFile(file, 'utf8')).replace('author: kim-seoyeon', 'author: kim-seoyoen'),
    )
    const { code, stdout } = await check(ws.content)
    expect(code).toBe(0)
    expect(stdout).toContain(
      '⚠ ko/2024-06-20-seoul-heatwave.md: author "kim-seoyoen" names no profile (authors/kim-seoyoen.yml)',
    )
  }, 60_000)

  it('content:push stores new and changed profiles, purges the author’s pages and articles, and refuses a push with a broken one', async () => {
    const first = await push({ dir: ws.content, remote: false, persistTo: ws.state, ...quiet })
    expect(first.authors?.sort()).toEqual(['kim-seoyeon', 'park-junho'])
    expect(await storedProfile('kim-seoyeon')).toBe(
      await readFile(join(ws.content, 'authors/kim-seoyeon.yml'), 'utf8'),
    )

    const again = await push({ dir: ws.content, remote: false, persistTo: ws.state, ...quiet })
    expect(again.authors).toEqual([])

    const file = join(ws.content, 'authors/kim-seoyeon.yml')
    await writeFile(file, (await readFile(file, 'utf8')).replace('사회부 기자', '기후팀장'))
    const recorder = await purgeRecorder()
    try {
      const changed = await push({
        dir: ws.content,
        remote: false,
        persistTo: ws.state,
        purge: recorder.purge,
        ...quiet,
      })
      expect(changed.authors).toEqual(['kim-seoyeon'])
    } finally {
      await recorder.close()
    }
    expect(recorder.purged).toEqual(
      expect.arrayContaining(['p:ko/kim-seoyeon', 'p:en/kim-seoyeon', 'a:ko/seoul-heatwave']),
    )
    expect(recorder.purged).not.toContain('p:ko/park-junho')
    expect(await storedProfile('kim-seoyeon')).toContain('ko: 기후팀장')

    await writeFile(file, 'name: 김서연\nemail: not-an-email\n')
    await expect(
      push({ dir: ws.content, remote: false, persistTo: ws.state, ...quiet }),
    ).rejects.toThrow(PushError)
    await expect(
      push({ dir: ws.content, remote: false, persistTo: ws.state, ...quiet }),
    ).rejects.toThrow(/authors\/kim-seoyeon\.yml:2 → email/)
    expect(await storedProfile('kim-seoyeon')).toContain('ko: 기후팀장')
  }, 120_000)
})

describe('live saves of a profile while the dev server runs', () => {
  let worker: RunningWorker
  beforeAll(async () => {
    worker = await startDevWorker({})
  }, 120_000)
  afterAll(() => worker?.stop())

  /** Saves (or deletes) a file and waits for the watcher to have handled it; the line it printed. */
  async function save(watcher: Watcher, file: string, text?: string): Promise<string> {
    const handled = watcher.published(relative(ws.content, file).split(sep).join('/'))
    if (text === undefined) await rm(file)
    else await writeFile(file, text)
    return handled
  }
  const html = async (path: string) => {
    const res = await worker.get(path)
    return { status: res.status, text: await res.text() }
  }

  it('shows a saved profile on the author page and in the byline at once, keeps it after a broken save, and drops it when the file is deleted', async () => {
    const lines: string[] = []
    const watcher = await watchContent({
      dir: ws.content,
      persistTo: worker.state,
      purge: { origin: worker.origin, token: worker.token },
      log: (line) => lines.push(line),
      debounceMs: 30,
    })
    try {
      // Both cached before the save.
      expect((await html('/ko/author/kim-seoyeon')).text).toContain('사회부 기자')
      expect((await html('/ko/seoul-heatwave')).text).toContain('"jobTitle":"사회부 기자"')

      const file = join(ws.content, 'authors/kim-seoyeon.yml')
      const text = await readFile(file, 'utf8')
      const line = await save(watcher, file, text.replace('사회부 기자', '기후팀장'))
      expect(line).toMatch(/^✎ \/ko\/author\/kim-seoyeon profile saved \(\d+ ms\)$/)
      expect((await html('/ko/author/kim-seoyeon')).text).toContain('기후팀장')
      expect((await html('/ko/seoul-heatwave')).text).toContain('"jobTitle":"기후팀장"')

      const broken = await save(watcher, file, 'name: 김서연\nphoto: javascript:alert(1)\n')
      expect(broken).toMatch(
        /^✗ authors\/kim-seoyeon\.yml:2 → photo: .* — \/ko\/author\/kim-seoyeon keeps the previous profile$/,
      )
      expect((await html('/ko/author/kim-seoyeon')).text).toContain('기후팀장')

      const removed = await save(watcher, file)
      expect(removed).toMatch(/^- \/ko\/author\/kim-seoyeon profile removed/)
      expect((await html('/ko/author/kim-seoyeon')).status).toBe(404)
      expect((await html('/ko/seoul-heatwave')).text).not.toContain('/ko/author/kim-seoyeon')
    } finally {
      await watcher.close()
    }
  }, 120_000)
})
