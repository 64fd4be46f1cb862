/**
 * A real `wrangler dev` Worker on a free loopback port, serving content/ pushed by content:push into a
 * private, temporary local KV: what `npm start` does, without touching the publisher's .wrangler state.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { unstable_dev } from 'wrangler'
import { push } from '../../../scripts/content-push'

export interface RunningWorker {
  origin: string
  get(path: string, init?: RequestInit): Promise<Response>
  stop(): Promise<void>
}

export async function startWorker(options: { contentDir?: string } = {}): Promise<RunningWorker> {
  const state = await mkdtemp(join(tmpdir(), 'edge-article-'))
  // getPlatformProxy takes the versioned state folder itself; wrangler dev adds `v3` to persistTo.
  await push({ dir: options.contentDir ?? 'content', remote: false, persistTo: join(state, 'v3'), log: () => {} })
  const worker = await unstable_dev('src/index.ts', {
    config: 'wrangler.toml',
    persistTo: state,
    ip: '127.0.0.1',
    port: 0,
    logLevel: 'error',
    inspect: false,
    experimental: { disableExperimentalWarning: true, disableDevRegistry: true },
  })
  const origin = `http://${worker.address}:${worker.port}`
  return {
    origin,
    get: (path, init) => fetch(`${origin}${path}`, { redirect: 'manual', ...init }),
    async stop() {
      await worker.stop()
      await rm(state, { recursive: true, force: true })
    },
  }
}
