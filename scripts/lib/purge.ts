/**
 * After a push, drop the changed articles' cached pages so the change shows at once: locally from the
 * running `npm start` server, remotely from the deployment at BASE_URL.
 */
import { readFile, rm } from 'node:fs/promises'
import type { Change } from '../../src/publish/publish'
import { changeTags } from '../../src/cache/tags'
import type { PurgeResult } from '../../src/cache/purge'
import { splitArticleKey } from '../../src/source/keys'

export const DEV_TOKEN_FILE = '.wrangler/dev-admin-token'

/** Who to ask: a running Worker (origin + token), or nobody (`false`: a private store no server caches). */
export type PurgeTarget = false | { origin: string; token: string; origins?: string[] }

/** The Worker a push should purge: the one given, the deployment at BASE_URL, or the local `npm start` server. */
export function purgeTarget(options: {
  remote: boolean
  baseUrl: string
  devPort: number
  given?: PurgeTarget
  privateStore?: boolean
}): PurgeTarget | 'local' {
  if (options.given !== undefined) return options.given
  if (options.privateStore) return false
  if (options.remote) {
    const token = process.env.ADMIN_TOKEN
    return token && options.baseUrl ? { origin: options.baseUrl, token } : false
  }
  return 'local'
}

export async function purgeAfterPush(
  target: PurgeTarget | 'local',
  tags: string[],
  options: {
    devPort: number
    log: (line: string) => void
    /** The dev server's cache on disk, cleared when no server is running. */
    cacheDir?: string
  },
): Promise<void> {
  const { devPort, log, cacheDir = '.wrangler/state/v3/cache' } = options
  if (target === 'local') {
    const token = await readFile(DEV_TOKEN_FILE, 'utf8').catch(() => undefined)
    const origins = [`http://localhost:${devPort}`, `http://127.0.0.1:${devPort}`]
    if (token) {
      try {
        const purged = await callPurge(`http://127.0.0.1:${devPort}`, token.trim(), {
          tags,
          origins,
        })
        log(`  cache: ${describe(purged)} on the dev server`)
        return
      } catch (error) {
        if (!refused(error)) {
          // A server is there but did not purge (slow, busy, another token): its cache files are
          // its own, and deleting them under it breaks every cache operation until it restarts.
          log(
            `  cache: the dev server did not purge (${(error as Error).message}); its cache was left alone, changes show within the freshness bound`,
          )
          return
        }
      }
    }
    // Nothing listening at all (a plain `wrangler dev` without our token may still be): only then
    // clear the cache kept on disk, so the next start serves the new files.
    if (await answers(`http://127.0.0.1:${devPort}/healthz`)) {
      log(
        '  cache: a dev server is running without npm start’s token; its cache was left alone, changes show within the freshness bound',
      )
      return
    }
    await rm(cacheDir, { recursive: true, force: true })
    return
  }
  if (!target) return
  try {
    const purged = await callPurge(target.origin, target.token, {
      tags,
      ...(target.origins && { origins: target.origins }),
    })
    log(`  cache: ${describe(purged)}`)
  } catch (error) {
    log(
      `  cache: purge failed (${(error as Error).message}); changes show within the freshness bound`,
    )
  }
}

/** Whether a fetch failed because nothing listens there (connection refused), not because it was slow. */
function refused(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } } | undefined)?.cause
  return cause?.code === 'ECONNREFUSED'
}

/** Whether anything answers HTTP at this address within a second. */
async function answers(url: string): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(1_000) })
    return true
  } catch (error) {
    return !refused(error)
  }
}

/** One truthful line: what the Worker's purge (src/cache/purge.ts) did where, and what it did not. */
function describe(answer: PurgeResult): string {
  const done =
    answer.via === 'workers-cache'
      ? `${answer.tags.length} tag(s) purged from Workers Cache in every location`
      : `${answer.deleted ?? 0} cached page(s) purged in this data centre`
  if (!answer.errors.length) return done
  return `${done}; not purged: ${answer.errors.join('; ')}${answer.retrying ? ` (${answer.retrying} tag(s) retried by the Cron Trigger within 5 minutes)` : ''}`
}

