import type { Context } from 'hono'
import type { SiteConfig } from './config'

/** Hono's env for this app: bindings from `wrangler types`, plus per-request values. */
export interface AppEnv {
  Bindings: Env
  Variables: {
    config: SiteConfig
    /** `BASE_URL`, or the request's origin when it is empty (local dev). */
    baseUrl: string
    requestId: string
  }
}

export type AppContext = Context<AppEnv>
