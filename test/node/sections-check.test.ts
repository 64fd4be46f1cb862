/** content:check on the sections: a bad sections.yml is an error, near-duplicate categories warnings. */
import { execFile } from 'node:child_process'
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

const run = promisify(execFile)
const check = (dir: string) =>
  run('node', ['--import', 'tsx', 'scripts/content-check.ts', dir]).then(
    ({ stdout }) => ({ code: 0, stdout }),
    (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
  )
const article = (title: string, category: string) =>
  `---\ntitle: ${title}\ndate: 2024-01-01\ncategories: [${category}]\n---\n<p>${title}</p>\n`

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sections-check-'))
  await cp('content', dir, { recursive: true })
})
afterEach(() => rm(dir, { recursive: true, force: true }))

describe('content:check and the sections', () => {
  it('says nothing about the sample content’s categories: every spelling is a section’s alias', async () => {
    const { code, stdout } = await check(dir)
    expect(code).toBe(0)
    expect(stdout).not.toMatch(/categor(y|ies) .*(looks like|differ only)/)
  }, 30_000)

  it('warns about categories that differ only in case or punctuation, and about a section’s near-spelling', async () => {
    await writeFile(join(dir, 'en/garden-a.md'), article('Roses', 'Gardening'))
    await writeFile(join(dir, 'en/garden-b.md'), article('Tulips', 'gardening'))
    await writeFile(join(dir, 'ko/breaking.md'), article('속보', 'NEWS!'))
    const { code, stdout } = await check(dir)
    expect(code).toBe(0)
    expect(stdout).toContain(
      '⚠ categories "Gardening" (en/garden-a) and "gardening" (en/garden-b) differ only in case or punctuation',
    )
    expect(stdout).toContain(
      '⚠ ko/breaking: category "NEWS!" looks like section "news" but is not one of its aliases',
    )
  }, 30_000)

  it('fails on a sections.yml the Worker could not read, naming the file and line', async () => {
    await writeFile(
      join(dir, 'sections.yml'),
      '- key: news\n  name: { ko: 뉴스 }\n- key: World News\n  name: { ko: 국제 }\n',
    )
    const { code, stdout } = await check(dir)
    expect(code).toBe(1)
    expect(stdout).toMatch(/✗ .*sections\.yml:3: 1\.key: expected lower-case letters/)
  }, 30_000)
})
