/**
 * After a push, drop the changed articles' cached pages so the change shows at once: locally from the
 * running `npm start` server, remotely from the deployment at BASE_URL.
 */
import { readFile, rm } from 'node:fs/promises'

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
  devPort: number,
  log: (line: string) => void,
  cacheDir = '.wrangler/state/v3/cache',
): Promise<void> {
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
      } catch {
        // not running: fall through
      }
    }
    // No server answering: clear the cache it keeps on disk, so the next start serves the new files.
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

/** What the Worker's purge answered (src/cache/purge.ts PurgeResult). */
export interface PurgeAnswer {
  via: 'workers-cache' | 'cache-api'
  tags: string[]
  deleted?: number
  errors: string[]
  /** Tags kept for the Cron Trigger to purge again. */
  retrying?: number
}

/** One truthful line: what was purged where, and what was not. */
function describe(answer: PurgeAnswer): string {
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
): Promise<PurgeAnswer> {
  const res = await fetch(`${origin}/admin/cache/purge`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  })
  if (!res.ok) throw new Error(`HTTP ${res.status}`)
  return await res.json<PurgeAnswer>()
}
