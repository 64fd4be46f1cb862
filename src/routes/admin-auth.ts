/**
 * Who may use the admin endpoints: the ADMIN_TOKEN bearer token, checked by hono, and a limit on
 * failed logins per client that blocks a guesser for the rest of the window.
 */
import type { MiddlewareHandler } from 'hono'
import { bearerAuth } from 'hono/bearer-auth'
import { HTTPException } from 'hono/http-exception'
import type { AppContext, AppEnv } from '../env'
import { AppError, ERRORS } from '../errors'
import { indexDb } from '../listing/db'
import { log } from '../log'

/**
 * Who is failing to log in, for the rate limit: the address, or for IPv6 its /64, since one client
 * owns a whole /64 and can rotate through it.
 */
export function clientKey(ip: string | undefined): string {
  if (!ip) return 'unknown'
  if (!ip.includes(':')) return ip
  const [head = '', tail = ''] = ip.toLowerCase().split('::')
  const left = head ? head.split(':') : []
  const right = tail ? tail.split(':') : []
  const groups = ip.includes('::')
    ? [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right]
    : left
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`
}

/**
 * The connecting address the platform gives. On Cloudflare, `CF-Connecting-IP` is set by the edge
 * and cannot be chosen by the client. Under `wrangler dev` Miniflare sets it only when the client
 * did not, so there it is the client's to choose: a request to a loopback address (the dev server
 * listens on 127.0.0.1) counts as one client, whatever it claims. (docs/security.md)
 */
export function connectingClient(c: AppContext): string {
  const host = new URL(c.req.url).hostname
  if (host === 'localhost' || host === '[::1]' || /^127\./.test(host)) return 'local'
  return clientKey(c.req.header('cf-connecting-ip'))
}

/** How long a client that tripped the failed-login limit is refused, right token or not. */
const BLOCK_MS = ERRORS.TOO_MANY_ATTEMPTS.retryAfter * 1000

/**
 * Hono's bearer-token check (constant-time, WWW-Authenticate), with repeated failures from one
 * client refused: after ADMIN_FAILURES' limit (5 a minute) the client is blocked for the rest of
 * the window, even with the right token, so a guess that happens to be right tells it nothing.
 */
export const requireToken: MiddlewareHandler<AppEnv> = async (c, next) => {
  const token = c.env.ADMIN_TOKEN
  if (!token) throw new AppError('NOT_FOUND', 'admin endpoints are off: no ADMIN_TOKEN')
  const client = connectingClient(c)
  const db = indexDb(c.env)
  const blocked = await db
    .prepare('SELECT until FROM admin_blocks WHERE client = ?')
    .bind(client)
    .first<{ until: number }>()
  if (blocked && blocked.until > Date.now()) {
    log(c, 'warn', { event: 'admin-blocked', client })
    throw new AppError('TOO_MANY_ATTEMPTS', `too many failed logins from ${client}`)
  }
  try {
    await bearerAuth<AppEnv>({ token })(c, next)
  } catch (error) {
    // Only the token check itself lands here: errors further down became responses already.
    if (!(error instanceof HTTPException) || (error.status !== 401 && error.status !== 400))
      throw error
    const { success } = (await c.env.ADMIN_FAILURES?.limit({ key: client })) ?? { success: true }
    log(c, 'warn', { event: 'admin-auth-failed', client, limited: !success })
    if (!success) {
      await db
        .prepare('INSERT OR REPLACE INTO admin_blocks (client, until) VALUES (?, ?)')
        .bind(client, Date.now() + BLOCK_MS)
        .run()
      throw new AppError('TOO_MANY_ATTEMPTS', `too many failed logins from ${client}`)
    }
    throw new AppError('UNAUTHORIZED', 'wrong or missing admin token')
  }
}
