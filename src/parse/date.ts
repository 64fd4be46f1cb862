/**
 * Front matter dates as Jekyll writes them: `2024-06-19`, `2024-06-19 10:30`, `2024-06-19 10:30:00 +0900`,
 * or full ISO 8601. A date without an offset is a wall-clock time in the site's time zone.
 * (workerd has no Temporal, and a date library would bring a time-zone database we get from Intl.)
 */
const DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i

export function parseDate(value: string | Date, timeZone: string): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value
  const m = DATE.exec(value.trim())
  if (!m) return null
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '0', offset] = m
  const wall = Date.UTC(+y!, +mo! - 1, +d!, +h, +mi, +s, Math.round(+`0.${frac}` * 1000))
  const check = new Date(wall)
  if (
    check.getUTCMonth() !== +mo! - 1 ||
    check.getUTCDate() !== +d! ||
    +h > 23 ||
    +mi > 59 ||
    +s > 59
  )
    return null
  if (offset) return new Date(wall - offsetMinutes(offset) * 60_000)
  // Wall time in a zone: guess with the offset at that instant, then correct once for DST edges.
  const guess = wall - zoneOffsetMinutes(new Date(wall), timeZone) * 60_000
  return new Date(wall - zoneOffsetMinutes(new Date(guess), timeZone) * 60_000)
}

function offsetMinutes(offset: string): number {
  if (offset.toUpperCase() === 'Z') return 0
  const sign = offset.startsWith('-') ? -1 : 1
  const digits = offset.slice(1).replace(':', '')
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || 0))
}

const offsetFormats = new Map<string, Intl.DateTimeFormat>()
/** Offsets by zone and quarter hour: time zones change their offset only on quarter hours. */
const offsets = new Map<string, number>()

/** Minutes east of UTC that `timeZone` observes at `date`, e.g. 540 for Asia/Seoul. */
export function zoneOffsetMinutes(date: Date, timeZone: string): number {
  const key = `${timeZone}|${Math.floor(date.getTime() / 900_000)}`
  let offset = offsets.get(key)
  if (offset === undefined) {
    if (offsets.size > 10_000) offsets.clear() // bounded: a long-lived isolate must not grow
    offsets.set(key, (offset = computeOffset(date, timeZone)))
  }
  return offset
}

function computeOffset(date: Date, timeZone: string): number {
  let format = offsetFormats.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    offsetFormats.set(timeZone, format)
  }
  const name = format.formatToParts(date).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT'
  const m = /GMT([+-]\d{2}):?(\d{2})?/.exec(name)
  return m ? offsetMinutes(`${m[1]}${m[2] ?? '00'}`) : 0
}

/** ISO 8601 with the zone's offset, as Open Graph and schema.org want: `2024-06-19T10:30:00+09:00`. */
export function toZonedIso(date: Date, timeZone: string): string {
  const offset = zoneOffsetMinutes(date, timeZone)
  const local = new Date(date.getTime() + offset * 60_000).toISOString().slice(0, 19)
  const sign = offset < 0 ? '-' : '+'
  const abs = Math.abs(offset)
  return `${local}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
}

const pad = (n: number) => String(n).padStart(2, '0')

/** The Jekyll post naming convention: `2024-06-19-hello-world.md` is dated and its slug drops the date. */
const JEKYLL_NAME = /^(\d{4}-\d{2}-\d{2})-(.+)$/

/** `ko/2024-06-19-hello-world.md` → `2024-06-19` */
export function dateFromFileName(fileName: string): string | null {
  return JEKYLL_NAME.exec(baseName(fileName))?.[1] ?? null
}

/** `ko/2024-06-19-hello-world.md` → `hello-world`; `ko/hello.html` → `hello` */
export function slugFromFileName(fileName: string): string {
  const name = baseName(fileName)
  return JEKYLL_NAME.exec(name)?.[2] ?? name
}

/** The file name without folders and without its extension. */
const baseName = (fileName: string) =>
  fileName.slice(fileName.lastIndexOf('/') + 1).replace(/\.[^.]+$/, '')
