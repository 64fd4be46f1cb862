/**
 * The account of a media run: every image fetched (with its size), found from an earlier run, failed
 * (with why: HTTP status, timeout, not an image, too large) or left remote (and why), each with the
 * articles that use it. A failed or remote image is still referenced by its URL, as written.
 */
import { relative } from 'node:path'
import type { MediaFetcher, MediaOutcome } from './fetch'

export interface MediaSummary {
  fetched: number
  present: number
  failed: number
  remote: number
  bytes: number
}

export function mediaSummary(fetcher: MediaFetcher): MediaSummary {
  const all = [...fetcher.outcomes.values()]
  const count = (kind: MediaOutcome['kind']) => all.filter((o) => o.kind === kind).length
  return {
    fetched: count('fetched'),
    present: count('present'),
    failed: count('failed'),
    remote: count('remote'),
    bytes: all.reduce((sum, o) => sum + (o.kind === 'fetched' ? o.bytes : 0), 0),
  }
}

export function formatMediaReport(fetcher: MediaFetcher): string {
  const s = mediaSummary(fetcher)
  const near = relative('.', fetcher.mediaDir)
  const folder = near && !near.startsWith('..') ? near : fetcher.mediaDir
  const lines = [
    `media: ${s.fetched} image(s) fetched (${s.bytes.toLocaleString('en-US')} bytes) into ${folder}/, ${s.present} already there, ${s.failed} failed, ${s.remote} left remote`,
  ]
  const where = (url: string) => [...(fetcher.usedBy.get(url) ?? [])].join(', ')
  const sorted = [...fetcher.outcomes.values()].sort((a, b) => a.url.localeCompare(b.url))
  for (const o of sorted)
    if (o.kind === 'fetched')
      lines.push(
        `  ↓ ${o.url} → ${relative(fetcher.mediaDir, o.file)} (${o.bytes.toLocaleString('en-US')} bytes)`,
      )
  for (const o of sorted)
    if (o.kind === 'present')
      lines.push(`  = ${o.url} → ${relative(fetcher.mediaDir, o.file)} (already there)`)
  for (const o of sorted)
    if (o.kind === 'failed')
      lines.push(`  ✗ ${shown(o.url)}: ${o.reason}; still linked by URL in ${where(o.url)}`)
  for (const o of sorted)
    if (o.kind === 'remote')
      lines.push(`  · ${shown(o.url)}: left remote, ${o.reason} (${where(o.url)})`)
  return lines.join('\n')
}

/** A data: URL is the whole picture: its start is enough to recognize it. */
const shown = (url: string) =>
  url.length > 120 && url.startsWith('data:') ? `${url.slice(0, 40)}…` : url
