/** `npm run new` puts the author in the byline: from --author, or the ARTICLE_AUTHOR setting. */
import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { createArticle } from '../../scripts/new'

const run = promisify(execFile)
const made: string[] = []
afterAll(() => Promise.all(made.map((path) => rm(path, { force: true }))))

describe('npm run new and the author', () => {
  it('writes the author it is given, and a line to fill in when none is', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'new-author-'))
    await mkdir(join(dir, 'ko'))
    const named = await readFile(
      await createArticle({ dir, lang: 'ko', slug: 'with-author', author: ' 김서연 ' }),
      'utf8',
    )
    expect(named).toMatch(/^author: "김서연"$/m)
    const unnamed = await readFile(
      await createArticle({ dir, lang: 'ko', slug: 'no-author' }),
      'utf8',
    )
    expect(unnamed).not.toMatch(/^author:/m)
    expect(unnamed).toMatch(/^# author: /m)
    await rm(dir, { recursive: true, force: true })
  })

  it('takes --author, else ARTICLE_AUTHOR, from the command line', async () => {
    const cli = (slug: string, args: string[], env: Record<string, string> = {}) => {
      made.push(`content/ko/${slug}.md`)
      return run('node', ['--import', 'tsx', 'scripts/new.ts', 'ko', slug, ...args], {
        env: { ...process.env, ...env },
      })
    }
    await cli('author-flag-probe', ['--author', '박기자'])
    expect(await readFile('content/ko/author-flag-probe.md', 'utf8')).toMatch(/^author: "박기자"$/m)
    await cli('author-setting-probe', [], { ARTICLE_AUTHOR: '이편집' })
    expect(await readFile('content/ko/author-setting-probe.md', 'utf8')).toMatch(
      /^author: "이편집"$/m,
    )
  }, 30_000)
})
