/**
 * Scheduled and embargoed articles: one whose `date` or `embargo` is still to come is stored but
 * served nowhere. It stays out of the index (so listings, feeds, search, sitemaps and neighbours
 * never see it) and is recorded in the `scheduled` table instead; the Cron Trigger publishes it when
 * its time comes (scheduled.ts). Pure: the clock is always passed in.
 */
import { toZonedIso } from '../parse/date'
import type { ArticleHead } from '../schema/article'

/** When an article may first be served: the later of its publication date and its embargo. */
export function liveAt(head: Pick<ArticleHead, 'datePublished' | 'embargo'>): number | undefined {
  const times = [head.datePublished, head.embargo]
    .filter((t): t is string => t !== undefined)
    .map((t) => Date.parse(t))
  return times.length ? Math.max(...times) : undefined
}

/** Published and not held back past `now`. */
export function isLive(
  head: Pick<ArticleHead, 'published' | 'datePublished' | 'embargo'>,
  now: Date,
): boolean {
  if (!head.published) return false
  const at = liveAt(head)
  return at === undefined || at <= now.getTime()
}

/** Published, but its time has not come. */
export const isScheduled = (
  head: Pick<ArticleHead, 'published' | 'datePublished' | 'embargo'>,
  now: Date,
) => head.published && !isLive(head, now)

/**
 * Zones whose abbreviation Intl does not know in English (it says GMT+9): the names a newsroom uses.
 */
const ABBREVIATIONS: Record<string, string> = {
  'Asia/Seoul': 'KST',
  'Asia/Tokyo': 'JST',
  'Asia/Shanghai': 'CST',
  'Asia/Taipei': 'CST',
  'Asia/Hong_Kong': 'HKT',
  'Asia/Kolkata': 'IST',
  'Asia/Singapore': 'SGT',
  'Australia/Sydney': 'AET',
  'Europe/Berlin': 'CET',
  'Europe/Paris': 'CET',
}

/** `2026-12-24 09:00 KST`: a time as a newsroom says it, in the site's zone. */
export function describeTime(ms: number, timeZone: string): string {
  const iso = toZonedIso(new Date(ms), timeZone)
  const zone =
    ABBREVIATIONS[timeZone] ??
    new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' })
      .formatToParts(new Date(ms))
      .find((p) => p.type === 'timeZoneName')?.value ??
    iso.slice(19)
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} ${zone}`
}
