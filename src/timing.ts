/**
 * Server-Timing for a storage read. Hono's wrapTime keys its timers by name, so reads running at
 * once (a feed's twenty articles) end each other's timer and print "Timer does not exist"; this one
 * measures each read on its own and reports every one.
 */
import type { Context } from 'hono'
import { setMetric } from 'hono/timing'

export async function timed<T>(c: Context, name: string, work: Promise<T>): Promise<T> {
  const start = performance.now()
  try {
    return await work
  } finally {
    setMetric(c, name, performance.now() - start)
  }
}
