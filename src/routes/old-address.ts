/**
 * A request that would be a 404 may be an old address of an article (an imported site's permalink):
 * one D1 lookup, then a permanent redirect. A failing lookup leaves the 404 as it was.
 */
import type { AppContext } from '../env'
import { FIXED } from '../cache/policy'
import { indexDb } from '../listing/db'
import { findRedirect } from '../listing/redirects'

export async function oldAddress(c: AppContext): Promise<Response | undefined> {
  if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return undefined
  const url = new URL(c.req.url)
  try {
    const target = await findRedirect(indexDb(c.env), url.pathname + url.search)
    if (!target) return undefined
    return new Response(null, {
      status: 301,
      headers: { Location: target, 'Cache-Control': FIXED },
    })
  } catch {
    return undefined
  }
}
