/**
 * The storage content:push writes to: the local KV/R2/D1 that `wrangler dev` uses (Miniflare's state
 * in .wrangler/state/v3), with the writer running inside that runtime (write-worker.ts); or with
 * `remote` the deployed ones through wrangler's platform proxy with remote bindings, the writer
 * running here. Either way the Worker's own store layer (src/source/) and writer
 * (src/publish/write.ts).
 */
import type { Driver, StoreName } from '../../src/source/driver'
import { internalStore, type InternalStore } from '../../src/source/internal'
import { storeDriver } from '../../src/source'
import { profileIdsIn } from '../../src/authors/store'
import {
  listAll,
  sourceStore,
  type SourceMetadata,
  type StoredEntry,
  type WritableStore,
} from '../../src/source/store'
import { readWranglerToml, type ScriptConfig } from './config'
import { devDerivedKey } from './derived-key'
import { migrateLocal, migrationNames, pendingMigrations } from './migrate'
import { platformProxy } from './wrangler'
import type { MediaUpload } from './media'
import { storePicture } from '../../src/media/hosting'
import { writeWorker } from './write-worker'
import { bulkWrites, kvBulkApi } from './kv-bulk'
import { writeArticles } from '../../src/publish/write'
import type { ArticleChange, WriteResult, WriteTarget } from '../../src/publish/changes'
import type { SiteConfig } from '../../src/config'
import type { WireChange } from '../../src/publish/batch'
import { buildOrigin } from '../../src/articles/derived'
import { changeTags } from '../../src/cache/tags'

/** What the writer did with a batch, as content:push reports it. */
export type Written = Pick<WriteResult, 'changes' | 'tags' | 'urls'> & {
  failed: { key: string; fileName?: string; message: string }[]
}

/**
 * Changes per round trip into the local writer, and per writer chunk there (a few megabytes of
 * sources at most): a chunk's D1 work is a few batches whatever its size, so larger chunks spread
 * it thinner (3,000 articles: 77/s at 1,000 a chunk, 67/s at 200, in the same run).
 */
const BATCH = 1_000
/**
 * Changes per writer chunk on the remote path, where each D1 call and each KV bulk write is a
 * request to Cloudflare: a chunk costs a handful of them whatever its size (one KV bulk write, a few
 * D1 batches whose statements name the chunk's rows in JSON lists), so a push of N articles makes
 * about N / 1,000 × that many (bench `write`; test/node/remote-calls.test.ts).
 */
export const REMOTE_CHUNK = 1_000

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
  /** Uploads to ARTICLES_R2 the pictures it does not hold yet (keys are content hashes); how many. */
  putMedia(uploads: MediaUpload[]): Promise<number>
  /** A hosted picture's bytes by its R2 key, or null. */
  getMedia(key: string): Promise<Uint8Array | null>
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
  const binding: Driver = storeDriver(env, name)
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
  if (options.remote) {
    const pending = await pendingMigrations(db, await migrationNames(options.configPath))
    if (pending.length) {
      await dispose()
      throw new Error(
        `the deployed article index lacks ${pending.join(', ')}: run \`npx wrangler d1 migrations apply ARTICLES_DB --remote\` first`,
      )
    }
  } else {
    // Local databases are migrated here, by wrangler, as the publisher would a deployed one.
    const { configPath, persistTo } = options
    await migrateLocal({ db, configPath, persistTo }).catch(async (error: unknown) => {
      await dispose()
      throw error
    })
  }
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
    profileIds: () => profileIdsIn(binding),
    getBytes: (key) => store.raw(key),
    async getMedia(key) {
      const object = await env.ARTICLES_R2.get(key)
      return object && new Uint8Array(await object.arrayBuffer())
    },
    async putMedia(uploads) {
      let sent = 0
      for (const upload of new Map(uploads.map((u) => [u.key, u])).values())
        if (await storePicture(env.ARTICLES_R2, upload)) sent++
      return sent
    },
    put: (key, bytes, metadata) => store.put(key, bytes, metadata),
    delete: (key) => store.delete(key),
    async write(changes, progress) {
      if (!local)
        return writeRemote({
          target: {
            stores: [{ store, internal }],
            db,
            origin: buildOrigin(config),
            ...(bulk && { flush: () => bulk.flush() }),
          },
          config,
          changes,
          progress,
        })
      return collect(changes, {
        size: BATCH,
        progress,
        write: (batch) => local.write({ store: name, config, changes: batch.map(toWire) }),
      })
    },
    close: dispose,
  }
}

/**
 * content:push --remote's writes: the writer runs here, its D1 statements and KV reads going
 * through wrangler's remote bindings and its KV writes through `target.flush` (kv-bulk.ts), a
 * thousand articles a chunk.
 */
export function writeRemote(options: {
  target: WriteTarget
  config: SiteConfig
  changes: ArticleChange[]
  progress?: (done: number, total: number) => void
}): Promise<Written> {
  const { target, config, changes, progress } = options
  return collect(changes, {
    size: REMOTE_CHUNK,
    progress,
    write: (batch) =>
      writeArticles({ target, config, changes: batch, keepGoing: true, chunk: REMOTE_CHUNK }),
  })
}

/** Hands `changes` to `write` `size` at a time and adds up the answers. */
async function collect(
  changes: ArticleChange[],
  {
    size,
    progress,
    write,
  }: {
    /** Changes per batch. */
    size: number
    progress: ((done: number, total: number) => void) | undefined
    write: (batch: ArticleChange[]) => Promise<Omit<Written, 'tags'>>
  },
): Promise<Written> {
  const written: Written = { changes: [], failed: [], tags: [], urls: [] }
  for (let i = 0; i < changes.length; i += size) {
    const answer = await write(changes.slice(i, i + size))
    written.changes.push(...answer.changes)
    written.failed.push(
      ...answer.failed.map(({ key, fileName, message }) => ({ key, fileName, message })),
    )
    written.urls.push(...answer.urls)
    progress?.(Math.min(i + size, changes.length), changes.length)
  }
  written.tags = [...new Set(written.changes.flatMap(changeTags))]
  return written
}

const toWire = (change: ArticleChange): WireChange => {
  if (change.kind === 'found') throw new Error('a push sends sources, not found ones')
  return change.kind === 'publish'
    ? { ...change, bytes: Buffer.from(change.bytes).toString('base64') }
    : change
}
