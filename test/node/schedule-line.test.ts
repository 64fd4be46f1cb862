/** content:check names a held-back article's time in the newsroom's words, in TIME_ZONE. */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { check } from '../../scripts/content-check'

it('says "scheduled for 2099-12-24 09:00 KST" for a future date without a zone, and an exact time for one with a zone', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'schedule-line-'))
  await mkdir(join(dir, 'ko'))
  await writeFile(
    join(dir, 'ko/xmas.md'),
    '---\ntitle: 성탄 전야\ndate: 2099-12-24 09:00\n---\n\n본문.\n',
  )
  await writeFile(
    join(dir, 'ko/zoned.md'),
    '---\ntitle: 런던 시각\nembargo: 2099-12-24 09:00:00 +0000\n---\n\n본문.\n',
  )
  await writeFile(join(dir, 'ko/now.md'), '---\ntitle: 지금\ndate: 2024-01-01\n---\n\n본문.\n')
  const lines: string[] = []
  const result = await check({ dir, log: (line) => lines.push(line) })
  expect(result.ok).toBe(true)
  expect(lines).toContain('⏱ ko/xmas.md: scheduled for 2099-12-24 09:00 KST')
  expect(lines).toContain('⏱ ko/zoned.md: scheduled for 2099-12-24 18:00 KST')
  expect(lines.some((l) => l.includes('now.md'))).toBe(false)
})
