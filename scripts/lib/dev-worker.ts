/**
 * A real `wrangler dev` Worker on a free loopback port, serving content pushed by content:push into a
 * private, temporary local KV: what `npm start` does, without touching the publisher's .wrangler
 * state. Used by the Node-side tests and the HTTP benchmark.
 */
import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { push } from '../content-push'
import { devServer, platformProxy } from './wrangler'

export interface RunningWorker {
  origin: string
  /** Its ADMIN_TOKEN, for the publishing API and cache purges. */
  token: string
  /** Its private local storage, for content:push (`persistTo`). */
  state: string
  get(path: string, init?: RequestInit): Promise<Response>
  stop(): Promise<void>
}

export async function startDevWorker(
  options: {
    contentDir?: string
    vars?: Record<string, string>
    seedKv?: (kv: KVNamespace) => Promise<void>
    /** Open the inspector on this port (the benchmark reads the isolate's heap through it). */
    inspectorPort?: number
  } = {},
): Promise<RunningWorker> {
  const state = await mkdtemp(join(tmpdir(), 'edge-article-'))
  // getPlatformProxy takes the versioned state folder itself; wrangler dev adds `v3` to persistTo.
  const v3 = join(state, 'v3')
  await push({
    dir: options.contentDir ?? 'content',
    remote: false,
    persistTo: v3,
    probeImages: false,
    log: () => {},
  })
  if (options.seedKv) {
    const proxy = await platformProxy({ remote: false, persistTo: v3 })
    try {
      await options.seedKv(proxy.env.ARTICLES_KV)
    } finally {
      await proxy.dispose()
    }
  }
  const token = randomBytes(16).toString('hex')
  const worker = await devServer({
    persistTo: state,
    vars: { ADMIN_TOKEN: token, ...options.vars },
    inspectorPort: options.inspectorPort,
  })
  const origin = `http://${worker.address}:${worker.port}`
  return {
    origin,
    token,
    state: v3,
    get: (path, init) => fetch(`${origin}${path}`, { redirect: 'manual', ...init }),
    async stop() {
      await worker.stop()
      await rm(state, { recursive: true, force: true })
    },
  }
}
