/**
 * Scheduled articles whose time has come, published by the Cron Trigger: each is published again
 * from its stored source through the one write path (publish.ts), now that the clock lets it in:
 * indexed, so listings, feeds, sitemaps and search show it, and reported for purging and pings.
 */
import { buildOrigin } from '../articles/derived'
import type { SiteConfig } from '../config'
import { AppError } from '../errors'
import type { Db } from '../listing/db'
import { clearScheduled, dueArticles } from '../listing/scheduled'
import { backend, internalOf } from '../source'
import type { StoreName } from '../source/driver'
import { articleKey } from '../source/keys'
import { publish, type Change } from './publish'

export interface GoLiveReport {
  live: Change[]
  /** Sources that changed into something that no longer builds: named, left as they are. */
  broken: string[]
}

export async function goLive(
  env: Env,
  { db, config, now }: { db: Db; config: SiteConfig; now: Date },
): Promise<GoLiveReport> {
  const report: GoLiveReport = { live: [], broken: [] }
  for (const row of await dueArticles(db, now)) {
    const key = articleKey(row.lang, row.slug)
    const name = row.store as StoreName
    const store = backend(env, config, name)
    const [entry, bytes] = await Promise.all([store.stat(key), store.raw(key)])
    if (!entry || !bytes) {
      await clearScheduled(db, row.lang, row.slug) // deleted by hand meanwhile
      continue
    }
    const target = {
      stores: [{ store, internal: internalOf(env, name) }],
      db,
      origin: buildOrigin(config),
    }
    try {
      const { change } = await publish(target, config, {
        source: { key, bytes, fileName: entry.metadata.fileName ?? `${key}.html` },
        now,
      })
      if (change.scheduledFor === undefined) report.live.push(change)
    } catch (error) {
      if (!(error instanceof AppError)) throw error
      report.broken.push(error.describe())
      await clearScheduled(db, row.lang, row.slug)
    }
  }
  return report
}
