/**
 * The IndexNow key file: search engines fetch `/<INDEXNOW_KEY>.txt` to check that the site itself
 * sent a submission (notify/deliver.ts names it as keyLocation). Absent without a key.
 */
import { Hono } from 'hono'
import { FIXED } from '../cache/policy'
import type { AppEnv } from '../env'
import { AppError } from '../errors'

export const indexNowRoutes = new Hono<AppEnv>().get('/:file{[a-zA-Z0-9-]{8,128}\\.txt}', (c) => {
  const { key } = c.get('config').indexNow
  if (!key || c.req.param('file') !== `${key}.txt`)
    throw new AppError('NOT_FOUND', `no file at ${c.req.path}`)
  return c.text(key, 200, { 'Cache-Control': FIXED })
})
