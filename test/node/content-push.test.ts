/** content:push as a publisher runs it: validate everything, upload only what changed, never half a push. */
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { getPlatformProxy } from 'wrangler'
import { describe, expect, it } from 'vitest'
import { push, PushError } from '../../scripts/content-push'
import { purgeRecorder } from './helpers/purge-recorder'
import { quiet, useWorkspace } from './helpers/workspace'

const ws = useWorkspace('content-push-')

async function storedText(key: string) {
  const proxy = await getPlatformProxy<Env>({
    configPath: 'wrangler.toml',
    persist: { path: ws.state },
    envFiles: [],
  })
  try {
    return await proxy.env.ARTICLES_KV.get(key)
  } finally {
    await proxy.dispose()
  }
}

describe('content:push to local KV', () => {
  it('purges the listings an article leaves: its old category and tags', async () => {
    await push({ dir: ws.content, remote: false, persistTo: ws.state, ...quiet })
    const file = join(ws.content, 'ko/kimchi-recipe.html')
    await writeFile(
      file,
      (await readFile(file, 'utf8'))
        .replace('categories: [요리]', 'categories: [생활]')
        .replace('tags: [김치, 김장, 한식, 레시피]', 'tags: [반찬]'),
    )
    const recorder = await purgeRecorder()
    try {
      await push({
        dir: ws.content,
        remote: false,
        persistTo: ws.state,
        purge: recorder.purge,
        ...quiet,
      })
    } finally {
      await recorder.close()
    }
    const tags = recorder.purged
    const label = (kind: 'c' | 't', name: string) => `${kind}:ko/${encodeURIComponent(name)}`
    for (const old of [label('c', '요리'), label('t', '김치'), label('t', '레시피')])
      expect(tags).toContain(old)
    for (const now of [label('c', '생활'), label('t', '반찬'), 'a:ko/kimchi-recipe', 'l:ko'])
      expect(tags).toContain(now)
  }, 60_000)

  it('uploads every article once, then nothing when nothing changed', async () => {
    const first = await push({ dir: ws.content, remote: false, persistTo: ws.state, ...quiet })
    expect(first.added).toContain('ko/putin-kim-pact')
    expect(first.added).toContain('ko/seoul-heatwave') // the Jekyll date prefix is not part of the URL
    expect(first.added).toHaveLength(11)
    const second = await push({ dir: ws.content, remote: false, persistTo: ws.state, ...quiet })
    expect(second).toMatchObject({ added: [], changed: [], onlyInStorage: [] })
    expect(second.unchanged).toHaveLength(11)
    expect(await storedText('ko/putin-kim-pact')).toBe(
      await readFile('content/ko/2024-06-19-putin-kim-pact.html', 'utf8'),
    )
  }, 60_000)

  it('uploads only the changed file', async () => {
    await push({ dir: ws.content, remote: false, persistTo: ws.state, ...quiet })
    const file = join(ws.content, 'ko/kimchi-recipe.html')
    await writeFile(file, (await readFile(file, 'utf8')).replace('김치', '배추김치'))
    const result = await push({ dir: ws.content, remote: false, persistTo: ws.state, ...quiet })
    expect(result.changed).toEqual(['ko/kimchi-recipe'])
    expect(result.added).toEqual([])
  }, 60_000)

  it('refuses the whole push when one file is invalid, naming file, line and key, and keeps the stored version', async () => {
    await push({ dir: ws.content, remote: false, persistTo: ws.state, ...quiet })
    const before = await storedText('ko/kimchi-recipe')
    const file = join(ws.content, 'ko/kimchi-recipe.html')
    await writeFile(file, (await readFile(file, 'utf8')).replace(/^title:.*$/m, 'title: [unclosed'))
    await writeFile(join(ws.content, 'en/new-article.md'), '---\ntitle: New\n---\nHello')
    const attempt = push({ dir: ws.content, remote: false, persistTo: ws.state, ...quiet })
    await expect(attempt).rejects.toBeInstanceOf(PushError)
    // Where the bracket opens (line 2), not where YAML gave up looking for its end.
    await expect(attempt).rejects.toThrow(
      /ko\/kimchi-recipe\.html:2:8: invalid YAML: the bracket \[ opened here is never closed/,
    )
    expect(await storedText('ko/kimchi-recipe')).toBe(before)
    expect(await storedText('en/new-article')).toBeNull()
  }, 60_000)
})
