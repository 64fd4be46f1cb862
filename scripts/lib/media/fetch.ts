/**
 * Brings remote images into the content folder: `https://host/a/b.jpg` → `<content>/media/host/a/b.jpg`.
 * One fetcher serves a whole run, so the same URL is fetched once however many articles use it, at
 * most `concurrency` at a time, each within a timeout and a size limit, and kept only when its bytes
 * are really an image. A file already there is not fetched again (a run can be resumed), and a file
 * appears only complete (written beside its name, then renamed). Every outcome is kept for the report.
 */
import { createHash, randomBytes } from 'node:crypto'
import { mkdir, open, rename, rm, stat, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { imageFacts } from '../image-probe'

export type MediaOutcome =
  | { kind: 'fetched'; url: string; file: string; bytes: number }
  /** Downloaded by an earlier run: not fetched again. */
  | { kind: 'present'; url: string; file: string; bytes: number }
  | { kind: 'failed'; url: string; reason: string }
  | { kind: 'remote'; url: string; reason: string }

export interface MediaOptions {
  /** The content folder: files go to `<contentDir>/media/<host>/<path>`. */
  contentDir: string
  /**
   * Fetch from another origin than the one written (a staging copy, a local copy of the uploads):
   * host `old.example` (http or https) → `http://127.0.0.1:8080`. Files are still named after the
   * written URL.
   */
  originMap?: Map<string, string>
  /** Only images on these hosts are fetched; others are left remote. Default: every host. */
  hosts?: string[]
  /** For the whole answer, headers and body. */
  timeoutMs?: number
  maxBytes?: number
  concurrency?: number
}

export const MEDIA_DEFAULTS = { timeoutMs: 30_000, maxBytes: 25 * 1024 * 1024, concurrency: 4 }

/** Types a page may show from the site itself. SVG can carry scripts: it stays where it is. */
const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/avif': 'avif',
}
const IMAGE_NAME = /\.(?:jpe?g|png|gif|webp|avif)$/i

export class MediaFetcher {
  readonly outcomes = new Map<string, MediaOutcome>()
  /** The articles that use each URL, for the report. */
  readonly usedBy = new Map<string, Set<string>>()
  private readonly pending = new Map<string, Promise<MediaOutcome>>()
  private readonly options: Required<Omit<MediaOptions, 'hosts' | 'originMap'>> &
    Pick<MediaOptions, 'hosts' | 'originMap'>
  private active = 0
  private readonly waiting: (() => void)[] = []

  constructor(options: MediaOptions) {
    this.options = { ...MEDIA_DEFAULTS, ...options }
  }

  get mediaDir(): string {
    return join(this.options.contentDir, 'media')
  }

  /** The outcome for `url` (fetched once per run, whoever asks); `where` names the article using it. */
  get(url: string, where: string): Promise<MediaOutcome> {
    const uses = this.usedBy.get(url) ?? new Set()
    uses.add(where)
    this.usedBy.set(url, uses)
    let outcome = this.pending.get(url)
    if (!outcome) {
      outcome = this.bring(url).then((result) => {
        this.outcomes.set(url, result)
        return result
      })
      this.pending.set(url, outcome)
    }
    return outcome
  }

  private async bring(url: string): Promise<MediaOutcome> {
    if (/^data:/i.test(url))
      return { kind: 'remote', url, reason: 'a data: URL (the picture is in the file already)' }
    let parsed: URL
    try {
      parsed = new URL(url)
    } catch {
      return { kind: 'failed', url, reason: 'not a valid URL' }
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
      return { kind: 'remote', url, reason: `a ${parsed.protocol} URL` }
    const hosts = this.options.hosts
    if (hosts && !hosts.includes(parsed.hostname.toLowerCase()))
      return { kind: 'remote', url, reason: 'host not in --media-hosts' }
    const place = localPlace(parsed, this.mediaDir)
    if ('reason' in place) return { kind: 'failed', url, ...place }
    for (const file of place.candidates) {
      const bytes = await existingImage(file)
      if (bytes !== undefined) return { kind: 'present', url, file, bytes }
    }
    await this.slot()
    try {
      return await this.download(url, parsed, place)
    } finally {
      this.release()
    }
  }

  private async download(
    url: string,
    parsed: URL,
    place: { base: string; named: boolean },
  ): Promise<MediaOutcome> {
    const { timeoutMs, maxBytes } = this.options
    const from = this.options.originMap?.get(parsed.host)
    const source = from ? `${from}${parsed.pathname}${parsed.search}` : parsed.href
    const failed = (reason: string): MediaOutcome => ({ kind: 'failed', url, reason })
    let bytes: Uint8Array
    let type: string
    try {
      const res = await fetch(source, {
        headers: { 'user-agent': 'edge-article-renderer media download', accept: 'image/*' },
        signal: AbortSignal.timeout(timeoutMs),
      })
      type = res.headers.get('content-type') ?? ''
      if (!res.ok || !res.body) {
        await res.body?.cancel().catch(() => {})
        return failed(`HTTP ${res.status}${from ? ` from ${source}` : ''}`)
      }
      const declared = Number(res.headers.get('content-length'))
      if (declared > maxBytes) {
        await res.body.cancel().catch(() => {})
        return failed(tooLarge(declared, maxBytes))
      }
      // A fetch body is bytes; the Workers types leave the chunks `any`.
      const read = await readAtMost(res.body as ReadableStream<Uint8Array>, maxBytes)
      if (!read) return failed(tooLarge(undefined, maxBytes))
      bytes = read
    } catch (error) {
      const name = (error as Error).name
      if (name === 'TimeoutError' || name === 'AbortError')
        return failed(`timeout: no complete answer within ${seconds(timeoutMs)}`)
      const code = (error as { cause?: { code?: string } }).cause?.code
      return failed(`${(error as Error).message}${code ? ` (${code})` : ''}`)
    }
    const facts = imageFacts(bytes)
    if (!facts) return failed(`not an image (${type || 'no content-type'}, ${bytes.length} bytes)`)
    const extension = EXTENSIONS[facts.type]
    if (!extension)
      return failed(`${facts.type} is not brought in (only JPEG, PNG, GIF, WebP, AVIF)`)
    const file = place.named ? place.base : `${place.base}.${extension}`
    await writeAtomically(file, bytes)
    return { kind: 'fetched', url, file, bytes: bytes.length }
  }

  private async slot(): Promise<void> {
    if (this.active < this.options.concurrency) {
      this.active++
      return
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve))
  }

