import type { Context } from 'hono'
import type { TimingVariables } from 'hono/timing'
import type { SiteConfig } from './config'

/** Hono's env for this app: bindings from `wrangler types`, plus per-request values. */
export interface AppEnv {
  Bindings: Env
  Variables: TimingVariables & {
    config: SiteConfig
    /** `BASE_URL`, or the request's origin when it is empty (local dev). */
    baseUrl: string
    requestId: string
    /**
     * The response shows data the stores may not have caught up on (KV still propagating a new
     * version): the cache keeps it only briefly.
     */
    volatile?: boolean
  }
}

export type AppContext = Context<AppEnv>

declare global {
  // Secrets are not in wrangler.toml, so `wrangler types` cannot see them.
  interface Env {
    /** `wrangler secret put ADMIN_TOKEN`; without it the admin endpoints are off. */
    ADMIN_TOKEN?: string
    /**
     * `wrangler secret put DERIVED_KEY`: signs the derived articles kept beside each source
     * (articles/derived.ts). Without it none are written or trusted; pages are built from the
     * source. `npm start` and the tests set their own (docs/security.md).
     */
    DERIVED_KEY?: string
    /** Set by `npm start` only: the failed-save banner and the inspector link (src/dev/banner.ts). */
    DEV_TOOLS?: string
  }
}
