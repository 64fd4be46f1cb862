/**
 * A dev server the scripts start (the Node tests, `npm run bench`) lets Node exit once it is stopped:
 * both Workers' bundlers and the card Worker's asset watchers (one per font file) are closed, not
 * only the site's. Before patches/wrangler+*.patch, `npm run bench -- http` printed its results
 * and never exited.
 */
import { expect, it } from 'vitest'
import { startDevWorker } from '../../scripts/lib/dev-worker'

/** What keeps Node's event loop alive from outside JavaScript: file watchers and child processes. */
const handles = () => {
  const active = process.getActiveResourcesInfo()
  const count = (kind: string) => active.filter((k) => k === kind).length
  return { FSEventWrap: count('FSEventWrap'), ProcessWrap: count('ProcessWrap') }
}

it('a stopped dev server leaves no file watcher or child process behind', async () => {
  const before = handles()
  const worker = await startDevWorker()
  expect((await worker.get('/healthz')).status).toBe(200)
  expect(handles().FSEventWrap).toBeGreaterThan(before.FSEventWrap) // the watchers this is about
  await worker.stop()
  expect(handles()).toEqual(before)
})
