/**
 * Live editing: the folder is pushed once, then each saved file alone is validated and published
 * (its source, derived article and index row) and its cached pages purged: through the running dev
 * server's publishing API when it answers (one request), else through wrangler's proxy. Every save
 * prints one line saying what readers now get: live, a draft that is not served, still the previous version,
 * or nothing (404) until the file is fixed — and `fixed, live` when a failing file is saved right.
 * The last failure of each article is kept for the dev server's banner. A saved picture republishes
 * the articles that use it (its new bytes get a new address), and those that failed for want of it.
 */
import { describeTime, isLive, isScheduled, liveAt } from '../../src/publish/schedule'
import { watch } from 'chokidar'
import { EventEmitter } from 'node:events'
import { readFile } from 'node:fs/promises'
import { relative, sep } from 'node:path'
import { clearFailure, recordFailure } from '../../src/dev/failures'
import { formatOf } from '../../src/parse/body'
import { settledMetadata } from '../../src/publish/dates'
import type { StoredEntry } from '../../src/source/store'
import { push, type PushOptions } from '../content-push'
import { publishFile } from './push-write'
import { readSiteConfig } from './config'
import { checkFile, describeError, describeIssue, keyFor, sameUrl } from './content'
import { metadataFor } from './plan'
import {
  devServerOf,
  publishThroughServer,
  purgeAfterPush,
  purgeTarget,
  unpublishThroughServer,
} from './purge'
import { openStorage } from './storage'
import { isProfilePath, saveProfile } from './authors'
import { isPicturePath, sameMedia } from './media'

export interface Watcher {
  /**
   * Resolves with the line printed for `path` (relative to the folder, `/`-separated) the next time
   * a save of it has been handled: published, refused, stored as a draft or removed. The watcher's
   * own "published" event, so callers wait on the save itself rather than on a guess of time.
   */
  published(path: string): Promise<string>
  close(): Promise<void>
}

