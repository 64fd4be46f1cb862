/**
 * Workers KV's bulk write, for `content:push --remote`: the binding has none, so the writes of a
 * batch are collected and sent through Cloudflare's REST API, up to 10,000 pairs (and well under
 * its 100 MB) a request, instead of one call per key. Reads and deletes go through the binding
 * as before.
 *   PUT {api}/accounts/{account}/storage/kv/namespaces/{namespace}/bulk
 */
import type { Driver } from '../../src/source/driver'

export interface KvBulkApi {
  /** https://api.cloudflare.com/client/v4, or a stand-in's address (the benchmark counts its calls). */
  base: string
  accountId: string
  namespaceId: string
  token: string
}

/** Cloudflare's limits per request: 10,000 pairs, 100 MB (kept to 90 for the JSON around them). */
const MAX_PAIRS = 10_000
const MAX_BYTES = 90_000_000

interface Pair {
  key: string
  value: string
  base64: true
  metadata: Record<string, string>
}

/** The API named by the environment (CLOUDFLARE_API_TOKEN, CLOUDFLARE_ACCOUNT_ID), or undefined. */
export function kvBulkApi(namespaceId: string | undefined): KvBulkApi | undefined {
  const { CLOUDFLARE_API_TOKEN: token, CLOUDFLARE_ACCOUNT_ID: accountId } = process.env
  if (!token || !accountId || !namespaceId) return undefined
  const base = process.env.CLOUDFLARE_API_BASE_URL ?? 'https://api.cloudflare.com/client/v4'
  return { base, accountId, namespaceId, token }
}

/** A driver whose puts wait for `flush`, which sends them in as few bulk requests as fit. */
export function bulkWrites(driver: Driver, api: KvBulkApi): Driver & { flush(): Promise<void> } {
  let queued = new Map<string, Pair>()
  return {
    ...driver,
    put(key, bytes, { metadata }) {
      queued.set(key, { key, value: Buffer.from(bytes).toString('base64'), base64: true, metadata })
      return Promise.resolve()
    },
    async delete(key) {
      queued.delete(key)
      await driver.delete(key)
    },
    async flush() {
      const pairs = [...queued.values()]
      queued = new Map()
      let start = 0
      while (start < pairs.length) {
        let end = start
        let bytes = 0
        while (end < pairs.length && end - start < MAX_PAIRS) {
          bytes += pairs[end]!.value.length + pairs[end]!.key.length + 200
          if (bytes > MAX_BYTES && end > start) break
          end++
        }
        await send(api, pairs.slice(start, end))
        start = end
      }
    },
  }
}

async function send(api: KvBulkApi, pairs: Pair[]) {
  const url = `${api.base}/accounts/${api.accountId}/storage/kv/namespaces/${api.namespaceId}/bulk`
  const res = await fetch(url, {
    method: 'PUT',
    headers: { authorization: `Bearer ${api.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(pairs),
  })
  const answer = (await res.json().catch(() => ({}))) as {
    success?: boolean
    errors?: { message: string }[]
    result?: { unsuccessful_keys?: string[] }
  }
  const refused = answer.result?.unsuccessful_keys ?? []
  if (!res.ok || answer.success === false || refused.length)
    throw new Error(
      `KV bulk write of ${pairs.length} values failed (HTTP ${res.status})${refused.length ? `: ${refused.slice(0, 5).join(', ')}${refused.length > 5 ? '…' : ''} not written` : ''}${answer.errors?.length ? `: ${answer.errors.map((e) => e.message).join('; ')}` : ''}`,
    )
}
