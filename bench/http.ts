/**
 * HTTP benchmark against a real `wrangler dev` on loopback: a constant-string baseline route, the
 * seed article on a cache hit, and on a cache miss (distinct slugs, each requested once), side by side
 * in one run with the same load.
 */
import autocannon from 'autocannon'
import { readFile } from 'node:fs/promises'
import { startDevWorker } from '../scripts/lib/dev-worker'

export interface HttpResult {
  name: string
  requests: number
  rps: number
  p50Ms: number
  p99Ms: number
  errors: number
}

const CONNECTIONS = 20
const SECONDS = 8
const MISS_SLUGS = 3_000

function run(
  name: string,
  origin: string,
  options: Partial<autocannon.Options>,
): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    autocannon(
      { url: origin, connections: CONNECTIONS, ...options },
      (error: Error | null, result) => {
        if (error) return reject(error)
        resolve({
          name,
          requests: result.requests.total,
          rps: result.requests.average,
          p50Ms: result.latency.p50,
          p99Ms: result.latency.p99,
          errors: result.errors + result.non2xx,
        })
      },
    )
  })
}

export async function benchHttp(): Promise<{
  results: HttpResult[]
  coldFirstRequestMs: number
  serverTiming: string
}> {
  const seed = await readFile('content/ko/2024-06-19-putin-kim-pact.html')
  const slug = (i: number) => `bench-${String(i).padStart(5, '0')}`
  const worker = await startDevWorker({
    seedKv: async (kv) => {
      const metadata = {
        fileName: 'ko/putin-kim-pact.html',
        format: 'html',
        uploaded: new Date().toISOString(),
      }
      for (let i = 0; i < MISS_SLUGS; i += 100) {
        await Promise.all(
          Array.from({ length: 100 }, (_, j) => kv.put(`ko/${slug(i + j)}`, seed, { metadata })),
        )
      }
    },
  })
  try {
    // The first request of a fresh isolate: a cold render of the seed, as the Worker reports it.
    const start = performance.now()
    const first = await worker.get('/ko/putin-kim-pact')
    const pageBytes = (await first.arrayBuffer()).byteLength
    const coldFirstRequestMs = performance.now() - start
    const serverTiming = first.headers.get('server-timing') ?? ''

    const baseline = await run('baseline (constant string)', worker.origin, {
      url: `${worker.origin}/healthz`,
      duration: SECONDS,
    })
    // A constant as large as the page: what serving those bytes costs without any cache.
    const sameSize = await run('constant, page-sized', worker.origin, {
      url: `${worker.origin}/healthz?bytes=${pageBytes}`,
      duration: SECONDS,
    })
    const hit = await run('seed, cache hit', worker.origin, {
      url: `${worker.origin}/ko/putin-kim-pact`,
      duration: SECONDS,
    })
    let next = 0
    const miss = await run('seed copies, cache miss', worker.origin, {
      amount: MISS_SLUGS,
      requests: [{ setupRequest: (req) => ({ ...req, path: `/ko/${slug(next++ % MISS_SLUGS)}` }) }],
    })
    return { results: [baseline, sameSize, hit, miss], coldFirstRequestMs, serverTiming }
  } finally {
    await worker.stop()
  }
}
