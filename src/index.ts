import { WorkerEntrypoint } from 'cloudflare:workers'
import { cacheKeyOf, canonicalUrl, isCacheableRead } from './cache/key'
import { scheduled } from './scheduled'
import { app } from './app'

export { app }

/**
 * The cached entrypoint: the site itself. Workers Cache sits in front of it (wrangler.toml
 * `[exports.Site]`), and its purges, which are scoped to the entrypoint that calls them, run here:
 * the publishing API's through `fetch`, the Cron Trigger's through `reconcile`.
 */
export class Site extends WorkerEntrypoint<Env> {
  override fetch(request: Request): Response | Promise<Response> {
    return app.fetch(request, this.env, this.ctx)
  }

  /** The Cron Trigger's work, run where its purges reach the site's cache. */
  async reconcile(scheduledTime: number, cron: string): Promise<void> {
    await scheduled({ scheduledTime, cron, noRetry: () => undefined }, this.env, this.ctx)
  }
}

/** The cached entrypoint, when this runtime can reach it through `ctx.exports`. */
const siteOf = (ctx: ExecutionContext) =>
  (ctx as Partial<Pick<ExecutionContext, 'exports'>>).exports?.Site

/**
 * The front entrypoint, uncached (wrangler.toml `[exports.default]`): it runs on every request and
 * only chooses the cache key. A read goes to the cached entrypoint with the parameters its route
 * reads and `cf.cacheKey` set to them, so `?fbclid=1` and `?fbclid=2` are one entry and one run of
 * the site. Everything else (admin, writes) goes as it came.
 */
export async function front(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
  const site = siteOf(ctx)
  if (!site) return app.fetch(request, env, ctx)
  if (!isCacheableRead(request)) return site.fetch(request)
  const url = new URL(request.url)
  return site.fetch(new Request(canonicalUrl(url), request), {
    cf: { cacheKey: cacheKeyOf(url) },
  })
}

export default {
  fetch: front,
  async scheduled(controller, env, ctx) {
    const site = siteOf(ctx)
    if (site) await site.reconcile(controller.scheduledTime, controller.cron)
    else await scheduled(controller, env, ctx)
  },
} satisfies ExportedHandler<Env>
