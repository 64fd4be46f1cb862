/**
 * What `content:push --remote` asks of Cloudflare, counted on this machine: a stand-in of the KV
 * bulk write endpoint (the push's KV writes, scripts/lib/kv-bulk.ts), and local D1 and KV bindings
 * that count each call which, through wrangler's remote bindings, is one request to Cloudflare: a D1
 * batch or exec, a statement run on its own (`first`, `all`, `run`, `raw`), a KV read, write, delete
 * or list. `prepare` and `bind` build the statement inside the local proxy and are not counted.
 * Values sent in bulk are counted, not stored: the writer never reads them back.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { ScriptConfig } from '../../../scripts/lib/config'
import type { CheckedContent } from '../../../scripts/lib/content'
import { bulkWrites, type KvBulkApi } from '../../../scripts/lib/kv-bulk'
import { writeRemote, type Written } from '../../../scripts/lib/storage'
import { buildOrigin } from '../../../src/articles/derived'
import { internalStore } from '../../../src/source/internal'
import { kvDriver } from '../../../src/source/kv'
import { sourceStore } from '../../../src/source/store'

export interface CloudflareStandIn {
  /** The KV bulk API to hand to `bulkWrites`. */
  api: KvBulkApi
  /** Calls by kind, e.g. `D1 batch`, `KV bulk write`. */
  calls: Record<string, number>
  /** Values received by the bulk endpoint. */
  values: number
  db: D1Database
  kv: KVNamespace
  total(): number
  close(): Promise<void>
}

const STATEMENT_RUNS = ['first', 'all', 'run', 'raw']
const KV_CALLS = ['get', 'getWithMetadata', 'put', 'delete', 'list']

export async function cloudflareStandIn(env: {
  ARTICLES_DB: D1Database
  ARTICLES_KV: KVNamespace
}): Promise<CloudflareStandIn> {
  const calls: Record<string, number> = {}
  const count = (call: string) => (calls[call] = (calls[call] ?? 0) + 1)
  const standIn = { values: 0 }
  const server = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk: Buffer) => (body += chunk.toString()))
    req.on('end', () => {
      res.setHeader('content-type', 'application/json')
      if (req.method !== 'PUT' || !/\/storage\/kv\/namespaces\/[^/]+\/bulk$/.test(req.url ?? '')) {
        res.statusCode = 404
        res.end(JSON.stringify({ success: false, errors: [{ message: `no ${req.url}` }] }))
        return
      }
      count('KV bulk write')
      standIn.values += (JSON.parse(body) as unknown[]).length
      res.end(JSON.stringify({ success: true, result: { unsuccessful_keys: [] } }))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  // Statements handed out wrapped (so a statement run alone is counted), unwrapped for a batch.
  const real = new WeakMap<object, D1PreparedStatement>()
  const wrap = (statement: D1PreparedStatement): D1PreparedStatement => {
    const wrapped = new Proxy(statement, {
      get(target, prop) {
        const value = Reflect.get(target, prop) as unknown
        if (typeof value !== 'function') return value
        if (prop === 'bind') return (...args: unknown[]) => wrap(target.bind(...args))
        return (...args: unknown[]) => {
          if (STATEMENT_RUNS.includes(String(prop))) count(`D1 ${String(prop)}`)
          return (value as (...a: unknown[]) => unknown).apply(target, args)
        }
      },
    })
    real.set(wrapped, statement)
    return wrapped
  }
  const d1 = env.ARTICLES_DB
  const db = {
    prepare: (sql: string) => wrap(d1.prepare(sql)),
    batch: (statements: D1PreparedStatement[]) => {
      count('D1 batch')
      return d1.batch(statements.map((s) => real.get(s) ?? s))
    },
    exec: (sql: string) => {
      count('D1 exec')
      return d1.exec(sql)
    },
  } as unknown as D1Database
  const kv = new Proxy(env.ARTICLES_KV, {
    get(target, prop) {
      const value = Reflect.get(target, prop) as unknown
      if (typeof value !== 'function') return value
      return (...args: unknown[]) => {
        if (KV_CALLS.includes(String(prop))) count(`KV ${String(prop)}`)
        return (value as (...a: unknown[]) => unknown).apply(target, args)
      }
    },
  })
  return {
    api: { base: `http://127.0.0.1:${port}`, accountId: 'account', namespaceId: 'ns', token: 't' },
    calls,
    get values() {
      return standIn.values
    },
    db,
    kv,
    total: () => Object.values(calls).reduce((a, b) => a + b, 0),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

/**
 * Pushes checked content into the stand-in as `content:push --remote` does (writeRemote through
 * KV's bulk interface and D1 batches), every file new; what the writer wrote.
 */
export async function pushRemotely(
  cloudflare: CloudflareStandIn,
  content: { checked: CheckedContent; config: ScriptConfig },
): Promise<Written> {
  const { checked, config } = content
  const driver = bulkWrites(kvDriver(cloudflare.kv), cloudflare.api)
  return writeRemote({
    target: {
      stores: [
        {
          store: sourceStore(driver, { maxBytes: 1e7 }),
          internal: internalStore(driver, undefined, 'a deployed DERIVED_KEY'),
        },
      ],
      db: cloudflare.db,
      origin: buildOrigin(config),
      flush: () => driver.flush(),
    },
    config,
    changes: checked.files.map((file) => ({
      kind: 'publish' as const,
      key: file.key,
      bytes: file.bytes,
      fileName: file.path,
      checked: { metadata: { sha256: file.sha256 }, article: checked.articles.get(file.key)! },
      isNew: true,
    })),
  })
}
