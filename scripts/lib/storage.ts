/**
 * The storage content:push writes to: the local KV/R2 that `wrangler dev` uses (Miniflare's state in
 * .wrangler/state/v3, through wrangler's getPlatformProxy), or with `remote` the deployed ones
 * through the same proxy with remote bindings. One code path for both, and the Worker's own store
 * layer (src/source/) on top of the proxy's bindings.
 */
import type { Driver, StoreName } from '../../src/source/driver'
import { internalStore, type InternalStore } from '../../src/source/internal'
import { kvDriver } from '../../src/source/kv'
import { r2Driver } from '../../src/source/r2'
import {
  listAll,
  sourceStore,
  type SourceMetadata,
  type StoredEntry,
  type WritableStore,
} from '../../src/source/store'
import type { ScriptConfig } from './config'
import { devDerivedKey } from './derived-key'
import { migrate, pendingMigrations, readMigrations } from './migrate'
import { platformProxy } from './wrangler'

export interface Storage {
  readonly description: string
  /** The article sources, through the Worker's own store layer. */
  readonly store: WritableStore
  /** The site's own data beside them (derived articles). */
  readonly internal: InternalStore
  /** The article index (D1), migrated. */
  readonly db: D1Database
  /** Every article key in the site's languages, with its metadata. */
  list(): Promise<Map<string, StoredEntry>>
  /** A stored source, byte for byte, or null. */
  getBytes(key: string): Promise<Uint8Array | null>
  put(key: string, bytes: Uint8Array, metadata: SourceMetadata): Promise<void>
  delete(key: string): Promise<void>
  close(): Promise<void>
}

export async function openStorage(
  name: StoreName,
  config: ScriptConfig,
  options: { remote: boolean; configPath?: string; persistTo?: string },
): Promise<Storage> {
  const proxy = await platformProxy(options)
  const driver: Driver =
    name === 'kv' ? kvDriver(proxy.env.ARTICLES_KV) : r2Driver(proxy.env.ARTICLES_R2)
  const store = sourceStore(driver, { maxBytes: Number.MAX_SAFE_INTEGER }) // files are size-checked before upload
  const db = proxy.env.ARTICLES_DB
  const migrations = await readMigrations()
  if (options.remote) {
    const pending = await pendingMigrations(db, migrations)
    if (pending.length) {
      await proxy.dispose()
      throw new Error(
        `the deployed article index lacks ${pending.join(', ')}: run \`npx wrangler d1 migrations apply ARTICLES_DB --remote\` first`,
      )
    }
  } else await migrate(db, migrations)
  return {
    db,
    description: `${options.remote ? 'remote' : 'local'} ${name === 'kv' ? 'KV' : 'R2'}`,
    store,
    // Remotely, only a DERIVED_KEY from the environment (the deployed secret) signs derived articles;
    // without it none are written and the Worker derives each on first read.
    internal: internalStore(
      driver,
      undefined,
      options.remote ? process.env.DERIVED_KEY : devDerivedKey(),
    ),
    async list() {
      const found = new Map<string, StoredEntry>()
      for await (const entry of listAll(store, config.languages)) found.set(entry.key, entry)
      return found
    },
    getBytes: (key) => store.raw(key),
    put: (key, bytes, metadata) => store.put(key, bytes, metadata),
    delete: (key) => store.delete(key),
    close: () => proxy.dispose(),
  }
}