/** Asks the Worker at `origin` to purge these cache tags (src/cache/tags.ts). */
export async function callPurge(
  origin: string,
  token: string,
  body: { tags: string[]; origins?: string[] },
): Promise<PurgeResult> {
  const res = await fetch(`${origin}/admin/cache/purge`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  })
  if (!res.ok) throw new Error(`HTTP ${res.status}`)
  return (await res.json()) as PurgeResult
}

/** A running Worker a live save can publish through, and the origins its pages are cached under. */
export interface DevServer {
  origin: string
  token: string
  origins: string[]
}

/** The server `npm start` runs (its token in DEV_TOKEN_FILE), the one given, or none. */
export async function devServerOf(
  target: PurgeTarget | 'local',
  devPort: number,
): Promise<DevServer | null> {
  if (target === false) return null
  if (target !== 'local')
    return { origin: target.origin, token: target.token, origins: target.origins ?? [] }
  const token = await readFile(DEV_TOKEN_FILE, 'utf8').catch(() => undefined)
  if (!token) return null
  return {
    origin: `http://127.0.0.1:${devPort}`,
    token: token.trim(),
    origins: [`http://localhost:${devPort}`, `http://127.0.0.1:${devPort}`],
  }
}

/**
 * Publishes one file through the running Worker's publishing API (PUT /admin/articles/…), which
 * stores, indexes and purges inside the runtime: one request instead of a dozen storage round trips
 * through wrangler's proxy. Pages cached under the server's other origins (localhost beside
 * 127.0.0.1) are purged after it. Null when no server takes it (not running, a file outside a
 * language folder): the caller publishes through the proxy instead.
 */
export async function publishThroughServer(
  server: DevServer,
  file: { path: string; key: string; bytes: Uint8Array },
  baseUrl: string,
): Promise<Change | null> {
  const answer = await throughServer(server, {
    method: 'PUT',
    key: file.key,
    baseUrl,
    source: {
      query: `?file=${encodeURIComponent(file.path)}`,
      type: file.path.endsWith('.html') ? 'text/html' : 'text/markdown',
      body: file.bytes,
    },
  })
  return answer?.change ?? null
}

/** The same for a deleted file (DELETE /admin/articles/…); `change` is null when nothing was stored. */
export const unpublishThroughServer = (server: DevServer, key: string, baseUrl: string) =>
  throughServer(server, { method: 'DELETE', key, baseUrl })

async function throughServer(
  server: DevServer,
  request: {
    method: 'PUT' | 'DELETE'
    key: string
    baseUrl: string
    source?: { query: string; type: string; body: Uint8Array }
  },
): Promise<{ change: Change | null } | null> {
  const { method, key, baseUrl, source } = request
  const { lang, slug } = splitArticleKey(key)
  const url = `${server.origin}/admin/articles/${lang}/${encodeURIComponent(slug)}${source?.query ?? ''}`
  const res = await fetch(url, {
    method,
    headers: {
      authorization: `Bearer ${server.token}`,
      ...(source && { 'content-type': `${source.type}; charset=utf-8` }),
    },
    body: source?.body,
    signal: AbortSignal.timeout(10_000),
  }).catch(() => null)
  if (method === 'DELETE' && res?.status === 404) {
    await res.body?.cancel()
    return { change: null }
  }
  if (!res?.ok) {
    await res?.body?.cancel()
    return null
  }
  const change = (await res.json()) as Change
  // The Worker purged the origin it was asked on (or BASE_URL); pages keyed under the others go too.
  const others = baseUrl ? [] : server.origins.filter((o) => o !== server.origin)
  if (others.length)
    await callPurge(server.origin, server.token, {
      tags: changeTags(change),
      origins: others,
    }).catch(() => undefined)
  return { change }
}
