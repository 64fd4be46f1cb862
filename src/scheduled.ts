/** The Cron Trigger: brings the index in step with sources put into KV or R2 by hand. */
import { siteConfig } from './config'
import { indexDb } from './listing/db'
import { reconcile } from './listing/reconcile'

export async function scheduled(
  _controller: ScheduledController,
  env: Env,
  ctx: ExecutionContext,
): Promise<void> {
  const config = siteConfig(env)
  const report = await reconcile(env, indexDb(env), config)
  const changed = report.indexed.length + report.removed.length + report.broken.length
  if (changed)
    console.log(
      JSON.stringify({
        level: 'info',
        time: new Date().toISOString(),
        event: 'reconciled',
        ...report,
      }),
    )
  void ctx
}
