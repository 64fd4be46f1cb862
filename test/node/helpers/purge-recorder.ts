import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A stand-in for a running Worker's purge endpoint (`POST /admin/cache/purge`): it answers as the
 * Worker does and records the cache tags it is asked to drop, every request's together.
 */
export async function purgeRecorder() {
  const purged: string[] = []
  const server = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk: Buffer) => (body += chunk.toString()))
    req.on('end', () => {
      const { tags } = JSON.parse(body) as { tags: string[] }
      purged.push(...tags)
      res.setHeader('content-type', 'application/json')
      res.end(JSON.stringify({ via: 'cache-api', tags, deleted: 0, errors: [] }))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    purge: { origin: `http://127.0.0.1:${port}`, token: 'test' },
    purged,
    close: () => new Promise((resolve) => server.close(resolve)),
  }
}
