/**
 * The storage content:push writes to: the local KV/R2/D1 that `wrangler dev` uses (Miniflare's state
 * in .wrangler/state/v3), with the writer running inside that runtime (write-worker.ts); or with
 * `remote` the deployed ones through wrangler's platform proxy with remote bindings, the writer
 * running here. Either way the Worker's own store layer (src/source/) and writer
 * (src/publish/write.ts).
 */
import type { Driver, StoreName } from '../../src/source/driver'
import { internalStore, type InternalStore } from '../../src/source/internal'
import { INTERNAL_PREFIX } from '../../src/source/keys'
import { profileName } from '../../src/authors/store'
import { kvDriver } from '../../src/source/kv'
import { r2Driver } from '../../src/source/r2'
import {
  listAll,
  sourceStore,
  type SourceMetadata,
  type StoredEntry,
  type WritableStore,
} from '../../src/source/store'
import { readWranglerToml, type ScriptConfig } from './config'
import { devDerivedKey } from './derived-key'
import { migrate, pendingMigrations, readMigrations } from './migrate'
import { platformProxy } from './wrangler'
import { writeWorker } from './write-worker'
import { bulkWrites, kvBulkApi } from './kv-bulk'
import { writeArticles, type ArticleChange, type WriteResult } from '../../src/publish/write'
import type { WireChange } from '../../src/publish/batch'
import { buildOrigin } from '../../src/articles/derived'
import { changeTags } from '../../src/cache/tags'

/** What the writer did with a batch, as content:push reports it. */
export type Written = Pick<WriteResult, 'changes' | 'tags' | 'urls'> & {
  failed: { key: string; fileName?: string; message: string }[]
}

/** Changes per round trip into the local writer (a few megabytes of sources at most), or per bulk write. */
const BATCH = 200
const REMOTE_BATCH = 1_000

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
  /** The ids of the stored author profiles (`_/authors/<id>`). */
  profileIds(): Promise<string[]>
  /** A stored source, byte for byte, or null. */
  getBytes(key: string): Promise<Uint8Array | null>
  put(key: string, bytes: Uint8Array, metadata: SourceMetadata): Promise<void>
  delete(key: string): Promise<void>
  /**
   * Hands changes to the writer, in batches, and carries on past an article that fails; `progress`
   * after each batch. Purging is the caller's (the tags are in the answer).
   */
  write(
    changes: ArticleChange[],
    progress?: (done: number, total: number) => void,
  ): Promise<Written>
  close(): Promise<void>
}

export async function openStorage(
  name: StoreName,
  config: ScriptConfig,
  options: { remote: boolean; configPath?: string; persistTo?: string },
): Promise<Storage> {
  const local = options.remote ? undefined : await writeWorker(options)
  const proxy = local ? undefined : await platformProxy(options)
  const env = local?.env ?? proxy!.env
  const dispose = () => (local ? local.dispose() : proxy!.dispose())
  const binding: Driver = name === 'kv' ? kvDriver(env.ARTICLES_KV) : r2Driver(env.ARTICLES_R2)
  // Remote KV: a batch's writes go in bulk requests (10,000 values each) rather than a call per key.
  const api =
    options.remote && name === 'kv'
      ? kvBulkApi(
          (await readWranglerToml(options.configPath)).kv_namespaces?.find(
            (kv) => kv.binding === 'ARTICLES_KV',
          )?.id,
        )
      : undefined
  const bulk = api && bulkWrites(binding, api)
  const driver: Driver = bulk || binding
  const store = sourceStore(driver, { maxBytes: Number.MAX_SAFE_INTEGER }) // files are size-checked before upload
  const db = env.ARTICLES_DB
  // Remotely, only a DERIVED_KEY from the environment (the deployed secret) signs derived articles;
  // without it none are written and the Worker derives each on first read.
  const internal = internalStore(
    driver,
    undefined,
    options.remote ? process.env.DERIVED_KEY : devDerivedKey(),
  )
  const migrations = await readMigrations()
  if (options.remote) {
    const pending = await pendingMigrations(db, migrations)
    if (pending.length) {
      await dispose()
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
    internal,
    async list() {
      const found = new Map<string, StoredEntry>()
      for await (const entry of listAll(store, config.languages)) found.set(entry.key, entry)
      return found
    },
    async profileIds() {
      const prefix = `${INTERNAL_PREFIX}${profileName('')}`
      const ids: string[] = []
      let cursor: string | undefined
      do {
        const page = await binding.list({ prefix, cursor })
        ids.push(...page.entries.map((e) => e.key.slice(prefix.length)))
        cursor = page.cursor
      } while (cursor)
      return ids
    },
    getBytes: (key) => store.raw(key),
    put: (key, bytes, metadata) => store.put(key, bytes, metadata),
    delete: (key) => store.delete(key),
    async write(changes, progress) {
      const written: Written = { changes: [], failed: [], tags: [], urls: [] }
      const size = local ? BATCH : REMOTE_BATCH
      for (let i = 0; i < changes.length; i += size) {
        const batch = changes.slice(i, i + size)
        const answer = local
          ? await local.write({ store: name, config, changes: batch.map(toWire) })
          : await writeArticles({
              target: {
                stores: [{ store, internal }],
                db,
                origin: buildOrigin(config),
                ...(bulk && { flush: () => bulk.flush() }),
              },
              config,
              changes: batch,
              keepGoing: true,
            })
        written.changes.push(...answer.changes)
        written.failed.push(
          ...answer.failed.map(({ key, fileName, message }) => ({ key, fileName, message })),
        )
        written.urls.push(...answer.urls)
        progress?.(Math.min(i + size, changes.length), changes.length)
      }
      written.tags = [...new Set(written.changes.flatMap(changeTags))]
      return written
    },
    close: dispose,
  }
}

const toWire = (change: ArticleChange): WireChange => {
  if (change.kind === 'found') throw new Error('a push sends sources, not found ones')
  return change.kind === 'publish'
    ? { ...change, bytes: Buffer.from(change.bytes).toString('base64') }
    : change
}
