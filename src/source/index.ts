import type { SiteConfig } from '../config'
import { kvStore } from './kv'
import { r2Store } from './r2'
import { chainStores, type SourceStore, type StoreName } from './store'

/** The stores named in `SOURCES`, in that order, as one. */
export function sourceStore(env: Env, config: SiteConfig): SourceStore {
  const make: Record<StoreName, () => SourceStore> = {
    kv: () => kvStore(env.ARTICLES_KV),
    r2: () => r2Store(env.ARTICLES_R2),
  }
  return chainStores(config.sources.map((name) => make[name]()))
}
