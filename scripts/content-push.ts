/**
 * npm run content:push [-- <folder>] [--remote] [--store kv|r2]
 *
 * Validates every article file, then uploads the new and changed ones with their metadata.
 * One invalid file and nothing is uploaded. Unchanged files are skipped by SHA-256.
 */
import { parseArgs } from 'node:util'
import { readSiteConfig } from './lib/config'
import { checkContent } from './lib/content'
import { purgeLocal, purgeRemote } from './lib/purge'
import { openStorage } from './lib/storage'
import { encodeFileName } from '../src/source/store'

export interface PushResult {
  added: string[]
  changed: string[]
  unchanged: string[]
  /** In storage but not in the folder; left alone. */
  onlyInStorage: string[]
}

export async function push(options: { dir: string; remote: boolean; store?: 'kv' | 'r2'; persistTo?: string; configPath?: string; log?: (line: string) => void }): Promise<PushResult> {
  const log = options.log ?? console.log
  const config = readSiteConfig(options.configPath)
  const checked = await checkContent(options.dir, config)
  if (checked.errors.length) {
    throw new PushError(`${checked.errors.length} invalid file(s); nothing was uploaded:\n${checked.errors.map((e) => `  ✗ ${e}`).join('\n')}`)
  }
  const store = options.store ?? config.sources[0]!
  const storage = await openStorage(store, { remote: options.remote, persistTo: options.persistTo, configPath: options.configPath })
  try {
    const stored = await storage.list()
    const result: PushResult = { added: [], changed: [], unchanged: [], onlyInStorage: [] }
    const now = new Date().toISOString()
    for (const file of checked.files) {
      const previous = stored.get(file.key)
      if (previous?.metadata.sha256 === file.sha256 && previous.metadata.fileName === encodeFileName(file.path)) {
        result.unchanged.push(file.key)
        continue
      }
      await storage.put(file.key, file.bytes, {
        fileName: encodeFileName(file.path),
        format: file.format,
        sha256: file.sha256,
        uploaded: now,
        firstUploaded: previous?.metadata.firstUploaded ?? now,
      })
      ;(previous ? result.changed : result.added).push(file.key)
    }
    const local = new Set(checked.files.map((f) => f.key))
    result.onlyInStorage = [...stored.keys()].filter((key) => !local.has(key))
    log(
      `${storage.description}: ${result.added.length} added, ${result.changed.length} changed, ${result.unchanged.length} unchanged` +
        (result.onlyInStorage.length ? `, ${result.onlyInStorage.length} only in storage (kept)` : ''),
    )
    for (const key of result.added) log(`  + /${key}`)
    for (const key of result.changed) log(`  ~ /${key}`)
    const touched = [...result.added, ...result.changed]
    if (touched.length && !options.persistTo) {
      if (options.remote) await purgeRemote(touched, config.baseUrl, process.env.ADMIN_TOKEN, log)
      else await purgeLocal(touched, config.devPort, log)
    }
    return result
  } finally {
    await storage.close()
  }
}

export class PushError extends Error {
  override name = 'PushError'
}

const isMain = import.meta.url === `file://${process.argv[1]}`
if (isMain) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { remote: { type: 'boolean', default: false }, store: { type: 'string' }, 'persist-to': { type: 'string' } },
  })
  const store = values.store
  if (store !== undefined && store !== 'kv' && store !== 'r2') {
    console.error(`--store must be kv or r2, got ${store}`)
    process.exit(2)
  }
  push({ dir: positionals[0] ?? 'content', remote: values.remote, store, persistTo: values['persist-to'] }).catch((error: unknown) => {
    console.error(error instanceof PushError ? error.message : error)
    process.exit(1)
  })
}
