/**
 * Pathological sources (bench/hostile/generate.ts: Markdown emphasis runs, bracket runs, tables,
 * nesting, entity floods, YAML key and alias bombs, and more) at the size limit, source → page: each
 * is either refused with a reason or renders in time proportional to its size. Reports the worst
 * rendered class in µs per KB of CPU time next to the seed's, and the largest page and JSON each
 * class produced against its source.
 */
import { spawn } from 'node:child_process'
import { NODE_LOADERS } from './loaders'

export interface HostileCase {
  kind: string
  group: string
  bytes: number
  cpuMs: number
  usPerKb: number
  refused?: string
  pageBytes?: number
  jsonBytes?: number
}

export async function benchHostile(
  bytes = 1_000_000,
  timeoutMs = 20 * 60_000,
): Promise<{ cases: HostileCase[]; hung?: string }> {
  const cases: HostileCase[] = []
  const child = spawn(
    process.execPath,
    [...NODE_LOADERS, 'bench/hostile/sweep.ts', String(bytes)],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  )
  let buffered = ''
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString()
    const lines = buffered.split('\n')
    buffered = lines.pop()!
    for (const line of lines) if (line.trim()) cases.push(JSON.parse(line) as HostileCase)
  })
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve))
  clearTimeout(timer)
  return code === 0
    ? { cases }
    : { cases, hung: `the sweep stopped (exit ${code}) after ${cases.at(-1)?.kind ?? 'the start'}` }
}