export async function watchContent(
  options: Pick<PushOptions, 'dir' | 'persistTo' | 'purge' | 'configPath'> & {
    log?: (line: string) => void
    debounceMs?: number
  },
): Promise<Watcher> {
  // The last line printed, which the "published" event carries.
  let lastLine = ''
  const log = (line: string) => {
    lastLine = line
    ;(options.log ?? console.log)(line)
  }
  const events = new EventEmitter<{ published: [path: string, line: string] }>()
  const config = await readSiteConfig(options.configPath)
  const storage = await openStorage('kv', config, {
    remote: false,
    persistTo: options.persistTo,
    configPath: options.configPath,
  })
  const purge = purgeTarget({
    remote: false,
    baseUrl: config.baseUrl,
    devPort: config.devPort,
    given: options.purge,
    privateStore: false,
  })

  // The whole folder once, as a push (invalid files reported, the rest stored).
  const first = await push({
    ...options,
    remote: false,
    storage,
    skipInvalid: true,
    probeImages: false,
    warnings: 'count',
    log: (line) => log(line.replace(/^ {2}/, '')),
  })
  const stored = await storage.list()
  // Which articles readers get, read from the index once (before the dev server starts) and then
  // kept up to date here: while the server runs, a second process reading or writing the same local
  // database can find it locked (SQLITE_BUSY), so live saves go through the server alone.
  const served = new Set(
    (
      await storage.db
        .prepare("SELECT lang || '/' || slug AS key FROM articles")
        .all<{ key: string }>()
    ).results.map((r) => r.key),
  )
  const isServed = (key: string) => served.has(key)
  /** Which file gives which URL now; the articles whose last save failed, and by which file. */
  const keyOfPath = new Map(first.paths)
  /** The hosted pictures each article file used when it was last stored. */
  const picturesOf = new Map(first.pictures)
  /** Why each failing file failed last: a picture added later may be what it named. */
  const failedWith = new Map<string, string>()
  const failing = new Map<string, string>()
  for (const failure of first.failed) {
    if (!failure.key) {
      log(`✗ ${failure.message}`)
      continue
    }
    failing.set(failure.key, failure.path)
    await reportFailure(failure.key, failure.path, failure.message)
  }

  async function reportFailure(key: string, path: string, message: string) {
    failedWith.set(path, message)
    const previousServed = isServed(key)
    log(
      `✗ ${message} — ${previousServed ? `/${key} still serves the previous version` : `/${key} is not served (404) until this is fixed`}`,
    )
    await recordFailure(storage.internal, key, { file: path, message, previousServed })
  }

  /** Drops the pages a change made stale (the writer says which). */
  const purgeTags = async (tags: string[]) => {
    if (purge !== false)
      await purgeAfterPush(purge, tags, { devPort: config.devPort, log: () => {} })
  }

  /** Removes an article through this process's own writer, and purges what it leaves. */
  async function unpublishHere(key: string) {
    const written = await storage.write([{ kind: 'unpublish', key }])
    if (written.failed[0]) throw new Error(written.failed[0].message)
    if (written.tags.length) await purgeTags(written.tags)
    return written.changes[0] ?? null
  }

  /**
   * A saved, added or deleted picture: each article that uses it is published again (with the new
   * bytes' address, or refused for the missing file, keeping its stored version), and each article
   * whose last save failed for want of this picture is tried again.
   */
  async function handlePicture(path: string) {
    const users = [...picturesOf].filter(([, media]) => path in media).map(([p]) => p)
    const waiting = [...failing.values()].filter((p) => failedWith.get(p)?.includes(path))
    for (const article of new Set([...users, ...waiting])) await handle(article)
  }

  /** One saved (or deleted) file: publish it alone, then say what readers get now. */
  async function handle(path: string) {
    if (isProfilePath(path))
      return saveProfile(path, {
        dir: options.dir,
        config,
        storage,
        server: await devServerOf(purge, config.devPort),
        purge: purgeTags,
        log,
      })
    if (isPicturePath(path)) return handlePicture(path)
    const started = performance.now()
    const ms = () => `${Math.round(performance.now() - started)} ms`
    const bytes = await readFile(`${options.dir}/${path}`).then(
      (b) => new Uint8Array(b),
      () => null,
    )
    if (!bytes) return removed(path, ms)
    let key: string | undefined
    try {
      key = keyFor(path, bytes, config)
      const holder = [...keyOfPath].find(([p, k]) => k === key && p !== path)?.[0]
      if (holder) throw sameUrl(key, holder, path)
      const previous: StoredEntry | undefined = stored.get(key)
      const now = new Date().toISOString()
      const built = checkFile(
        {
          path,
          key,
          bytes,
          metadataOf: (file) => metadataFor(file, previous, now),
          dir: options.dir,
        },
        config,
      )
      const wasServed = previous ? isServed(key) : false
      const unchanged =
        previous?.metadata.sha256 === built.file.sha256 &&
        previous.metadata.fileName === path &&
        sameMedia(built.file.media, picturesOf.get(path))
      if (!unchanged) {
        // As the writer stores it: a draft never live keeps no first upload (src/publish/dates.ts).
        const metadata = settledMetadata(
          metadataFor(built.file, previous, now),
          isLive(built.article, new Date(now)),
          previous?.metadata,
        )
        const server = await devServerOf(purge, config.devPort)
        // An article with pictures hosted with it is written here, where its files are: the
        // publishing API takes the source alone.
        const hosting = !!built.file.uploads?.length
        const published =
          server &&
          !hosting &&
          (await publishThroughServer(server, { path, key, bytes }, config.baseUrl))
        if (!published) await publishFile(storage, { ...built, metadata }, purgeTags)
        stored.set(key, { key, metadata })
        if (isLive(built.article, new Date())) served.add(key)
        else served.delete(key)
      }
      keyOfPath.set(path, key)
      picturesOf.set(path, built.file.media ?? {})
      failedWith.delete(path)
      const fixed = failing.delete(key)
      if (fixed) await clearFailure(storage.internal, key)
      // Warnings ride on the same line; what breaks the page itself (a blocked image) gets its own.
      const warnings = built.issues.filter((i) => i.level === 'warning').length
      const note = warnings ? ` · ⚠ ${warnings} link-preview warning(s): /preview/${key}` : ''
      const scheduledFor = isScheduled(built.article, new Date()) && liveAt(built.article)
      if (!built.article.published) {
        log(
          `· ${path}: draft (published: false), stored, not served${wasServed ? `; /${key} is no longer served` : ''} (${ms()})`,
        )
      } else if (scheduledFor) {
        log(
          `⏱ /${key} scheduled for ${describeTime(scheduledFor, config.timeZone)}: stored, not served until then${wasServed ? ' (no longer served)' : ''} (${ms()})${note}`,
        )
      } else if (fixed) log(`✓ ${path} fixed, live at /${key} (${ms()})${note}`)
      else if (unchanged) return
      else log(`${wasServed ? '↻' : '+'} /${key} live (${ms()})${note}`)
      for (const issue of built.issues.filter((i) => i.level === 'error'))
        log(`  ✗ ${describeIssue(issue)}`)
    } catch (error) {
      const message = describeError(error, path)
      if (!key) return log(`✗ ${message}`)
      // The file gives this URL (unless another file already does): its deletion must find it.
      if (![...keyOfPath].some(([p, k]) => k === key && p !== path)) keyOfPath.set(path, key)
      failing.set(key, path)
      await reportFailure(key, path, message)
    }
  }

  async function removed(path: string, ms: () => string) {
    for (const [key, failed] of failing) {
      if (failed !== path) continue
      failing.delete(key)
      await clearFailure(storage.internal, key)
    }
    const key = keyOfPath.get(path)
    keyOfPath.delete(path)
    picturesOf.delete(path)
    failedWith.delete(path)
    // Another file (a renamed copy) may give the same URL now.
    if (!key || [...keyOfPath.values()].includes(key)) return
    const server = await devServerOf(purge, config.devPort)
    const throughServer = server && (await unpublishThroughServer(server, key, config.baseUrl))
    const change = throughServer ? throughServer.change : await unpublishHere(key)
    stored.delete(key)
    served.delete(key)
    if (change) {
      log(`- /${key} removed: ${path} was deleted (${ms()})`)
    } else log(`- ${path} deleted (it was never stored)`)
    // A file refused for having this URL too (a rename seen as add, then delete) gets its turn.
    const waiting = failing.get(key)
    if (waiting) await handle(waiting)
  }

  // Saves collected over a short pause, each file handled once, one file at a time.
  const queued = new Set<string>()
  let timer: ReturnType<typeof setTimeout> | undefined
  let running: Promise<void> = Promise.resolve()
  const flush = () => {
    const paths = [...queued]
    queued.clear()
    running = running.then(async () => {
      for (const path of paths) {
        try {
          await handle(path)
        } catch (error) {
          log(`✗ ${path}: ${(error as Error).message}`)
        }
        events.emit('published', path, lastLine)
      }
    })
  }

  // chokidar, not fs.watch: editors that save by renaming a temp file over the original (vim, sed -i)
  // would silence Node's recursive watcher on Linux after the first save.
  const watcher = watch(options.dir, {
    ignoreInitial: true,
    awaitWriteFinish: { stabilityThreshold: 50, pollInterval: 10 },
  })
  watcher.on('all', (_event, absolute) => {
    const path = relative(options.dir, absolute).split(sep).join('/')
    if (!formatOf(path) && !isProfilePath(path) && !isPicturePath(path)) return
    queued.add(path)
    clearTimeout(timer)
    timer = setTimeout(flush, options.debounceMs ?? 30)
  })
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()))
  return {
    published: (path) =>
      new Promise((resolve) => {
        const seen = (handled: string, line: string) => {
          if (handled !== path) return
          events.off('published', seen)
          resolve(line)
        }
        events.on('published', seen)
      }),
    async close() {
      await watcher.close()
      clearTimeout(timer)
      await running
      await storage.close()
    },
  }
}
