import { cp, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach } from 'vitest'

/** Options that keep pushes in tests quiet and offline: no logging, no image probing. */
export const quiet = { log: () => {}, probeImages: false } as const

/**
 * A private copy of content/ and a private local storage for each test, removed afterwards, so a
 * test can edit files and push without touching the publisher's .wrangler state.
 */
export function useWorkspace(prefix: string) {
  const workspace = { work: '', content: '', state: '' }
  beforeEach(async () => {
    workspace.work = await mkdtemp(join(tmpdir(), prefix))
    workspace.content = join(workspace.work, 'content')
    // Where wrangler keeps local state: `--persist-to <folder>` stores it in <folder>/v3.
    workspace.state = join(workspace.work, 'state/v3')
    await cp('content', workspace.content, { recursive: true })
  })
  afterEach(() => rm(workspace.work, { recursive: true, force: true }))
  return workspace
}
