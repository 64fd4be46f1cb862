/**
 * The Cron Triggers. Every minute: publishes scheduled articles whose time has come (so one goes
 * live within a minute of it) and sends the queued IndexNow and WebSub announcements. Every fifth
 * minute (RECONCILE_CRON): brings the index in step with sources put into KV or R2 by hand, and
 * purges what that changed. Both purge again the tags a refused purge left behind.
 *
 * A cron rather than a Durable Object alarm per article: the schedule is a D1 table the same cron
 * already reads, an edit or a delete needs no alarm moved or cancelled, and a late or missed run is
 * made up by the next one (and the first reader after the time builds the page anyway).
 */
import { purgeTags, retryPendingPurges } from './cache/purge'
import { workersCacheOf } from './cache/serve'
import { changeTags, tag } from './cache/tags'
import { siteConfig, type SiteConfig } from './config'
import { indexDb } from './listing/db'
import { reconcile } from './publish/reconcile'
import { splitArticleKey } from './source/keys'
import { goLive } from './publish/go-live'
import { deliver } from './notify/deliver'

/** The reconciler lists whole stores: every fifth minute is enough for sources put by hand. */
export const RECONCILE_CRON = '*/5 * * * *'

const line = (level: string, event: string, fields: object) =>
  JSON.stringify({ level, time: new Date().toISOString(), event, ...fields })
const logLine = (event: string, fields: object) => console.log(line('info', event, fields))
const warnLine = (event: string, fields: object) => console.warn(line('warn', event, fields))
const errorLine = (event: string, fields: object) => console.error(line('error', event, fields))

export async function scheduled(
  controller: ScheduledController,
  env: Env,
  ctx: ExecutionContext,
): Promise<void> {
  const config = siteConfig(env)
  const db = indexDb(env)
  const cache = workersCacheOf(ctx)
  const now = new Date(controller.scheduledTime)
  // Earlier refusals first, so a steady stream of new changes cannot starve them.
  if (cache) {
    const retried = await retryPendingPurges(cache, db)
    if (retried) logLine('cache-purge-retried', retried)
  }
  const purge = (tags: string[]) =>
    purgeTags(tags, {
      cache,
      origins: config.baseUrl ? [config.baseUrl] : [],
      languages: config.languages,
      db,
    })
  if (controller.cron === RECONCILE_CRON) return reconcileAndPurge({ env, db, config, now, purge })
  const due = await goLive(env, { db, config, now })
  if (due.live.length || due.broken.length) {
    logLine('scheduled-live', { live: due.live.map((c) => c.key), broken: due.broken })
    logLine('cache-purged', await purge([...new Set(due.live.flatMap(changeTags))]))
  }
  const sent = await deliver({ db, config, now })
  if (sent.sent.length) logLine('notified', { sent: sent.sent })
  for (const refused of sent.refused) warnLine('notify-refused', refused)
  for (const dropped of sent.dropped) errorLine('notify-dropped', dropped)
}

async function reconcileAndPurge(run: {
  env: Env
  db: ReturnType<typeof indexDb>
  config: SiteConfig
  now: Date
  purge: (tags: string[]) => Promise<object>
}): Promise<void> {
  const { env, db, config, now, purge } = run
  const report = await reconcile(env, { db, config, now })
  const keys = [...report.indexed, ...report.removed]
  if (!keys.length && !report.failures.length && !report.refused.length) return
  logLine('reconciled', report)
  const tags = [
    ...keys.flatMap((key) => {
      const { lang } = splitArticleKey(key)
      return changeTags({
        key,
        indexes: [lang],
        labels: report.labels.filter((l) => l.lang === lang),
      })
    }),
    // The pages whose footer links to a changed article, before or after the change.
    ...report.linked.map((key) => {
      const { lang, slug } = splitArticleKey(key)
      return tag.article(lang, slug)
    }),
  ]
  if (!tags.length) return
  // Without Workers Cache, only this data centre's copies under BASE_URL can be dropped from here.
  logLine('cache-purged', await purge(tags))
}
