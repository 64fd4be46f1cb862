/**
 * npm run content:push [-- <folder>] [--remote] [--store kv|r2] [--dry-run] [--prune]
 *
 * Validates every article file, then uploads the new and changed ones with their metadata (and the
 * measured size of each new main image), then the article index listings read. One invalid file and
 * nothing is uploaded. Unchanged files are skipped by SHA-256. Articles in storage but not in the
 * folder are kept unless --prune.
 */
import { parseArgs } from 'node:util'
import { buildIndexes, entriesOf, indexEntry } from '../src/listing/build'
import { validateSource } from '../src/publish/publish'
import { indexKey, LanguageIndex, type IndexEntry } from '../src/schema/listing'
import { encodeFileName, type SourceMetadata } from '../src/source/store'
import { readSiteConfig, type ScriptConfig } from './lib/config'
import { checkContent, type CheckedContent, type ContentFile } from './lib/content'
import { probeImage, ProbeError } from './lib/image-probe'
import { callPurge, purgeLocal, purgeRemote } from './lib/purge'
import { openStorage, type Storage } from './lib/storage'

export interface PushResult {
  added: string[]
  changed: string[]
  unchanged: string[]
  /** In storage but not in the folder: kept, or deleted with `prune` (or `remove`). */
  onlyInStorage: string[]
  deleted: string[]
  /** Files refused by validation (only with `skipInvalid`; otherwise the push throws). */
  invalid: string[]
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
  /** Watch mode: upload the valid files, report the invalid ones and keep their stored versions. */
  skipInvalid?: boolean
  /** Watch mode: these keys' files were deleted; delete them from storage too. */
  remove?: string[]
  /** List each link-preview warning (default), or only count them (npm start). */
  warnings?: 'list' | 'count'
  /** Measure new main images over the network (default true). */
  probeImages?: boolean
  /** Which running Worker to purge after a change: by default the `npm start` server (local) or BASE_URL (remote). */
  purge?: false | { origin: string; token: string }
  /** An open storage to reuse (watch mode keeps one); otherwise opened and closed here. */
  storage?: Storage
  log?: (line: string) => void
}

/** Workers KV's limit on a key's metadata, serialized as JSON. */
const KV_METADATA_LIMIT = 1024

/** Images on the site itself stay root-relative in the index; this origin marks them while building. */
const SITE = 'https://site.invalid'

export async function push(options: PushOptions): Promise<PushResult> {
  const log = options.log ?? console.log
  const config = readSiteConfig(options.configPath)
  const checked = await checkContent(options.dir, config)
  if (checked.errors.length && !options.skipInvalid) {
    throw new PushError(
      `${checked.errors.length} invalid file(s); nothing was uploaded:\n${checked.errors.map((e) => `  ✗ ${e}`).join('\n')}`,
    )
  }
  for (const error of checked.errors) log(`  ✗ ${error} (the stored version stays)`)
  if (checked.warnings.length && options.warnings === 'count') {
    log(
      `⚠ ${checked.warnings.length} link-preview warning(s): npm run content:check lists them, /preview/<lang>/<slug> shows them`,
    )
  } else if (checked.warnings.length) {
    log(`⚠ ${checked.warnings.length} link-preview warning(s) (see /preview/<lang>/<slug>):`)
    for (const warning of checked.warnings) log(`  ⚠ ${warning}`)
  }
  const storage =
    options.storage ??
    (await openStorage(options.store ?? config.sources[0]!, {
      remote: options.remote,
      persistTo: options.persistTo,
      configPath: options.configPath,
    }))
  try {
    return await pushTo(storage, config, checked, options, log)
  } finally {
    if (!options.storage) await storage.close()
  }
}