  private release(): void {
    const next = this.waiting.shift()
    if (next) next()
    else this.active--
  }
}

const seconds = (ms: number) => `${ms >= 1000 ? `${ms / 1000} s` : `${ms} ms`}`

const tooLarge = (declared: number | undefined, limit: number) =>
  declared
    ? `too large: ${declared} bytes (the limit is ${limit})`
    : `too large: more than the limit of ${limit} bytes`

/**
 * Where a URL's file goes: `<media>/<host>[-port]/<decoded path>`, a query made part of the name (so
 * `a.jpg?w=1` and `a.jpg?w=2` stay apart). A name without an image extension gets the one its bytes
 * show, so each possible name is a candidate for an earlier download.
 */
export function localPlace(
  url: URL,
  mediaDir: string,
): { base: string; named: boolean; candidates: string[] } | { reason: string } {
  const segments = url.pathname.split('/').filter(Boolean)
  const decoded: string[] = []
  for (const segment of segments) {
    let text: string
    try {
      text = decodeURIComponent(segment).normalize('NFC')
    } catch {
      text = segment
    }
    // eslint-disable-next-line no-control-regex -- control characters make no file name
    if (text === '.' || text === '..' || /[/\\\u0000-\u001f]/.test(text))
      return { reason: `a path this machine cannot safely store (${url.pathname})` }
    decoded.push(text)
  }
  let name = decoded.pop() ?? 'index'
  if (url.search) {
    const hash = createHash('sha256').update(url.search).digest('hex').slice(0, 8)
    const dot = name.lastIndexOf('.')
    name = dot > 0 ? `${name.slice(0, dot)}-${hash}${name.slice(dot)}` : `${name}-${hash}`
  }
  const host = `${url.hostname.toLowerCase()}${url.port ? `-${url.port}` : ''}`
  const base = join(mediaDir, host, ...decoded, name)
  const named = IMAGE_NAME.test(name)
  return {
    base,
    named,
    candidates: named ? [base] : Object.values(EXTENSIONS).map((ext) => `${base}.${ext}`),
  }
}

/** The size of a complete earlier download at `file` (its first bytes read as an image), or undefined. */
async function existingImage(file: string): Promise<number | undefined> {
  const stats = await stat(file).catch(() => undefined)
  if (!stats?.isFile() || stats.size === 0) return undefined
  const handle = await open(file, 'r')
  try {
    const head = new Uint8Array(Math.min(stats.size, 256 * 1024))
    await handle.read(head, 0, head.length, 0)
    return imageFacts(head) ? stats.size : undefined
  } finally {
    await handle.close()
  }
}

/** The whole body, or undefined as soon as it passes `limit` (then the rest is not read). */
async function readAtMost(
  body: ReadableStream<Uint8Array>,
  limit: number,
): Promise<Uint8Array | undefined> {
  const reader = body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.length
    if (total > limit) {
      await reader.cancel().catch(() => {})
      return undefined
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks)
}

/** Written beside its name, then renamed: a reader (or a crash) never sees half a file. */
export async function writeAtomically(file: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(file), { recursive: true })
  const temporary = `${file}.${randomBytes(6).toString('hex')}.part`
  try {
    await writeFile(temporary, data)
    await rename(temporary, file)
  } catch (error) {
    await rm(temporary, { force: true })
    throw error
  }
}
