import { WorkerEntrypoint } from 'cloudflare:workers'
import { Hono } from 'hono'
import { timing } from 'hono/timing'
import { cacheKeyOf, canonicalUrl, isCacheableRead } from './cache/key'
import { siteConfig } from './config'
import { securityHeaders } from './headers'
import { devTools } from './dev/banner'
import type { AppEnv } from './env'
import { adminRoutes } from './routes/admin'
import { articleRoutes } from './routes/article'
import { authorRoutes } from './routes/author'
import { feedRoutes } from './routes/feeds'
import { indexNowRoutes } from './routes/indexnow'
import { languageRoutes } from './routes/language'
import { listingRoutes } from './routes/listing'
import { mediaRoutes } from './routes/media'
import { oembedRoutes } from './routes/oembed'
import { ogRoutes } from './routes/og'
import { previewRoutes } from './routes/preview'
import { searchRoutes } from './routes/search'
import { notFound, onError } from './routes/errors'
import { canonicalPath } from './routes/params'
import { scheduled } from './scheduled'

const app = new Hono<AppEnv>()

// Server-Timing: storage read, parse, render and the cache's verdict, for operators and benchmarks.
app.use(timing({ totalDescription: 'total' }))
app.use(async (c, next) => {
  const config = siteConfig(c.env)
  c.set('config', config)
  c.set('baseUrl', config.baseUrl || new URL(c.req.url).origin)
  c.set('requestId', c.req.header('cf-ray') ?? crypto.randomUUID())
  await next()
  // Straight on the response, as Hono's own middleware do: c.header() after the handler copies the
  // whole response each time. Every response here is the Worker's own, so its headers may change.
  const headers = c.res.headers
  headers.set('X-Request-Id', c.get('requestId'))
  // Workers Cache keeps a response without Cache-Control by heuristics (a 200 for two hours, with
  // no Authorization in its key): only what says it is cacheable is kept.
  if (!headers.has('cache-control')) headers.set('Cache-Control', 'no-store')
  // JSON is UTF-8 (RFC 8259), but clients that guess (some unfurlers, old HTTP libraries) read a bare
  // `application/json` as Latin-1 and show Korean as mojibake: every JSON answer says its charset.
  if (headers.get('content-type') === 'application/json')
    headers.set('Content-Type', 'application/json; charset=utf-8')
})
app.use(securityHeaders)
app.use(canonicalPath)
app.use(devTools)

// Liveness for monitors, and the benchmarks' baseline: no storage, no rendering. `?bytes=` pads the
// answer to a page's size (up to 256 KiB), so a cached page can be compared with a constant as large.
let padded = 'ok'
app.get('/healthz', (c) => {
  const bytes = Math.min(Math.max(Number(c.req.query('bytes')) || 2, 2), 262_144)
  if (padded.length !== bytes) padded = 'ok'.padEnd(bytes, '.')
  return c.text(padded, 200, { 'Cache-Control': 'no-store' })
})
// Specific paths first: `/ko/feed.xml` and `/sitemap.xml` are not articles or slugs.
app.route('/', adminRoutes)
app.route('/', feedRoutes)
app.route('/', indexNowRoutes)
app.route('/', mediaRoutes)
app.route('/', oembedRoutes)
app.route('/', ogRoutes)
app.route('/', previewRoutes)
app.route('/', searchRoutes)
app.route('/', listingRoutes)
app.route('/', authorRoutes)
app.route('/', articleRoutes)
app.route('/', languageRoutes)
app.notFound(notFound)
app.onError(onError)

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
