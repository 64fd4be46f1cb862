/**
 * The storage content:push writes to: the local KV/R2 that `wrangler dev` uses (Miniflare's state in
 * .wrangler/state/v3, through wrangler's getPlatformProxy), or with `remote` the deployed ones
 * through the same proxy with remote bindings. One code path for both.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { getPlatformProxy, unstable_readConfig } from 'wrangler'
import { LANGUAGE_KEY } from '../../src/source/keys'
import { kvStore } from '../../src/source/kv'
import { r2Store } from '../../src/source/r2'
import type { SourceMetadata, StoredEntry, StoreName, WritableStore } from '../../src/source/store'

export type StoredSource = StoredEntry

export interface Storage {
  readonly description: string
  list(): Promise<Map<string, StoredSource>>
  /** A stored value as text (indexes), or null. */
  getText(key: string): Promise<string | null>
  /** A stored value, byte for byte, or null. */
  getBytes(key: string): Promise<Uint8Array | null>
  put(key: string, bytes: Uint8Array, metadata: SourceMetadata): Promise<void>
  delete(key: string): Promise<void>
  close(): Promise<void>
}

/** Article keys are `<lang>/<slug>`; other keys (indexes, manifests) are not sources. */
const isArticleKey = (key: string) => LANGUAGE_KEY.test(key)

export async function openStorage(
  store: StoreName,
  options: { remote: boolean; configPath?: string; persistTo?: string },
): Promise<Storage> {
  const configPath = options.remote
    ? await remoteConfig(options.configPath ?? 'wrangler.toml')
    : (options.configPath ?? 'wrangler.toml')
  const proxy = await getPlatformProxy<Env>({
    configPath,
    persist: options.remote ? false : options.persistTo ? { path: options.persistTo } : true,
    remoteBindings: options.remote,
    envFiles: [],
  })
  const where = options.remote ? 'remote' : 'local'
  const base =
    store === 'kv'
      ? storage(kvStore(proxy.env.ARTICLES_KV), `${where} KV`)
      : storage(r2Store(proxy.env.ARTICLES_R2), `${where} R2`)
  return { ...base, close: () => proxy.dispose() }
}

/** The Worker's own backend code (src/source/), driven through the proxy's bindings. */
function storage(store: WritableStore, description: string): Omit<Storage, 'close'> {
  return {
    description,
    async list() {
      const found = new Map<string, StoredSource>()
      let cursor: string | undefined
      do {
        const page = await store.list({ cursor })
        for (const entry of page.entries) if (isArticleKey(entry.key)) found.set(entry.key, entry)
        cursor = page.cursor
      } while (cursor)
      return found
    },
    async getText(key) {
      const file = await store.get(key)
      return file ? new TextDecoder().decode(file.bytes) : null
    },
    async getBytes(key) {
      const file = await store.get(key)
      return file ? new Uint8Array(file.bytes) : null
    },
    put: (key, bytes, metadata) => store.put(key, bytes, metadata),
    delete: (key) => store.delete(key),
  }
}

/** A copy of the config whose article bindings point at the deployed KV namespace and R2 bucket. */
async function remoteConfig(configPath: string): Promise<string> {
  const config = unstable_readConfig({ config: configPath })
  const remote = {
    name: config.name,
    compatibility_date: config.compatibility_date,
    kv_namespaces: config.kv_namespaces.map((kv: { binding: string; id?: string }) => ({
      binding: kv.binding,
      id: kv.id,
      remote: true,
    })),
    r2_buckets: config.r2_buckets.map((r2: { binding: string; bucket_name?: string }) => ({
      binding: r2.binding,
      bucket_name: r2.bucket_name,
      remote: true,
    })),
    vars: config.vars,
  }
  await mkdir('.wrangler', { recursive: true })
  const path = '.wrangler/content-push.remote.json'
  await writeFile(path, JSON.stringify(remote, null, 2))
  return path
}
