import { Hono } from 'hono'
import { timing } from 'hono/timing'
import { siteConfig } from './config'
import { securityHeaders } from './headers'
import type { AppEnv } from './env'
import { adminRoutes } from './routes/admin'
import { articleRoutes } from './routes/article'
import { feedRoutes } from './routes/feeds'
import { languageRoutes } from './routes/language'
import { listingRoutes } from './routes/listing'
import { oembedRoutes } from './routes/oembed'
import { previewRoutes } from './routes/preview'
import { searchRoutes } from './routes/search'
import { notFound, onError } from './routes/errors'
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
  c.header('X-Request-Id', c.get('requestId'))
})
app.use(securityHeaders)

// Liveness for monitors, and the benchmark's baseline: no storage, no rendering.
app.get('/healthz', (c) => c.text('ok', 200, { 'Cache-Control': 'no-store' }))
// Specific paths first: `/ko/feed.xml` and `/sitemap.xml` are not articles or slugs.
app.route('/', adminRoutes)
app.route('/', feedRoutes)
app.route('/', oembedRoutes)
app.route('/', previewRoutes)
app.route('/', searchRoutes)
app.route('/', listingRoutes)
app.route('/', articleRoutes)
app.route('/', languageRoutes)
app.notFound(notFound)
app.onError(onError)

export { app }

export default {
  fetch: app.fetch,
  scheduled,
} satisfies ExportedHandler<Env>
