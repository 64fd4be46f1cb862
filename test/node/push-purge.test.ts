/**
 * content:push after a local change asks the running dev server to purge. When the server is there
 * but does not purge (slow, busy), its cache files must stay: deleting .wrangler/state/v3/cache
 * under a running server made every later cache operation fail (SQLITE_CANTOPEN).
 */
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DEV_TOKEN_FILE, purgeAfterPush } from '../../scripts/lib/purge'

const cwd = process.cwd()
let dir: string
let server: Server | undefined
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'push-purge-'))
  process.chdir(dir)
  await mkdir('.wrangler/state/v3/cache', { recursive: true })
  await writeFile('.wrangler/state/v3/cache/db.sqlite', 'in use')
})
afterEach(async () => {
  process.chdir(cwd)
  await new Promise((done) => (server ? server.close(done) : done(undefined)))
  server = undefined
  await rm(dir, { recursive: true, force: true })
})

/** A dev server that answers every request with this status. */
async function devServer(status: number): Promise<number> {
  server = createServer((_req, res) => res.writeHead(status).end('{}'))
  await new Promise<void>((done) => server!.listen(0, '127.0.0.1', done))
  return (server.address() as AddressInfo).port
}

const cacheExists = () =>
  stat('.wrangler/state/v3/cache/db.sqlite').then(
    () => true,
    () => false,
  )

describe('purging after a local push', () => {
  it('leaves a running server’s cache files alone when its purge fails', async () => {
    const port = await devServer(503)
    await writeFile(DEV_TOKEN_FILE, 'token')
    const lines: string[] = []
    await purgeAfterPush('local', ['a:ko/x'], { devPort: port, log: (line) => lines.push(line) })
    expect(await cacheExists()).toBe(true)
    expect(lines.join('\n')).toMatch(/left alone/)
  })

  it('leaves them alone when a server without our token is running', async () => {
    const port = await devServer(200)
    await purgeAfterPush('local', ['a:ko/x'], { devPort: port, log: () => undefined })
    expect(await cacheExists()).toBe(true)
  })

  it('clears them when no server is running, so the next start serves the new files', async () => {
    const port = await devServer(200)
    await new Promise((done) => server!.close(done))
    server = undefined
    await purgeAfterPush('local', ['a:ko/x'], { devPort: port, log: () => undefined })
    expect(await cacheExists()).toBe(false)
  })
})
