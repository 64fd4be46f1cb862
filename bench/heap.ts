/**
 * Retained memory of the render path: 15,000 renders of the seed in rounds, heap measured after a
 * forced GC. Flat numbers mean no module-level state grows per request. Run with --expose-gc
 * (bench/run.ts does); prints one JSON line.
 */
import { readFile } from 'node:fs/promises'
import { renderPage } from './pipeline'

const gc = (globalThis as { gc?: () => void }).gc
if (!gc) throw new Error('run with node --expose-gc')
const seed = await readFile('content/ko/2024-06-19-putin-kim-pact.html')
const source = {
  key: 'ko/putin-kim-pact',
  bytes: seed.buffer.slice(seed.byteOffset, seed.byteOffset + seed.byteLength),
  etag: 'b',
  store: 'kv' as const,
  fileName: 'ko/putin-kim-pact.html',
  format: 'html' as const,
}
const heapMb: number[] = []
for (let round = 0; round < 5; round++) {
  for (let i = 0; i < 3000; i++) await renderPage(source)
  gc()
  gc()
  heapMb.push(Math.round((process.memoryUsage().heapUsed / 1024 / 1024) * 10) / 10)
}
console.log(JSON.stringify({ rendersPerRound: 3000, heapMb }))
