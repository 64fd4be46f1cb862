/**
 * The storage content:push writes to: the local KV/R2 that `wrangler dev` uses (Miniflare's state in
 * .wrangler/state/v3, through wrangler's getPlatformProxy), or with `remote` the deployed ones
 * through the same proxy with remote bindings. One code path for both.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { getPlatformProxy, unstable_readConfig } from 'wrangler'
import { LANGUAGE_KEY } from '../../src/source/keys'
import type { SourceMetadata, StoreName } from '../../src/source/store'

export interface StoredSource {
  key: string
  metadata: SourceMetadata
}

export interface Storage {
  readonly description: string
  list(): Promise<Map<string, StoredSource>>
  /** A stored value as text (indexes), or null. */
  getText(key: string): Promise<string | null>
  put(key: string, bytes: Uint8Array, metadata: SourceMetadata): Promise<void>
  delete(key: string): Promise<void>
  close(): Promise<void>
}

/** Article keys are `<lang>/<slug>`; other keys (indexes, manifests) are not sources. */
const isArticleKey = (key: string) => LANGUAGE_KEY.test(key)

export async function openStorage(store: StoreName, options: { remote: boolean; configPath?: string; persistTo?: string }): Promise<Storage> {
  const configPath = options.remote ? await remoteConfig(options.configPath ?? 'wrangler.toml') : (options.configPath ?? 'wrangler.toml')
  const proxy = await getPlatformProxy<Env>({
    configPath,
    persist: options.remote ? false : options.persistTo ? { path: options.persistTo } : true,
    remoteBindings: options.remote,
    envFiles: [],
  })
  const where = options.remote ? 'remote' : 'local'
  const base = store === 'kv' ? kvStorage(proxy.env.ARTICLES_KV, `${where} KV`) : r2Storage(proxy.env.ARTICLES_R2, `${where} R2`)
  return { ...base, close: () => proxy.dispose() }
}

function kvStorage(ns: KVNamespace, description: string): Omit<Storage, 'close'> {
  return {
    description,
    async list() {
      const found = new Map<string, StoredSource>()
      let cursor: string | undefined
      do {
        const page: KVNamespaceListResult<SourceMetadata, string> = await ns.list<SourceMetadata>({ cursor, limit: 1000 })
        for (const k of page.keys) if (isArticleKey(k.name)) found.set(k.name, { key: k.name, metadata: k.metadata ?? {} })
        cursor = page.list_complete ? undefined : page.cursor
      } while (cursor)
      return found
    },
    async getText(key) {
      return ns.get(key, 'text')
    },
    async put(key, bytes, metadata) {
      await ns.put(key, bytes, { metadata })
    },
    async delete(key) {
      await ns.delete(key)
    },
  }
}

function r2Storage(bucket: R2Bucket, description: string): Omit<Storage, 'close'> {
  return {
    description,
    async list() {
      const found = new Map<string, StoredSource>()
      let cursor: string | undefined
      do {
        const page = await bucket.list({ cursor, limit: 1000, include: ['customMetadata'] })
        for (const o of page.objects) if (isArticleKey(o.key)) found.set(o.key, { key: o.key, metadata: (o.customMetadata ?? {}) as SourceMetadata })
        cursor = page.truncated ? page.cursor : undefined
      } while (cursor)
      return found
    },
    async getText(key) {
      return (await bucket.get(key))?.text() ?? null
    },
    async put(key, bytes, metadata) {
      await bucket.put(key, bytes, {
        httpMetadata: { contentType: metadata.format === 'md' ? 'text/markdown; charset=utf-8' : 'text/html; charset=utf-8' },
        customMetadata: Object.fromEntries(Object.entries(metadata).filter(([, v]) => v !== undefined)) as Record<string, string>,
      })
    },
    async delete(key) {
      await bucket.delete(key)
    },
  }
}

/** A copy of the config whose article bindings point at the deployed KV namespace and R2 bucket. */
async function remoteConfig(configPath: string): Promise<string> {
  const config = unstable_readConfig({ config: configPath })
  const remote = {
    name: config.name,
    compatibility_date: config.compatibility_date,
    kv_namespaces: config.kv_namespaces.map((kv: { binding: string; id?: string }) => ({ binding: kv.binding, id: kv.id, remote: true })),
    r2_buckets: config.r2_buckets.map((r2: { binding: string; bucket_name?: string }) => ({ binding: r2.binding, bucket_name: r2.bucket_name, remote: true })),
    vars: config.vars,
  }
  await mkdir('.wrangler', { recursive: true })
  const path = '.wrangler/content-push.remote.json'
  await writeFile(path, JSON.stringify(remote, null, 2))
  return path
}
