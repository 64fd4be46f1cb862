/**
 * Sends the notify queue (queue.ts) from the Cron Trigger: IndexNow (api.indexnow.org shares each
 * submission with Bing, Naver, Yandex and the other participants; Naver also takes it directly) gets
 * page URLs in batches, one POST per endpoint; a WebSub hub gets one publish ping per changed feed.
 * A refusal or a network failure is logged and retried with backoff; after MAX_ATTEMPTS a row is
 * dropped with an error log, never silently.
 */
import type { SiteConfig } from '../config'
import type { Db } from '../listing/db'
import type { Channel } from './queue'

/** IndexNow takes up to 10,000 URLs per request. */
export const INDEXNOW_BATCH = 10_000
/** Rows sent per cron run. */
const ROWS_PER_RUN = 1_000
export const MAX_ATTEMPTS = 10
/** 1, 2, 4 … minutes, at most six hours, between tries. */
export const backoffMs = (attempts: number) => Math.min(60_000 * 2 ** attempts, 6 * 3_600_000)

interface Row {
  channel: Channel
  endpoint: string
  path: string
  attempts: number
}

export interface DeliveryReport {
  sent: { endpoint: string; urls: string[] }[]
  refused: { endpoint: string; urls: string[]; error: string; retryAt?: string }[]
  dropped: { endpoint: string; urls: string[]; error: string }[]
}

export interface DeliveryOptions {
  db: Db
  config: SiteConfig
  now: Date
  fetch?: typeof fetch
}

export async function deliver(options: DeliveryOptions): Promise<DeliveryReport> {
  const { db, config, now } = options
  const send = options.fetch ?? fetch
  const report: DeliveryReport = { sent: [], refused: [], dropped: [] }
  const endpoints: Record<Channel, string[]> = {
    // Without BASE_URL (local dev) there is no public URL to announce.
    indexnow: config.baseUrl ? config.indexNow.endpoints : [],
    websub: config.baseUrl ? config.webSubHubs : [],
  }
  // Fan new rows out to every endpoint of their channel (none configured: they are done).
  const fanOut = (Object.keys(endpoints) as Channel[]).flatMap((channel) =>
    endpoints[channel].map((endpoint) =>
      db
        .prepare(
          `INSERT INTO notify_queue (channel, endpoint, path)
           SELECT channel, ?, path FROM notify_queue WHERE channel = ? AND endpoint = ''
           ON CONFLICT DO UPDATE SET attempts = 0, next_ms = 0, last_error = NULL`,
        )
        .bind(endpoint, channel),
    ),
  )
  await db.batch([...fanOut, db.prepare(`DELETE FROM notify_queue WHERE endpoint = ''`)])

  const { results } = await db
    .prepare(
      `SELECT channel, endpoint, path, attempts FROM notify_queue
       WHERE endpoint != '' AND next_ms <= ? ORDER BY next_ms, path LIMIT ?`,
    )
    .bind(now.getTime(), ROWS_PER_RUN)
    .all<Row>()
  const groups = new Map<string, Row[]>()
  for (const row of results) {
    const id = `${row.channel} ${row.endpoint}`
    groups.set(id, [...(groups.get(id) ?? []), row])
  }
  for (const rows of groups.values()) {
    const { channel, endpoint } = rows[0]!
    // An endpoint taken out of the settings: nothing more goes there.
    if (!endpoints[channel].includes(endpoint)) {
      await settle(db, rows, 'done')
      continue
    }
    const batches = channel === 'indexnow' ? chunk(rows, INDEXNOW_BATCH) : rows.map((row) => [row])
    for (const batch of batches) {
      const urls = batch.map((r) => `${config.baseUrl}${r.path}`)
      const error = await attempt(() =>
        channel === 'indexnow'
          ? send(endpoint, indexNowRequest(config, urls))
          : send(endpoint, webSubRequest(urls[0]!)),
      )
      if (!error) {
        report.sent.push({ endpoint, urls })
        await settle(db, batch, 'done')
        continue
      }
      const attempts = Math.max(...batch.map((r) => r.attempts)) + 1
      if (attempts >= MAX_ATTEMPTS) {
        report.dropped.push({ endpoint, urls, error })
        await settle(db, batch, 'done')
      } else {
        const retry = now.getTime() + backoffMs(attempts - 1)
        report.refused.push({ endpoint, urls, error, retryAt: new Date(retry).toISOString() })
        await settle(db, batch, { retry, error })
      }
    }
  }
  return report
}

/** The error, or undefined when the endpoint accepted (any 2xx). */
async function attempt(call: () => Promise<Response>): Promise<string | undefined> {
  try {
    const response = await call()
    const body = await response.text().catch(() => '')
    return response.ok ? undefined : `${response.status} ${body.slice(0, 200)}`.trim()
  } catch (error) {
    return (error as Error).message
  }
}

/** The IndexNow JSON submission (indexnow.org/documentation): host, key, key location, URLs. */
function indexNowRequest(config: SiteConfig, urls: string[]): RequestInit {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify({
      host: new URL(config.baseUrl).host,
      key: config.indexNow.key,
      keyLocation: `${config.baseUrl}/${config.indexNow.key}.txt`,
      urlList: urls,
    }),
  }
}

/** A WebSub publish ping (W3C WebSub §7, as hubs such as pubsubhubbub.appspot.com take it). */
function webSubRequest(topic: string): RequestInit {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ 'hub.mode': 'publish', 'hub.url': topic }).toString(),
  }
}

async function settle(
  db: Db,
  rows: Row[],
  outcome: 'done' | { retry: number; error: string },
): Promise<void> {
  await db.batch(
    rows.map((row) =>
      outcome === 'done'
        ? db
            .prepare('DELETE FROM notify_queue WHERE channel = ? AND endpoint = ? AND path = ?')
            .bind(row.channel, row.endpoint, row.path)
        : db
            .prepare(
              `UPDATE notify_queue SET attempts = attempts + 1, next_ms = ?, last_error = ?
               WHERE channel = ? AND endpoint = ? AND path = ?`,
            )
            .bind(outcome.retry, outcome.error, row.channel, row.endpoint, row.path),
    ),
  )
}

const chunk = <T>(items: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) =>
    items.slice(i * size, (i + 1) * size),
  )
