/**
 * The benches' view of wrangler dev's runtime from outside: which workerd processes it runs, and
 * the CPU they use (Linux /proc), so a request's cost is measured where the Worker runs.
 */
import { readdirSync, readFileSync } from 'node:fs'

/** Ids of this process's workerd descendants (wrangler dev's runtime). Linux /proc. */
export function workerdPids(): number[] {
  const children = new Map<number, number[]>()
  for (const p of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const ppid = Number(readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1]!.split(' ')[1])
      children.set(ppid, [...(children.get(ppid) ?? []), Number(p)])
    } catch {
      // the process ended meanwhile
    }
  }
  const out: number[] = []
  const walk = (p: number) =>
    (children.get(p) ?? []).forEach((c) => {
      out.push(c)
      walk(c)
    })
  walk(process.pid)
  return out.filter((p) => {
    try {
      return readFileSync(`/proc/${p}/comm`, 'utf8').trim() === 'workerd'
    } catch {
      return false
    }
  })
}

/** CPU ns used so far by every thread of these processes (schedstat: ns precision). */
export function cpuNs(pids: number[]): number {
  let ns = 0
  for (const p of pids)
    for (const t of readdirSync(`/proc/${p}/task`)) {
      try {
        ns += Number(readFileSync(`/proc/${p}/task/${t}/schedstat`, 'utf8').split(' ')[0])
      } catch {
        // the thread ended meanwhile
      }
    }
  return ns
}

/**
 * The workerd processes once they have settled: wrangler dev may start its runtime again shortly
 * after it first answers, so they are taken once their set has stayed the same for a few seconds.
 */
export async function settledWorkerd(worker: { get(path: string): Promise<Response> }) {
  let pids: number[] = []
  for (let same = 0, i = 0; same < 3; i++) {
    if (i > 60) throw new Error('workerd processes did not settle')
    await (await worker.get('/healthz')).arrayBuffer()
    await new Promise((resolve) => setTimeout(resolve, 1000))
    const now = workerdPids()
    same = now.length && now.join() === pids.join() ? same + 1 : 0
    pids = now
  }
  return pids
}
