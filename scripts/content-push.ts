/**
 * npm run content:push [-- <folder>] [--remote] [--store kv|r2] [--dry-run] [--prune]
 *
 * Validates every article file, then uploads the new and changed ones with their metadata, then the
 * article index listings read. One invalid file and nothing is uploaded. Unchanged files are skipped
 * by SHA-256. Articles in storage but not in the folder are kept unless --prune.
 */
import { parseArgs } from 'node:util'
import { buildIndexes, indexEntry } from '../src/listing/build'
import { buildArticle } from '../src/pipeline'
import { IndexEntry, indexKey, LanguageIndex } from '../src/schema/listing'
import { encodeFileName, type SourceMetadata } from '../src/source/store'
import { readSiteConfig } from './lib/config'
import { checkContent, type ContentFile } from './lib/content'
import { purgeLocal, purgeRemote } from './lib/purge'
import { openStorage, type Storage } from './lib/storage'

export interface PushResult {
  added: string[]
  changed: string[]
  unchanged: string[]
  /** In storage but not in the folder: kept, or deleted with `prune`. */
  onlyInStorage: string[]
  deleted: string[]
  /** Languages whose index was rewritten. */
  indexes: string[]
}

export interface PushOptions {
  dir: string
  remote: boolean
  store?: 'kv' | 'r2'
  persistTo?: string
  configPath?: string
  dryRun?: boolean
  prune?: boolean
  log?: (line: string) => void
}

/** Images on the site itself stay root-relative in the index; this origin marks them while building. */
const SITE = 'https://site.invalid'

export async function push(options: PushOptions): Promise<PushResult> {
  const log = options.log ?? console.log
  const config = readSiteConfig(options.configPath)
  const checked = await checkContent(options.dir, config)
  if (checked.errors.length) {
    throw new PushError(`${checked.errors.length} invalid file(s); nothing was uploaded:\n${checked.errors.map((e) => `  ✗ ${e}`).join('\n')}`)
  }
  if (checked.warnings.length) {
    log(`⚠ ${checked.warnings.length} link-preview warning(s) (see /preview/<lang>/<slug>):`)
    for (const warning of checked.warnings) log(`  ⚠ ${warning}`)
  }
  const store = options.store ?? config.sources[0]!
  const storage = await openStorage(store, { remote: options.remote, persistTo: options.persistTo, configPath: options.configPath })
  try {
    const stored = await storage.list()
    const now = new Date().toISOString()
    const result: PushResult = { added: [], changed: [], unchanged: [], onlyInStorage: [], deleted: [], indexes: [] }
    const metadata = new Map<string, SourceMetadata>()
    for (const file of checked.files) {
      const previous = stored.get(file.key)
      if (previous?.metadata.sha256 === file.sha256 && previous.metadata.fileName === encodeFileName(file.path)) {
        result.unchanged.push(file.key)
        metadata.set(file.key, previous.metadata)
        continue
      }
      ;(previous ? result.changed : result.added).push(file.key)
      const firstUploaded = previous?.metadata.firstUploaded ?? now
      metadata.set(file.key, { fileName: encodeFileName(file.path), format: file.format, sha256: file.sha256, uploaded: now, firstUploaded })
    }
    const local = new Set(checked.files.map((f) => f.key))
    result.onlyInStorage = [...stored.keys()].filter((key) => !local.has(key))
    const removed = options.prune ? result.onlyInStorage : []

    const prefix = options.dryRun ? `${storage.description} (dry run, nothing changed)` : storage.description
    log(
      `${prefix}: ${result.added.length} added, ${result.changed.length} changed, ${result.unchanged.length} unchanged` +
        (removed.length ? `, ${removed.length} removed` : result.onlyInStorage.length ? `, ${result.onlyInStorage.length} only in storage (kept; --prune removes)` : ''),
    )
    for (const key of result.added) log(`  + /${key}`)
    for (const key of result.changed) log(`  ~ /${key}`)
    for (const key of result.onlyInStorage) log(`  ${options.prune ? '-' : '?'} /${key}`)
    if (options.dryRun) return result

    const byKey = new Map(checked.files.map((f) => [f.key, f]))
    for (const key of [...result.added, ...result.changed]) await storage.put(key, byKey.get(key)!.bytes, metadata.get(key)!)
    for (const key of removed) {
      await storage.delete(key)
      result.deleted.push(key)
    }
    result.indexes = await writeIndexes(storage, config, checked.files, metadata, result)

    const touched = [...result.added, ...result.changed, ...result.deleted]
    if ((touched.length || result.indexes.length) && !options.persistTo) {
      if (options.remote) await purgeRemote(touched, result.indexes, config.baseUrl, process.env.ADMIN_TOKEN, log)
      else await purgeLocal(touched, result.indexes, config.devPort, log)
    }
    return result
  } finally {
    await storage.close()
  }
}

/**
 * Rewrites each language's index: entries for the pushed files (dated with their upload times when
 * they have no date), and the previous entries of articles only in storage, unless they were pruned.
 */
async function writeIndexes(
  storage: Storage,
  config: ReturnType<typeof readSiteConfig>,
  files: ContentFile[],
  metadata: Map<string, SourceMetadata>,
  result: PushResult,
): Promise<string[]> {
  const entries = new Map<string, IndexEntry>()
  for (const lang of config.languages) {
    const previous = LanguageIndex.safeParse(JSON.parse((await storage.getText(indexKey(lang))) ?? 'null'))
    if (!previous.success) continue
    for (const entry of previous.data.articles) {
      const key = `${lang}/${entry.slug}`
      if (result.onlyInStorage.includes(key) && !result.deleted.includes(key)) entries.set(key, entry)
    }
  }
  for (const file of files) {
    const meta = metadata.get(file.key)!
    const article = buildArticle(
      {
        key: file.key,
        bytes: file.bytes.buffer.slice(file.bytes.byteOffset, file.bytes.byteOffset + file.bytes.byteLength) as ArrayBuffer,
        etag: file.sha256,
        store: 'kv',
        fileName: file.path,
        format: file.format,
        uploaded: meta.uploaded ? new Date(meta.uploaded) : undefined,
        firstUploaded: meta.firstUploaded ? new Date(meta.firstUploaded) : undefined,
      },
      { baseUrl: SITE, timeZone: config.timeZone, defaultLang: config.defaultLang },
    )
    if (article.published) entries.set(file.key, indexEntry(article, SITE))
  }
  const written: string[] = []
  for (const index of buildIndexes(entries, config.languages)) {
    const text = JSON.stringify(index)
    if ((await storage.getText(indexKey(index.lang))) === text) continue
    await storage.put(indexKey(index.lang), new TextEncoder().encode(text), {})
    written.push(index.lang)
  }
  return written
}

export class PushError extends Error {
  override name = 'PushError'
}

const isMain = import.meta.url === `file://${process.argv[1]}`
if (isMain) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      remote: { type: 'boolean', default: false },
      store: { type: 'string' },
      'persist-to': { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      prune: { type: 'boolean', default: false },
    },
  })
  const store = values.store
  if (store !== undefined && store !== 'kv' && store !== 'r2') {
    console.error(`--store must be kv or r2, got ${store}`)
    process.exit(2)
  }
  push({ dir: positionals[0] ?? 'content', remote: values.remote, store, persistTo: values['persist-to'], dryRun: values['dry-run'], prune: values.prune }).catch(
    (error: unknown) => {
      console.error(error instanceof PushError ? error.message : error)
      process.exit(1)
    },
  )
}
