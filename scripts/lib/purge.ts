/**
 * After a push, drop the changed articles' cached pages so the change shows at once: locally from the
 * running `npm start` server, remotely from the data centre that answers (others catch up within
 * CACHE_FRESH_SECONDS + CACHE_REVALIDATE_SECONDS).
 */
import { readFile, rm } from 'node:fs/promises'

export const DEV_TOKEN_FILE = '.wrangler/dev-admin-token'

export async function purgeLocal(
  keys: string[],
  listings: string[],
  port: number,
  log: (line: string) => void,
  cacheDir = '.wrangler/state/v3/cache',
) {
  const token = await readFile(DEV_TOKEN_FILE, 'utf8').catch(() => undefined)
  const origins = [`http://localhost:${port}`, `http://127.0.0.1:${port}`]
  if (token) {
    try {
      const purged = await callPurge(`http://127.0.0.1:${port}`, token.trim(), {
        keys,
        listings,
        origins,
      })
      log(`  cache: ${purged} cached page(s) purged on the dev server`)
      return
    } catch {
      // not running: fall through
    }
  }
  // No server answering: clear the cache it keeps on disk, so the next start serves the new files.
  await rm(cacheDir, { recursive: true, force: true })
}

export async function purgeRemote(
  keys: string[],
  listings: string[],
  baseUrl: string,
  token: string | undefined,
  log: (line: string) => void,
) {
  if (!token || !baseUrl) {
    log(
      '  cache: set BASE_URL and ADMIN_TOKEN to purge at once; otherwise changes show within the freshness bound (60 s by default)',
    )
    return
  }
  try {
    const purged = await callPurge(baseUrl, token, { keys, listings })
    log(
      `  cache: ${purged} cached page(s) purged in the nearest data centre; others update within the freshness bound`,
    )
  } catch (error) {
    log(
      `  cache: purge failed (${(error as Error).message}); changes show within the freshness bound`,
    )
  }
}

/** Asks the Worker at `origin` to drop these articles' and listings' cached pages. */
export async function callPurge(
  origin: string,
  token: string,
  body: { keys: string[]; listings: string[]; origins?: string[] },
): Promise<number> {
  const res = await fetch(`${origin}/admin/cache/purge`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(5_000),
  })
  if (!res.ok) throw new Error(`HTTP ${res.status}`)
  return ((await res.json()) as { purged: number }).purged
}
