import type { Context } from 'hono'
import type { AppEnv } from './env'

/** One JSON object per line (Workers Logs indexes them), with the request id sent as `X-Request-Id`. */
export function log(
  c: Context<AppEnv>,
  level: 'info' | 'warn' | 'error',
  fields: Record<string, unknown>,
) {
  const line = JSON.stringify({
    level,
    time: new Date().toISOString(),
    requestId: c.get('requestId'),
    method: c.req.method,
    path: c.req.path,
    ...fields,
  })
  if (level === 'error') console.error(line)
  else if (level === 'warn') console.warn(line)
  else console.log(line)
}

/** The same line outside a request (the Cron Trigger, storage reads that notice bad metadata). */
export function logEvent(level: 'info' | 'warn' | 'error', fields: Record<string, unknown>) {
  const line = JSON.stringify({ level, time: new Date().toISOString(), ...fields })
  if (level === 'error') console.error(line)
  else if (level === 'warn') console.warn(line)
  else console.log(line)
}
