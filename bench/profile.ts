/**
 * npm run bench -- profile [seed|100k|1m] [source|derived]
 *
 * Where a render's time goes: V8's sampling profiler over many renders, self time summed by stage
 * (the src/ folder a function lives in, or the library) and by function. The same renders the
 * pipeline benchmark times.
 */
import { Session } from 'node:inspector/promises'
import { renderFromDerived, renderFromSource, sources } from './pipeline'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  hitCount: number
  children?: number[]
}

/** `src/transform/sanitize.ts` → `transform`; a package → its name; Node and V8 internals → `runtime`. */
function stageOf(url: string): string {
  const src =
    /\/src\/([^/]+)\//.exec(url)?.[1] ?? (/\/src\/([^/]+)\.tsx?$/.exec(url) ? 'src' : undefined)
  if (src) return src
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1]
  if (pkg) return pkg
  return url ? 'other' : 'runtime (V8, GC, natives)'
}

export async function profile(
  which: 'seed' | '100k' | '1m' = 'seed',
  path: 'source' | 'derived' = 'source',
) {
  const { file, derived } = (await sources())[which]
  const render = path === 'source' ? () => renderFromSource(file) : () => renderFromDerived(derived)
  const runs = which === 'seed' ? 3000 : which === '100k' ? 200 : 20
  for (let i = 0; i < Math.min(200, runs); i++) await render() // warm up the JIT
  const session = new Session()
  session.connect()
  await session.post('Profiler.enable')
  await session.post('Profiler.setSamplingInterval', { interval: 100 })
  await session.post('Profiler.start')
  const started = process.cpuUsage()
  for (let i = 0; i < runs; i++) await render()
  const cpu = process.cpuUsage(started)
  const { profile } = (await session.post('Profiler.stop')) as { profile: { nodes: ProfileNode[] } }
  session.disconnect()
  const total = profile.nodes.reduce((sum, n) => sum + n.hitCount, 0)
  const byStage = new Map<string, number>()
  const byFunction = new Map<string, number>()
  for (const node of profile.nodes) {
    if (!node.hitCount) continue
    const stage = stageOf(node.callFrame.url)
    byStage.set(stage, (byStage.get(stage) ?? 0) + node.hitCount)
    const name = `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.replace(/^.*\/(src|node_modules)\//, '$1/')}:${node.callFrame.lineNumber + 1}`
    byFunction.set(name, (byFunction.get(name) ?? 0) + node.hitCount)
  }
  const perRun = ((cpu.user + cpu.system) / runs).toFixed(0)
  console.log(`\n${which}, ${path} → page: ${runs} renders, ${perRun} µs CPU each`)
  const top = (map: Map<string, number>, n: number) =>
    [...map].sort((a, b) => b[1] - a[1]).slice(0, n)
  console.log('  by stage')
  for (const [stage, hits] of top(byStage, 14))
    console.log(`    ${((hits / total) * 100).toFixed(1).padStart(5)}%  ${stage}`)
  console.log('  by function (self time)')
  for (const [name, hits] of top(byFunction, 20))
    console.log(`    ${((hits / total) * 100).toFixed(1).padStart(5)}%  ${name}`)
}
