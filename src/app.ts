/**
 * The site as one Hono app: the middleware every response passes through (config, request id,
 * security headers, one address per page, the dev banner), then the routes, most specific first.
 * Platform-free: src/index.ts puts it behind the Worker's entrypoints (and Workers Cache), and the
 * benchmarks run it in Node.
 */
import { Hono } from 'hono'
import { timing } from 'hono/timing'
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
