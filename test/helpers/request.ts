import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { app } from '../../src'
import type { FakeWorkersCache } from './workers-cache'

export interface Call {
  res: Response
  status: number
  /** The body, read once (empty for HEAD). */
  body: string
  /** The same body as bytes (images). */
  bytes: Uint8Array
  header: (name: string) => string | null
  json: <T = Record<string, unknown>>() => T
}

/**
 * Requests through the app the Hono way (`app.request` with env and an execution context), on an
 * origin of the test's choosing, waiting for background work (cache writes, revalidation) before
 * returning. `bindings` replaces some of the real Miniflare bindings, to inject faults. With
 * `workersCache`, requests go through that stand-in for Workers Cache, and the Worker sees its
 * `ctx.cache` as in production.
 */
export function client(
  origin: string,
  defaults: Partial<Env> = {},
  workersCache?: FakeWorkersCache,
) {
  const call = async (
    path: string,
    init: RequestInit = {},
    bindings: Partial<Env> = {},
  ): Promise<Call> => {
    // One execution context per Worker invocation: the cache in front may run the Worker again in
    // the background (stale-while-revalidate), and each invocation's waitUntil work is awaited.
    const contexts: ExecutionContext[] = []
    const worker = async (request: Request) => {
      const ctx = createExecutionContext()
      if (workersCache) Object.assign(ctx, { cache: workersCache.context })
      contexts.push(ctx)
      return app.request(request, undefined, { ...env, ...defaults, ...bindings }, ctx)
    }
    const request = new Request(`${origin}${path}`, { redirect: 'manual', ...init })
    const res = workersCache ? await workersCache.serve(request, worker) : await worker(request)
    const bytes = new Uint8Array(
      init.method === 'HEAD' ? new ArrayBuffer(0) : await res.arrayBuffer(),
    )
    const body = new TextDecoder().decode(bytes)
    await workersCache?.settled()
    for (const ctx of contexts) await waitOnExecutionContext(ctx)
    return {
      res,
      status: res.status,
      body,
      bytes,
      header: (name) => res.headers.get(name),
      json: <T>() => JSON.parse(body) as T,
    }
  }
  return {
    get: (path: string, headers: Record<string, string> = {}, bindings: Partial<Env> = {}) =>
      call(path, { headers }, bindings),
    call,
  }
}
