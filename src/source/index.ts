import type { SiteConfig } from '../config'
import { kvStore } from './kv'
import { r2Store } from './r2'
import { chainStores, StorageError, type SourceStore, type StoreName } from './store'

/** The stores named in `SOURCES`, in that order, as one; each read gives up after the configured timeout. */
export function sourceStore(env: Env, config: SiteConfig): SourceStore {
  const make: Record<StoreName, () => SourceStore> = {
    kv: () => kvStore(env.ARTICLES_KV),
    r2: () => r2Store(env.ARTICLES_R2),
  }
  return chainStores(config.sources.map((name) => withTimeout(make[name](), config.storageTimeoutMs)))
}

/** A read that hangs is a failure like any other: the cache can stand in, or the reader gets a 503. */
export function withTimeout(store: SourceStore, ms: number): SourceStore {
  return {
    name: store.name,
    get(key) {
      const timeout = new Promise<never>((_, reject) => {
        AbortSignal.timeout(ms).addEventListener('abort', () => reject(new StorageError(store.name, `no answer for ${key} within ${ms} ms`)))
      })
      return Promise.race([store.get(key), timeout])
    },
  }
}
