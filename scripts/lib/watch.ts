/**
 * Live editing: every save under the content folder is validated and pushed to local storage within
 * about a second, and the dev server's cached copies are purged. An invalid save prints its error and
 * the previous version keeps being served. Deleting a file deletes its article.
 */
import { watch } from 'chokidar'
import { push, type PushOptions, type PushResult } from '../content-push'
import { readSiteConfig } from './config'
import { openStorage } from './storage'

export interface Watcher {
  /** Resolves after the push a change triggered; for tests. */
  idle(): Promise<void>
  close(): Promise<void>
}

export async function watchContent(
  options: Pick<PushOptions, 'dir' | 'persistTo' | 'purge' | 'configPath'> & {
    log?: (line: string) => void
    debounceMs?: number
  },
): Promise<Watcher> {
  const log = options.log ?? console.log
  const storage = await openStorage('kv', await readSiteConfig(options.configPath), {
    remote: false,
    persistTo: options.persistTo,
    configPath: options.configPath,
  })
  // Keys that had a file during this session: only those are deleted when their file goes.
  const seen = new Set<string>()
  let timer: ReturnType<typeof setTimeout> | undefined
  let running: Promise<void> = Promise.resolve()
  let pending = false

  const run = async () => {
    const started = performance.now()
    let result: PushResult
    try {
      // Only the errors from push's own report: the rest is summarized below.
      const errors = (line: string) => line.trimStart().startsWith('✗') && log(line.trim())
      result = await push({
        ...options,
        remote: false,
        storage,
        skipInvalid: true,
        remove: [...seen],
        probeImages: false,
        log: errors,
      })
    } catch (error) {
      log(`✗ ${(error as Error).message}`)
      return
    }
    for (const key of [...result.added, ...result.changed, ...result.unchanged, ...result.invalid])
      seen.add(key)
    const ms = Math.round(performance.now() - started)
    for (const key of result.added) log(`+ /${key} (${ms} ms)`)
    for (const key of result.changed) log(`↻ /${key} (${ms} ms)`)
    for (const key of result.deleted) log(`- /${key} (${ms} ms)`)
    for (const key of result.invalid)
      log(`✗ /${key} not updated: the previous version is still served`)
  }

  const schedule = () => {
    clearTimeout(timer)
    timer = setTimeout(() => {
      // One push at a time; saves during a push trigger one more.
      if (pending) return
      pending = true
      running = running.then(() => {
        pending = false
        return run()
      })
    }, options.debounceMs ?? 100)
  }

  // chokidar, not fs.watch: editors that save by renaming a temp file over the original (vim, sed -i)
  // would silence Node's recursive watcher on Linux after the first save.
  const watcher = watch(options.dir, {
    ignoreInitial: true,
    awaitWriteFinish: { stabilityThreshold: 50, pollInterval: 10 },
  })
  watcher.on('all', (_event, path) => {
    if (/\.(md|markdown|html?)$/i.test(path)) schedule()
  })
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()))
  // The first push records which keys exist, so later deletions are recognized.
  await run()
  return {
    idle: async () => {
      await new Promise((resolve) => setTimeout(resolve, (options.debounceMs ?? 100) + 50))
      await running
    },
    async close() {
      await watcher.close()
      clearTimeout(timer)
      await running
      await storage.close()
    },
  }
}
