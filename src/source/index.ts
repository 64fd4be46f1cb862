import type { SiteConfig } from '../config'
import { kvStore } from './kv'
import { r2Store } from './r2'
import {
  chainStores,
  StorageError,
  type SourceStore,
  type StoreName,
  type StoreOptions,
  type WritableStore,
} from './store'

/** The stores named in `SOURCES`, in that order, as one; each read gives up after the configured timeout. */
export function sourceStore(env: Env, config: SiteConfig): SourceStore {
  return chainStores(
    config.sources.map((name) => withTimeout(backend(env, config, name), config.storageTimeoutMs)),
  )
}

/** The same stores for the article indexes, which may be far bigger than any one source. */
export function indexStore(env: Env, config: SiteConfig): SourceStore {
  return chainStores(
    config.sources.map((name) =>
      withTimeout(backend(env, config, name, {}), config.storageTimeoutMs),
    ),
  )
}

/** One backend by name, writable: the publishing API writes to the first of SOURCES. */
export function backend(
  env: Env,
  config: SiteConfig,
  name: StoreName = config.sources[0]!,
  options: StoreOptions = { maxBytes: config.maxSourceBytes },
): WritableStore {
  return name === 'kv' ? kvStore(env.ARTICLES_KV, options) : r2Store(env.ARTICLES_R2, options)
}

/** A read that hangs is a failure like any other: the cache can stand in, or the reader gets a 503. */
export function withTimeout(store: SourceStore, ms: number): SourceStore {
  return {
    name: store.name,
    get(key) {
      const timeout = new Promise<never>((_, reject) => {
        AbortSignal.timeout(ms).addEventListener('abort', () =>
          reject(new StorageError(store.name, `no answer for ${key} within ${ms} ms`)),
        )
      })
      return Promise.race([store.get(key), timeout])
    },
  }
}
