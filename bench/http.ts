/**
 * HTTP benchmark against a real `wrangler dev` on loopback: a constant-string baseline route, the
 * seed article on a cache hit, and on a cache miss (distinct slugs, each requested once), side by side
 * in one run with the same load.
 *
 * The miss copies are published as publishers publish: files in a content folder pushed by
 * content:push (the one writer: derived article, index row), so a miss is what a reader meets on any
 * published article the cache does not hold. Copies put into KV by hand (`wrangler kv key put`) are a
 * second, smaller miss line: their first reader also hands the source to the writer in the
 * background (src/articles/load.ts), once per article.
 *
 * Besides throughput, each line reports workerd's CPU time per request (every thread of the runtime,
 * the background work after the response included): on two cores shared with other work, CPU time
 * says more than requests per second.
 */
import autocannon from 'autocannon'
import { cp, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { startDevWorker } from '../scripts/lib/dev-worker'
import { cpuNs, settledWorkerd } from './workerd'
import { withTempDir } from './temp'

export interface HttpResult {
  name: string
  requests: number
  rps: number
  p50Ms: number
  p99Ms: number
  errors: number
  /** workerd CPU per request, ms (the runtime's threads; background work included). */
  cpuMs: number
}

const CONNECTIONS = 20
const SECONDS = 8
const MISS_SLUGS = 3_000
const HAND_PUT_SLUGS = 300
const SEED = 'content/ko/2024-06-19-putin-kim-pact.html'

function load(origin: string, options: Partial<autocannon.Options>): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(
      { url: origin, connections: CONNECTIONS, ...options },
      (error: Error | null, result) => (error ? reject(error) : resolve(result)),
    )
  })
}

/** Waits until workerd is idle (background work done): under 20 ms of CPU in half a second. */
async function settled(pids: number[]) {
  for (let i = 0; i < 120; i++) {
    const before = cpuNs(pids)
    await new Promise((resolve) => setTimeout(resolve, 500))
    if (cpuNs(pids) - before < 20e6) return
  }
}

export async function benchHttp(): Promise<{
  results: HttpResult[]
  coldFirstRequestMs: number
  serverTiming: string
}> {
  const seed = await readFile(SEED)
  const slug = (i: number) => `bench-${String(i).padStart(5, '0')}`
  const handSlug = (i: number) => `bench-hand-${String(i).padStart(5, '0')}`
  return withTempDir('edge-http-', async (content) => {
    // The site's content and the seed's copies, as a publisher's folder.
    await cp('content', content, { recursive: true })
    for (let i = 0; i < MISS_SLUGS; i++)
      await writeFile(join(content, 'ko', `2024-06-19-${slug(i)}.html`), seed)
    const worker = await startDevWorker({
      contentDir: content,
      seedKv: async (kv) => {
        for (let i = 0; i < HAND_PUT_SLUGS; i += 100)
          await Promise.all(
            Array.from({ length: 100 }, (_, j) => kv.put(`ko/${handSlug(i + j)}`, seed)),
          )
      },
    })
    try {
      // The first request of a fresh isolate: a cold render of the seed, as the Worker reports it.
      const start = performance.now()
      const first = await worker.get('/ko/putin-kim-pact')
      const pageBytes = (await first.arrayBuffer()).byteLength
      const coldFirstRequestMs = performance.now() - start
      const serverTiming = first.headers.get('server-timing') ?? ''
      const pids = await settledWorkerd(worker)

      const run = async (name: string, options: Partial<autocannon.Options>) => {
        await settled(pids)
        const before = cpuNs(pids)
        const result = await load(worker.origin, options)
        await settled(pids)
        const requests = result.requests.total
        return {
          name,
          requests,
          rps: result.requests.average,
          p50Ms: result.latency.p50,
          p99Ms: result.latency.p99,
          errors: result.errors + result.non2xx,
          cpuMs: (cpuNs(pids) - before) / 1e6 / Math.max(requests, 1),
        }
      }
      /** Each path once, in order. */
      const each = (paths: string[]): Partial<autocannon.Options> => {
        let next = 0
        return {
          amount: paths.length,
          requests: [{ setupRequest: (req) => ({ ...req, path: paths[next++ % paths.length] }) }],
        }
      }

      const baseline = await run('baseline (constant string)', {
        url: `${worker.origin}/healthz`,
        duration: SECONDS,
      })
      // A constant as large as the page: what serving those bytes costs without any cache.
      const sameSize = await run('constant, page-sized', {
        url: `${worker.origin}/healthz?bytes=${pageBytes}`,
        duration: SECONDS,
      })
      const hit = await run('seed, cache hit', {
        url: `${worker.origin}/ko/putin-kim-pact`,
        duration: SECONDS,
      })
      const miss = await run(
        'seed copies, cache miss',
        each(Array.from({ length: MISS_SLUGS }, (_, i) => `/ko/${slug(i)}`)),
      )
      const handPut = await run(
        'put by hand, first read',
        each(Array.from({ length: HAND_PUT_SLUGS }, (_, i) => `/ko/${handSlug(i)}`)),
      )
      return {
        results: [baseline, sameSize, hit, miss, handPut],
        coldFirstRequestMs,
        serverTiming,
      }
    } finally {
      await worker.stop()
    }
  })
}
