/**
 * The Cron Trigger: brings the index in step with sources put into KV or R2 by hand, purges what
 * that changed, and purges again the tags a refused purge left behind.
 */
import { purgeTags, retryPendingPurges } from './cache/purge'
import { workersCacheOf } from './cache/serve'
import { changeTags, tag } from './cache/tags'
import { siteConfig } from './config'
import { indexDb } from './listing/db'
import { reconcile } from './listing/reconcile'
import { splitArticleKey } from './source/keys'

const logLine = (event: string, fields: object) =>
  console.log(JSON.stringify({ level: 'info', time: new Date().toISOString(), event, ...fields }))

export async function scheduled(
  _controller: ScheduledController,
  env: Env,
  ctx: ExecutionContext,
): Promise<void> {
  const config = siteConfig(env)
  const db = indexDb(env)
  const cache = workersCacheOf(ctx)
  // Earlier refusals first, so a steady stream of new changes cannot starve them.
  if (cache) {
    const retried = await retryPendingPurges(cache, db)
    if (retried) logLine('cache-purge-retried', retried)
  }
  const report = await reconcile(env, db, config)
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
  const purged = await purgeTags(tags, {
    cache,
    origins: config.baseUrl ? [config.baseUrl] : [],
    languages: config.languages,
    db,
  })
  logLine('cache-purged', purged)
}
