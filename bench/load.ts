/**
 * Load run against a real `wrangler dev` on loopback: 1,000 articles, 100 connections, two rounds of
 * 30 s each with a mix of cache hits, first-time misses, 304 revalidations and 404s. Reports
 * throughput, latency, status counts, and the workerd processes' memory after each round (it must
 * not keep growing: no unbounded caches in the isolate).
 */
import autocannon from 'autocannon'
import { readFile } from 'node:fs/promises'
import { startDevWorker } from '../scripts/lib/dev-worker'
import { isolateHeapMb, processTreeRssMb } from './memory'

const INSPECTOR_PORT = 9329

const ARTICLES = 1_000
const CONNECTIONS = 100
const SECONDS = 30

export interface LoadRound {
  requests: number
  rps: number
  p50Ms: number
  p99Ms: number
  statuses: Record<string, number>
  errors: number
  timeouts: number
  /** This benchmark's process tree (the workerd it started), resident. */
  treeRssMb: number
  /** The Worker isolate's JS heap after a full GC. */
  isolateHeapMb: number
}

export async function benchLoad(): Promise<{
  rounds: LoadRound[]
  baselineRssMb: number
  baselineHeapMb: number
}> {
  const seed = await readFile('content/ko/2024-06-19-putin-kim-pact.html')
  const slug = (i: number) => `load-${String(i).padStart(4, '0')}`
  const worker = await startDevWorker({
    inspectorPort: INSPECTOR_PORT,
    seedKv: async (kv) => {
      const metadata = {
        fileName: 'ko/putin-kim-pact.html',
        format: 'html',
        uploaded: new Date().toISOString(),
      }
      for (let i = 0; i < ARTICLES; i += 100)
        await Promise.all(
          Array.from({ length: 100 }, (_, j) => kv.put(`ko/${slug(i + j)}`, seed, { metadata })),
        )
    },
  })
  try {
    const etag = (await worker.get('/ko/putin-kim-pact')).headers.get('etag') ?? ''
    const baselineRssMb = processTreeRssMb()
    const baselineHeapMb = await isolateHeapMb(INSPECTOR_PORT)
    let n = 0
    const rounds: LoadRound[] = []
    for (let round = 0; round < 2; round++) {
      const result = await new Promise<autocannon.Result>((resolve, reject) => {
        autocannon(
          {
            url: worker.origin,
            connections: CONNECTIONS,
            duration: SECONDS,
            requests: [
              {
                setupRequest: (req) => {
                  const pick = n++ % 20
                  // 10/20 popular article (hit), 4/20 one of 1,000 articles (a miss the first time), 3/20 304, 3/20 dead link
                  if (pick < 10) return { ...req, path: '/ko/putin-kim-pact', headers: {} }
                  if (pick < 14) return { ...req, path: `/ko/${slug(n % ARTICLES)}`, headers: {} }
                  if (pick < 17)
                    return {
                      ...req,
                      path: '/ko/putin-kim-pact',
                      headers: { 'if-none-match': etag },
                    }
                  return { ...req, path: `/ko/dead-link-${n % 50}`, headers: {} }
                },
              },
            ],
          },
          (error: Error | null, res) => (error ? reject(error) : resolve(res)),
        )
      })
      rounds.push({
        requests: result.requests.total,
        rps: result.requests.average,
        p50Ms: result.latency.p50,
        p99Ms: result.latency.p99,
        statuses: Object.fromEntries(
          Object.entries(result.statusCodeStats ?? {}).map(([code, stat]) => [
            code,
            (stat as { count: number }).count,
          ]),
        ),
        errors: result.errors,
        timeouts: result.timeouts,
        treeRssMb: processTreeRssMb(),
        isolateHeapMb: await isolateHeapMb(INSPECTOR_PORT),
      })
    }
    return { rounds, baselineRssMb, baselineHeapMb }
  } finally {
    await worker.stop()
  }
}
