import { Hono } from 'hono'
import { siteConfig } from './config'
import type { AppEnv } from './env'
import { articleRoutes } from './routes/article'
import { notFound, onError } from './routes/errors'

const app = new Hono<AppEnv>()

app.use(async (c, next) => {
  const config = siteConfig(c.env)
  c.set('config', config)
  c.set('baseUrl', config.baseUrl || new URL(c.req.url).origin)
  c.set('requestId', c.req.header('cf-ray') ?? crypto.randomUUID())
  await next()
  c.header('X-Request-Id', c.get('requestId'))
})

app.get('/', (c) => c.redirect(`/${c.get('config').defaultLang}/`, 302))
app.route('/', articleRoutes)
app.notFound(notFound)
app.onError(onError)

export default app
