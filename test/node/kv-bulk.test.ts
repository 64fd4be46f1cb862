/** content:push --remote's KV writes: a batch in bulk requests of at most 10,000 values, each failure named. */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { bulkWrites } from '../../scripts/lib/kv-bulk'
import type { Driver } from '../../src/source/driver'

/** Cloudflare's bulk endpoint, standing in: records each request, refuses the keys it is told to. */
async function standIn(refuse: string[] = []) {
  const requests: { url: string; auth?: string; pairs: { key: string; value: string }[] }[] = []
  const server = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk: Buffer) => (body += chunk.toString()))
    req.on('end', () => {
      const pairs = JSON.parse(body) as { key: string; value: string }[]
      requests.push({ url: req.url!, auth: req.headers.authorization, pairs })
      const refused = pairs.map((p) => p.key).filter((k) => refuse.includes(k))
      res.setHeader('content-type', 'application/json')
      res.end(JSON.stringify({ success: true, result: { unsuccessful_keys: refused } }))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  servers.push(server)
  const { port } = server.address() as AddressInfo
  return {
    requests,
    api: { base: `http://127.0.0.1:${port}`, accountId: 'acc', namespaceId: 'ns', token: 'tok' },
  }
}
const servers: ReturnType<typeof createServer>[] = []
afterEach(() => servers.splice(0).forEach((s) => s.close()))

const binding = { name: 'kv', metadataLimit: 1024 } as Driver

describe('KV bulk writes', () => {
  it('sends 10,001 values in two requests, values intact, nothing before the flush', async () => {
    const { requests, api } = await standIn()
    const driver = bulkWrites(binding, api)
    for (let i = 0; i <= 10_000; i++)
      await driver.put(`ko/a${i}`, new TextEncoder().encode(`기사 ${i}`), {
        metadata: { sha256: `${i}` },
        contentType: 'text/html',
      })
    expect(requests).toHaveLength(0)
    await driver.flush()
    expect(requests.map((r) => r.pairs.length)).toEqual([10_000, 1])
    expect(requests[0]!.url).toBe('/accounts/acc/storage/kv/namespaces/ns/bulk')
    expect(requests[0]!.auth).toBe('Bearer tok')
    expect(Buffer.from(requests[1]!.pairs[0]!.value, 'base64').toString()).toBe('기사 10000')
  })

  it('fails the flush naming the keys Cloudflare did not write', async () => {
    const { api } = await standIn(['ko/b'])
    const driver = bulkWrites(binding, api)
    await driver.put('ko/a', new Uint8Array([1]), { metadata: {}, contentType: 'text/html' })
    await driver.put('ko/b', new Uint8Array([2]), { metadata: {}, contentType: 'text/html' })
    await expect(driver.flush()).rejects.toThrow(/ko\/b not written/)
  })
})
