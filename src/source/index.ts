import type { SiteConfig } from '../config'
import type { StoreName } from './driver'
import type { Driver } from './driver'
import { internalStore, type InternalStore } from './internal'
import { kvDriver } from './kv'
import { r2Driver } from './r2'
import { chainStores, sourceStore, type SourceStore, type WritableStore } from './store'

/** The one place a store name becomes its driver (the Worker, the local push, the scripts). */
export const storeDriver = (
  env: Pick<Env, 'ARTICLES_KV' | 'ARTICLES_R2'>,
  name: StoreName,
): Driver => (name === 'kv' ? kvDriver(env.ARTICLES_KV) : r2Driver(env.ARTICLES_R2))

/** One configured backend, with the site's size limit and read timeout. */
export function backend(env: Env, config: SiteConfig, name: StoreName): WritableStore {
  return sourceStore(storeDriver(env, name), {
    maxBytes: config.maxSourceBytes,
    timeoutMs: config.storageTimeoutMs,
  })
}

/** Every store named in `SOURCES`, in that order. */
export const backends = (env: Env, config: SiteConfig): WritableStore[] =>
  config.sources.map((name) => backend(env, config, name))

/** The stores named in `SOURCES` read as one: the first that has an article wins. */
export const readSources = (env: Env, config: SiteConfig): SourceStore =>
  chainStores(backends(env, config))

/** The site's own data beside the sources of one store (derived articles live with their source). */
export const internalOf = (env: Env, name: StoreName, timeoutMs?: number): InternalStore =>
  internalStore(storeDriver(env, name), timeoutMs, env.DERIVED_KEY)
