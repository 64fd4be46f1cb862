/**
 * The `--media …` options content:push and import:wordpress share, as parseArgs reads them, and what
 * they mean. Bad values are refused with the option's name.
 */
import type { MediaOptions } from './fetch'
import { MEDIA_DEFAULTS } from './fetch'

export const MEDIA_ARGS = {
  media: { type: 'string' },
  'media-hosts': { type: 'string' },
  'media-origin': { type: 'string', multiple: true },
  'media-timeout': { type: 'string' },
  'media-max-mb': { type: 'string' },
} as const

export const MEDIA_HELP = `Media (images the articles reference by URL):
  --media keep               leave them where they are, linked by URL (the default)
  --media download           fetch each one into <content>/media/<host>/<path> and point the
                             article at it by a relative path; a failed fetch keeps the URL.
                             A report lists every image fetched, failed or left remote.
  --media-hosts a.com,b.com  fetch only images on these hosts; others stay remote
  --media-origin HOST=ORIGIN fetch images on HOST (http or https) from ORIGIN instead, same
                             path: a staging copy, a local copy of wp-content/uploads served by
                             any static server; files are still named after HOST. Repeatable.
  --media-timeout <seconds>  per image, headers and body (default ${MEDIA_DEFAULTS.timeoutMs / 1000})
  --media-max-mb <MB>        larger files are refused (default ${MEDIA_DEFAULTS.maxBytes / 1024 / 1024})`

export class MediaUsageError extends Error {}

export interface MediaArgs {
  media?: string
  'media-hosts'?: string
  'media-origin'?: string[]
  'media-timeout'?: string
  'media-max-mb'?: string
}

/** The fetcher's options (without the content folder), or undefined for `--media keep`. */
export function mediaOptionsFrom(values: MediaArgs): Omit<MediaOptions, 'contentDir'> | undefined {
  const mode = values.media ?? 'keep'
  if (mode !== 'keep' && mode !== 'download')
    throw new MediaUsageError(`--media ${mode}: expected keep or download`)
  const given = (['media-hosts', 'media-origin', 'media-timeout', 'media-max-mb'] as const).filter(
    (name) => values[name] !== undefined,
  )
  if (mode === 'keep') {
    if (given.length) throw new MediaUsageError(`--${given[0]} needs --media download`)
    return undefined
  }
  const options: Omit<MediaOptions, 'contentDir'> = {}
  if (values['media-hosts'])
    options.hosts = values['media-hosts']
      .split(/[\s,]+/)
      .filter(Boolean)
      .map((host) => host.toLowerCase())
  if (values['media-origin']) {
    options.originMap = new Map()
    for (const pair of values['media-origin']) {
      const [from, to] = pair.split(/=(.*)/s)
      // FROM is a host (`old.example`) or an origin; its images come from TO over http or https.
      const fromHost =
        from &&
        (origin(from)
          ? new URL(from).host
          : origin(`https://${from}`) && new URL(`https://${from}`).host)
      const toOrigin = origin(to)
      if (!fromHost || !toOrigin)
        throw new MediaUsageError(
          `--media-origin ${pair}: expected FROM=TO like old.example=http://127.0.0.1:8080`,
        )
      options.originMap.set(fromHost.toLowerCase(), toOrigin)
    }
  }
  const number = (name: 'media-timeout' | 'media-max-mb') => {
    const value = values[name]
    if (value === undefined) return undefined
    const n = Number(value)
    if (!Number.isFinite(n) || n <= 0)
      throw new MediaUsageError(`--${name} ${value}: expected a positive number`)
    return n
  }
  const timeout = number('media-timeout')
  if (timeout) options.timeoutMs = Math.round(timeout * 1000)
  const max = number('media-max-mb')
  if (max) options.maxBytes = Math.round(max * 1024 * 1024)
  return options
}

function origin(text: string | undefined): string | undefined {
  try {
    const url = new URL(text ?? '')
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : undefined
  } catch {
    return undefined
  }
}
