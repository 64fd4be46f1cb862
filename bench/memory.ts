/**
 * Memory of the Worker under test, two ways:
 * - the resident memory of this benchmark's own process tree (the workerd it started, not any other
 *   workerd on the machine, nor wrangler's), from /proc;
 * - the Worker isolate's JS heap, through the inspector (the number that meets the 128 MB limit).
 */
import { readdirSync, readFileSync } from 'node:fs'
import WebSocket from 'ws'

/** Resident memory, in MB, of every process descended from this one (Linux). */
export function processTreeRssMb(root = process.pid): number {
  const parents = new Map<number, number>()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      // The command may contain spaces and parentheses: the fields after the last ')' are fixed.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      parents.set(Number(entry), ppid)
    } catch {
      // gone
    }
  }
  const inTree = (pid: number): boolean => {
    for (let p: number | undefined = parents.get(pid); p !== undefined && p > 1; p = parents.get(p))
      if (p === root) return true
    return false
  }
  let kb = 0
  for (const pid of parents.keys()) {
    if (!inTree(pid)) continue
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0)
    } catch {
      // gone
    }
  }
  return kb / 1024
}

/** The isolate's JS heap in MB after a full garbage collection, asked of wrangler dev's inspector. */
export async function isolateHeapMb(inspectorPort: number): Promise<number> {
  const ws = new WebSocket(`ws://127.0.0.1:${inspectorPort}/ws`, {
    headers: { Origin: `http://127.0.0.1:${inspectorPort}` },
  })
  await new Promise((resolve, reject) => {
    ws.once('open', resolve)
    ws.once('error', reject)
  })
  let id = 0
  // Calls go one at a time, so the next reply is this call's: wrangler's inspector proxy renumbers
  // the ids it passes on (an answer to id 1 comes back as 100000003), so ids cannot be matched.
  // A silent inspector gives NaN after five seconds rather than stalling the benchmark.
  const call = (method: string) =>
    new Promise<Record<string, unknown>>((resolve) => {
      const timer = setTimeout(() => {
        ws.off('message', onMessage)
        resolve({})
      }, 5_000)
      const onMessage = (data: WebSocket.RawData) => {
        // ws hands over each message as one Buffer (binaryType 'nodebuffer', the default).
        const message = JSON.parse((data as Buffer).toString()) as {
          id?: number
          result?: Record<string, unknown>
        }
        if (message.id === undefined) return // an event, not a reply
        clearTimeout(timer)
        ws.off('message', onMessage)
        resolve(message.result ?? {})
      }
      ws.on('message', onMessage)
      ws.send(JSON.stringify({ id: ++id, method }))
    })
  try {
    await call('HeapProfiler.collectGarbage')
    const { usedSize } = (await call('Runtime.getHeapUsage')) as { usedSize?: number }
    return usedSize === undefined ? Number.NaN : usedSize / 1024 / 1024
  } finally {
    ws.close()
  }
}
