/**
 * Local stores with the writer inside them: one Miniflare (the runtime behind wrangler's platform
 * proxy) holding the article bindings from wrangler.toml, persisted where `wrangler dev` keeps them,
 * and running src/publish/batch.ts. A push sends it batches of changes; each statement and write
 * then costs a call inside workerd instead of a synchronous ~3 ms round trip from Node per
 * `prepare` and `bind` (34 per new article through the proxy alone). The same bindings are handed
 * to Node for the few reads a push makes first (listing, which files the index lacks).
 */
import { devDerivedKey } from './derived-key'
import { build } from 'esbuild'
import { Miniflare, convertV4MiniflareOptions } from 'miniflare'
import { unstable_getMiniflareWorkerOptions } from 'wrangler'
import type { BatchAnswer, BatchRequest } from '../../src/publish/batch'
import { readWranglerToml } from './config'

export interface WriteWorker {
  env: Env
  write(request: BatchRequest): Promise<BatchAnswer>
  dispose(): Promise<void>
}

/** The batch entry and what it imports, bundled as wrangler would (with wrangler.toml's aliases). */
async function bundle(configPath: string): Promise<string> {
  const config = await readWranglerToml(configPath)
  const result = await build({
    entryPoints: ['src/publish/batch.ts'],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    conditions: ['workerd', 'worker', 'browser'],
    target: 'es2022',
    alias: config.alias ?? {},
    logLevel: 'silent',
  })
  return result.outputFiles[0]!.text
}

/** Where `wrangler dev` (npm start) keeps local state. */
export const LOCAL_STATE = '.wrangler/state/v3'

export async function writeWorker(options: {
  configPath?: string
  persistTo?: string
}): Promise<WriteWorker> {
  const configPath = options.configPath ?? 'wrangler.toml'
  const { workerOptions } = unstable_getMiniflareWorkerOptions(configPath)
  // Bindings only: no routes, crons or other Workers (the share-card service is not needed to write).
  const {
    serviceBindings: _services,
    modulesRules: _rules,
    connectHandlers: _handlers,
    ...worker
  } = workerOptions as Record<string, unknown>
  const mf = new Miniflare(
    convertV4MiniflareOptions({
      rootPath: process.cwd(),
      workers: [
        {
          ...worker,
          // Derived articles signed with the key the dev server trusts (.wrangler/derived-key).
          bindings: {
            ...(worker.bindings as Record<string, unknown>),
            DERIVED_KEY: devDerivedKey(),
          },
          name: 'content-push',
          modules: true,
          script: await bundle(configPath),
        },
      ],
      resourcePersistencePath: options.persistTo ?? LOCAL_STATE,
    }),
  )
  const env = await mf.getBindings<Env>()
  return {
    env,
    async write(request) {
      const res = await mf.dispatchFetch('http://content-push/write', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(request),
      })
      if (!res.ok) throw new Error(`the writer failed: HTTP ${res.status}: ${await res.text()}`)
      return (await res.json()) as BatchAnswer
    },
    dispose: () => mf.dispose(),
  }
}