async function pushTo(
  storage: Storage,
  config: ScriptConfig,
  checked: CheckedContent,
  options: PushOptions,
  log: (line: string) => void,
): Promise<PushResult> {
  const stored = await storage.list()
  const now = new Date().toISOString()
  const result: PushResult = {
    added: [],
    changed: [],
    unchanged: [],
    onlyInStorage: [],
    deleted: [],
    invalid: checked.invalid,
    indexes: [],
  }
  const metadata = new Map<string, SourceMetadata>()
  for (const file of checked.files) {
    const previous = stored.get(file.key)
    if (
      previous?.metadata.sha256 === file.sha256 &&
      previous.metadata.fileName === encodeFileName(file.path)
    ) {
      result.unchanged.push(file.key)
      metadata.set(file.key, previous.metadata)
      continue
    }
    ;(previous ? result.changed : result.added).push(file.key)
    const firstUploaded = previous?.metadata.firstUploaded ?? now
    metadata.set(file.key, {
      fileName: encodeFileName(file.path),
      format: file.format,
      sha256: file.sha256,
      uploaded: now,
      firstUploaded,
    })
  }
  const local = new Set([...checked.files.map((f) => f.key), ...checked.invalid])
  result.onlyInStorage = [...stored.keys()].filter((key) => !local.has(key))
  const removed = options.prune
    ? result.onlyInStorage
    : result.onlyInStorage.filter((key) => options.remove?.includes(key))

  const prefix = options.dryRun
    ? `${storage.description} (dry run, nothing changed)`
    : storage.description
  const kept = result.onlyInStorage.length - removed.length
  log(
    `${prefix}: ${result.added.length} added, ${result.changed.length} changed, ${result.unchanged.length} unchanged, ${removed.length} removed` +
      (kept ? `, ${kept} only in storage (kept; --prune removes them)` : ''),
  )
  for (const key of result.added) log(`  + /${key}`)
  for (const key of result.changed) log(`  ~ /${key}`)
  for (const key of result.onlyInStorage) log(`  ${removed.includes(key) ? '-' : '?'} /${key}`)
  if (options.dryRun) {
    result.deleted = removed
    return result
  }

  const byKey = new Map(checked.files.map((f) => [f.key, f]))
  const touched = [...result.added, ...result.changed]
  if (options.probeImages ?? true)
    await measureImages(
      touched.map((key) => byKey.get(key)!),
      checked,
      metadata,
      log,
    )
  for (const key of touched) await storage.put(key, byKey.get(key)!.bytes, metadata.get(key)!)
  for (const key of removed) {
    await storage.delete(key)
    result.deleted.push(key)
  }
  result.indexes = await writeIndexes(storage, config, checked.files, metadata, result)

  const changed = [...touched, ...result.deleted]
  if (changed.length || result.indexes.length) {
    if (options.purge)
      await callPurge(options.purge.origin, options.purge.token, {
        keys: changed,
        listings: result.indexes,
      })
    else if (options.purge === false || options.persistTo) {
      // a private store: no running server caches it
    } else if (options.remote)
      await purgeRemote(changed, result.indexes, config.baseUrl, process.env.ADMIN_TOKEN, log)
    else await purgeLocal(changed, result.indexes, config.devPort, log)
  }
  return result
}

/** Adds the measured size of each main image that has none in its front matter; offline, says so once. */
async function measureImages(
  files: ContentFile[],
  checked: CheckedContent,
  metadata: Map<string, SourceMetadata>,
  log: (line: string) => void,
) {
  for (const file of files) {
    const image = checked.articles.get(file.key)?.image
    // Relative (on-site) images are measured where they are served, not here.
    if (!image || (image.width && image.height) || image.written || !/^https?:\/\//.test(image.url))
      continue
    try {
      const facts = await probeImage(image.url)
      const withImage = {
        ...metadata.get(file.key)!,
        imageUrl: image.url,
        imageWidth: String(facts.width),
        imageHeight: String(facts.height),
        imageType: facts.type,
      }
      // KV metadata holds at most 1024 bytes; a long image URL beside a long Hangul file name may not fit.
      if (JSON.stringify(withImage).length > KV_METADATA_LIMIT) {
        log(
          `  ⚠ ${file.path}: image ${facts.width}×${facts.height} measured, but its URL is too long to store beside the file; write image.width and image.height instead`,
        )
        continue
      }
      metadata.set(file.key, withImage)
      log(`  ▣ ${file.path}: image ${facts.width}×${facts.height} ${facts.type}`)
    } catch (error) {
      if (error instanceof ProbeError && error.offline) {
        log('  (offline: image sizes not measured this time)')
        return
      }
      log(`  ⚠ ${file.path}: image size not measured: ${(error as Error).message}`)
    }
  }
}

/**
 * Rewrites each language's index: entries for the pushed files (dated with their upload times when
 * they have no date), and the previous entries of articles only in storage, unless they were removed.
 */
async function writeIndexes(
  storage: Storage,
  config: ScriptConfig,
  files: ContentFile[],
  metadata: Map<string, SourceMetadata>,
  result: PushResult,
): Promise<string[]> {
  const previous: LanguageIndex[] = []
  for (const lang of config.languages) {
    const parsed = LanguageIndex.safeParse(
      JSON.parse((await storage.getText(indexKey(lang))) ?? 'null'),
    )
    if (parsed.success) previous.push(parsed.data)
  }
  const entries = new Map<string, IndexEntry>(
    [...entriesOf(previous)].filter(
      ([key]) => result.onlyInStorage.includes(key) && !result.deleted.includes(key),
    ),
  )
  for (const file of files) {
    const article = validateSource(
      file.bytes,
      file.key,
      file.path,
      file.format,
      metadata.get(file.key)!,
      config,
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
  push({
    dir: positionals[0] ?? 'content',
    remote: values.remote,
    store,
    persistTo: values['persist-to'],
    dryRun: values['dry-run'],
    prune: values.prune,
  }).catch((error: unknown) => {
    console.error(error instanceof PushError ? error.message : error)
    process.exit(1)
  })
}
