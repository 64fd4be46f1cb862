/**
 * npm run content:push [-- <folder>] [--remote] [--store kv|r2] [--dry-run] [--prune]
 *   [--media keep|download …]
 *
 * With --media download, first fetches the remote images the files reference into
 * `<folder>/media/` and rewrites those files in place to point at them. Then validates every article file, then uploads the new and changed ones with their metadata (and the
 * measured size of each new main image), then the article index listings read. One invalid file and
 * nothing is uploaded. Unchanged files are skipped by SHA-256. Articles in storage but not in the
 * folder are kept unless --prune.
 */
import { describeTime, isScheduled, liveAt } from '../src/publish/schedule'
import { join } from 'node:path'
import { validateSource } from '../src/publish/publish'
import type { ArticleChange } from '../src/publish/write'
import type { Article } from '../src/schema/article'
import type { SourceMetadata } from '../src/source/store'
import { commandLine, storeOption, usageError } from './lib/args'
import { readSiteConfig, type ScriptConfig } from './lib/config'
import {
  checkContent,
  describeIssue,
  type CheckedContent,
  type ContentFile,
  type FileIssue,
} from './lib/content'
import { probeImage, ProbeError } from './lib/image-probe'
import { bringMedia } from './lib/media/content'
import type { MediaOptions } from './lib/media/fetch'
import { MEDIA_ARGS, MEDIA_HELP, mediaOptionsFrom, MediaUsageError } from './lib/media/options'
import { formatMediaReport } from './lib/media/report'
import { isMain } from './lib/is-main'
import { pushProfiles, readProfiles } from './lib/authors'
import { CredentialsMissing } from './lib/wrangler'
import { MigrationFailed } from './lib/migrate'
import { metadataFor, planPush, type PushPlan } from './lib/plan'
import { indexedVersions } from '../src/listing/indexed'
import { purgeAfterPush, purgeTarget, type PurgeTarget } from './lib/purge'
import { openStorage, type Storage, type Written } from './lib/storage'
import { sameMedia } from './lib/media'
import { readManifest } from '../src/media/manifest'
import type { MediaMap } from '../src/media/urls'
import { splitArticleKey } from '../src/source/keys'

export interface PushResult {
  added: string[]
  changed: string[]
  unchanged: string[]
  /** In storage but not in the folder: kept, or deleted with `prune` (or `remove`). */
  onlyInStorage: string[]
  deleted: string[]
  /** Files refused by validation (only with `skipInvalid`; otherwise the push throws). */
  invalid: string[]
  /** The same, with file and message (only with `skipInvalid`): the caller says what readers get. */
  failed: CheckedContent['failed']
  /** Which file gives which URL, for every file in the folder whose URL could be worked out. */
  paths: Map<string, string>
  /** The pictures hosted with the site each valid file uses (files that use none are left out). */
  pictures: Map<string, MediaMap>
  /** Languages whose index was rewritten. */
  indexes: string[]
  /** Author profiles stored because they were new or changed. */
  authors?: string[]
  /** Files that were valid but could not be written (storage failed), with why; the rest were. */
  unwritten: { path: string; key: string; message: string }[]
}

export interface PushOptions {
  dir: string
  remote: boolean
  store?: 'kv' | 'r2'
  /** The local state's `v3` folder (default .wrangler/state/v3, where npm start keeps it). */
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
  purge?: PurgeTarget
  /**
   * `--media download`: before anything else, fetch the files' remote images into `<dir>/media/` and
   * rewrite the files in place to point at them (undefined: leave them remote).
   */
  media?: Omit<MediaOptions, 'contentDir'>
  /** An open storage to reuse (watch mode keeps one); otherwise opened and closed here. */
  storage?: Storage
  log?: (line: string) => void
}

export class PushError extends Error {
  override name = 'PushError'
}

export async function push(options: PushOptions): Promise<PushResult> {
  const log = options.log ?? console.log
  if (options.media) {
    if (options.dryRun)
      throw new PushError('--media download rewrites files; it cannot be part of a --dry-run')
    const { fetcher } = await bringMedia(options.dir, options.media, log)
    log(formatMediaReport(fetcher))
  }
  const config = await readSiteConfig(options.configPath)
  const storage =
    options.storage ?? (await openStorage(options.store ?? config.sources[0]!, config, options))
  try {
    const stored = await storage.list()
    const now = new Date().toISOString()
    // Each file is built once, with the metadata it will be stored with.
    const checked = await checkContent(options.dir, config, (file) =>
      metadataFor(file, stored.get(file.key), now),
    )
    const authors = await readProfiles(options.dir)
    const errors = [...authors.errors, ...checked.errors]
    if (errors.length && !options.skipInvalid) {
      throw new PushError(
        `${errors.length} invalid file(s); nothing was uploaded:\n${errors.map((e) => `  ✗ ${e}`).join('\n')}`,
      )
    }
    // Watch mode: a broken profile keeps its stored version, like a broken article.
    for (const error of authors.errors) log(`✗ ${error}`)
    reportIssues(checked.issues, options.warnings, log)
    const plan = planPush(checked.files, checked.invalid, stored, {
      now,
      prune: options.prune,
      remove: options.remove,
    })
    await pictureChanges(storage, checked.files, plan)
    const drafts = new Set(
      [...checked.articles].filter(([, article]) => !article.published).map(([key]) => key),
    )
    // Held back by a future date or an embargo: stored, served from their time on.
    const scheduled = new Map(
      [...checked.articles]
        .filter(([, article]) => isScheduled(article, new Date(now)))
        .map(([key, article]) => [key, describeTime(liveAt(article)!, config.timeZone)]),
    )
    reportPlan(
      plan,
      { drafts, scheduled },
      options.dryRun ? `${storage.description} (dry run, nothing changed)` : storage.description,
      log,
    )
    const result: PushResult = {
      added: plan.added,
      changed: plan.changed,
      unchanged: plan.unchanged,
      onlyInStorage: plan.onlyInStorage,
      deleted: [],
      invalid: checked.invalid,
      failed: checked.failed,
      paths: new Map([
        ...checked.files.map((f) => [f.path, f.key] as const),
        ...checked.failed.flatMap((f) => (f.key ? [[f.path, f.key] as const] : [])),
      ]),
      pictures: new Map(
        checked.files.flatMap((f) =>
          f.media && Object.keys(f.media).length ? [[f.path, f.media] as const] : [],
        ),
      ),
      indexes: [],
      unwritten: [],
    }
    if (options.dryRun) return { ...result, deleted: plan.removed }
    await applyPlan({ storage, config, checked, plan, result, options, log })
    // Profiles after the articles, so the index already lists the articles whose pages show them.
    const profiles = await pushProfiles(storage, config.languages, authors.profiles, log)
    result.authors = profiles.changed
    if (profiles.tags.length)
      await purgeAfterPush(pushPurgeTarget(config, options), profiles.tags, {
        devPort: config.devPort,
        log,
      })
    return result
  } finally {
    if (!options.storage) await storage.close()
  }
}

function reportIssues(
  issues: FileIssue[],
  mode: PushOptions['warnings'],
  log: (line: string) => void,
) {
  if (!issues.length) return
  const errors = issues.filter((i) => i.level === 'error')
  if (mode === 'count') {
    // The page-breaking ones always in full: a blocked image is an empty box on the page.
    for (const issue of errors) log(`✗ ${describeIssue(issue)}`)
    const warnings = issues.length - errors.length
    if (warnings)
      log(
        `⚠ ${warnings} link-preview warning(s): npm run content:check lists them, /preview/<lang>/<slug> shows them`,
      )
    return
  }
  log(`⚠ ${issues.length} page or link-preview issue(s) (see /preview/<lang>/<slug>):`)
  for (const issue of issues)
    log(`  ${issue.level === 'error' ? '✗' : '⚠'} ${describeIssue(issue)}`)
}

/** Articles named one per line in a push's summary. */
const LISTED = 100

/** One line per article; a draft is stored but never served, so it gets no URL-looking `+`. */
function reportPlan(
  plan: PushPlan,
  held: { drafts: Set<string>; scheduled: Map<string, string> },
  where: string,
  log: (line: string) => void,
) {
  const kept = plan.onlyInStorage.length - plan.removed.length
  log(
    `${where}: ${plan.added.length} added, ${plan.changed.length} changed, ${plan.unchanged.length} unchanged, ${plan.removed.length} removed` +
      (kept ? `, ${kept} only in storage (kept; --prune removes them)` : ''),
  )
  const line = (key: string, mark: string) =>
    held.drafts.has(key)
      ? `  · ${key}: draft (published: false), stored, not served`
      : held.scheduled.has(key)
        ? `  ⏱ /${key} scheduled for ${held.scheduled.get(key)!}: stored, not served until then`
        : `  ${mark} /${key}`
  // An archive's first push lists its first hundred lines, not thirty thousand.
  const shown = [...plan.added.map((key) => ['+', key]), ...plan.changed.map((key) => ['~', key])]
  for (const [sign, key] of shown.slice(0, LISTED)) log(line(key!, sign!))
  if (shown.length > LISTED) log(`  … and ${shown.length - LISTED} more`)
  for (const key of plan.onlyInStorage) log(`  ${plan.removed.includes(key) ? '-' : '?'} /${key}`)
}

/**
 * Publishes the new and changed files with the Worker's own writer (derived article, source, index
 * row), deletes what goes, indexes files the index lacks, then purges what changed.
 */
async function applyPlan(push: {
  storage: Storage
  config: ScriptConfig
  checked: CheckedContent
  plan: PushPlan
  result: PushResult
  options: PushOptions
  log: (line: string) => void
}) {
  const { storage, config, checked, plan, result, options, log } = push
  const byKey = new Map(checked.files.map((f) => [f.key, f]))
  const touched = [...plan.added, ...plan.changed]
  const measured =
    (options.probeImages ?? true)
      ? await measureImages(
          touched.map((key) => byKey.get(key)!),
          checked,
          plan.metadata,
          log,
        )
      : new Set<string>()
  // Files the index does not have at this version (a fresh local database, say) are indexed too.
  const stale = await unindexed(
    storage.db,
    plan.unchanged.map((key) => byKey.get(key)!),
  )
  const added = new Set(plan.added)
  const changes: ArticleChange[] = [
    ...[...touched, ...stale].map((key): ArticleChange => {
      const file = byKey.get(key)!
      const metadata = plan.metadata.get(key)!
      const article = measured.has(key)
        ? validateSource(
            {
              bytes: file.bytes,
              key,
              fileName: file.path,
              format: file.format,
              metadata,
              ...(file.media && { media: file.media }),
            },
            config,
          )
        : checked.articles.get(key)!
      return {
        kind: 'publish',
        key,
        bytes: file.bytes,
        fileName: file.path,
        checked: { metadata, article },
        isNew: added.has(key),
        media: file.media ?? {},
      }
    }),
    ...plan.removed.map((key): ArticleChange => ({ kind: 'unpublish', key })),
  ]
  if (!changes.length) return
  const uploads = [...touched, ...stale].flatMap((key) => byKey.get(key)!.uploads ?? [])
  if (uploads.length) {
    const sent = await storage.putMedia(uploads)
    if (sent) log(`  ▣ ${sent} picture(s) uploaded to R2 (${uploads.length - sent} already there)`)
  }
  const purge = pushPurgeTarget(config, options)
  if (purge === false && options.remote && options.purge === undefined) {
    log(
      '  cache: set BASE_URL and ADMIN_TOKEN to purge at once; until then the edge serves the old pages (CACHE_EDGE_SECONDS with Workers Cache, CACHE_FRESH_SECONDS without)',
    )
  }
  const written = await storage.write(changes, changes.length > 200 ? progressLine(log) : undefined)
  if (written.tags.length)
    await purgeAfterPush(purge, written.tags, { devPort: config.devPort, log })
  const failed = new Set(written.failed.map((f) => f.key))
  result.deleted = plan.removed.filter((key) => !failed.has(key))
  result.unwritten = written.failed.map((f) => ({
    path: byKey.get(f.key)?.path ?? f.key,
    key: f.key,
    message: f.message,
  }))
  result.indexes = [...new Set(written.changes.map((c) => c.key.slice(0, c.key.indexOf('/'))))]
  if (result.unwritten.length) {
    log(`✗ ${result.unwritten.length} file(s) not written (the rest were); push again to retry:`)
    for (const f of result.unwritten) log(`  ✗ ${f.path}: ${f.message}`)
  }
}

/** Which running Worker a push purges (see PushOptions.purge). */
const pushPurgeTarget = (config: ScriptConfig, options: PushOptions) =>
  purgeTarget({
    remote: options.remote,
    baseUrl: config.baseUrl,
    devPort: config.devPort,
    given: options.purge,
    privateStore: !!options.persistTo,
  })

/** `  1,200/3,000 articles · 410/s · 4 s left`, at most every two seconds, and once at the end. */
function progressLine(log: (line: string) => void) {
  const started = performance.now()
  let shown = 0
  return (done: number, total: number) => {
    const now = performance.now()
    if (done < total && now - shown < 2_000) return
    shown = now
    const perSecond = (done * 1000) / Math.max(1, now - started)
    const left = Math.ceil((total - done) / Math.max(perSecond, 0.001))
    log(
      `  ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} articles · ${Math.round(perSecond)}/s · ${done < total ? `${left} s left` : `${((now - started) / 1000).toFixed(1)} s`}`,
    )
  }
}

/**
 * Files whose source is unchanged but whose pictures are not what storage recorded (a picture
 * replaced under the same name) are changed: their pages get the new addresses.
 */
async function pictureChanges(storage: Storage, files: ContentFile[], plan: PushPlan) {
  const unchanged = new Set(plan.unchanged)
  for (const file of files) {
    if (!unchanged.has(file.key) || !file.media || !Object.keys(file.media).length) continue
    const { lang, slug } = splitArticleKey(file.key)
    if (sameMedia(file.media, await readManifest(storage.internal, lang, slug))) continue
    plan.unchanged = plan.unchanged.filter((key) => key !== file.key)
    plan.changed.push(file.key)
  }
}

/** Stores one validated file with the one writer (derived article, source, index row), then purges. */
export async function publishFile(
  storage: Storage,
  built: { file: ContentFile; article: Article; metadata: SourceMetadata },
  purge: (tags: string[]) => Promise<unknown>,
): Promise<Written> {
  const { file } = built
  if (file.uploads?.length) await storage.putMedia(file.uploads)
  const written = await storage.write([
    {
      kind: 'publish',
      key: file.key,
      bytes: file.bytes,
      fileName: file.path,
      checked: { metadata: built.metadata, article: built.article },
      media: file.media ?? {},
    },
  ])
  if (written.failed[0]) throw new Error(written.failed[0].message)
  if (written.tags.length) await purge(written.tags)
  return written
}

/** Of these files, the keys the index does not hold at their version (one index seek a key). */
async function unindexed(db: D1Database, files: ContentFile[]): Promise<string[]> {
  const indexed = await indexedVersions(
    db,
    { storageTimeoutMs: 600_000 },
    files.map((f) => f.key),
  )
  return files.filter((f) => indexed.get(f.key) !== f.sha256).map((f) => f.key)
}

/** Adds the measured size of each main image that has none in its front matter; offline, says so once. */
async function measureImages(
  files: ContentFile[],
  checked: CheckedContent,
  metadata: Map<string, SourceMetadata>,
  log: (line: string) => void,
): Promise<Set<string>> {
  const measured = new Set<string>()
  for (const file of files) {
    const image = checked.articles.get(file.key)?.image
    // Relative (on-site) images are measured where they are served, not here.
    if (!image || (image.width && image.height) || image.written || !/^https?:\/\//.test(image.url))
      continue
    try {
      const facts = await probeImage(image.url)
      metadata.set(file.key, { ...metadata.get(file.key)!, image: { url: image.url, ...facts } })
      measured.add(file.key)
      log(`  ▣ ${file.path}: image ${facts.width}×${facts.height} ${facts.type}`)
    } catch (error) {
      if (error instanceof ProbeError && error.offline) {
        log('  (offline: image sizes not measured this time)')
        return measured
      }
      log(`  ⚠ ${file.path}: image size not measured: ${(error as Error).message}`)
    }
  }
  return measured
}

const HELP = `usage: npm run content:push -- [<folder>] [--remote] [--store kv|r2] [--dry-run] [--prune] [--media keep|download]

Validates every article file under <folder> (default content), then uploads the new and changed
ones; one invalid file and nothing is uploaded. See docs/publishing.md.

  --remote           the deployed KV/R2 and D1 index (default: the local ones npm start uses)
  --store kv|r2      where article sources go (default: the first of SOURCES)
  --persist-to <dir> a private local state folder instead of .wrangler/state
  --dry-run          say what would change; change nothing
  --prune            also delete articles no longer in the folder

${MEDIA_HELP}
                             With --media download, content:push REWRITES the article files in
                             place (each one whole, and only when an image was brought in) before
                             it validates and uploads them; it cannot be combined with --dry-run.`

if (isMain(import.meta.url)) {
  const help = { usage: HELP.slice(0, HELP.indexOf('\n')), text: HELP }
  const { values, positionals } = commandLine(
    {
      remote: { type: 'boolean', default: false },
      store: { type: 'string' },
      'persist-to': { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      prune: { type: 'boolean', default: false },
      ...MEDIA_ARGS,
    },
    help,
  )
  let media
  try {
    media = mediaOptionsFrom(values)
  } catch (error) {
    if (!(error instanceof MediaUsageError)) throw error
    usageError(error.message, help)
  }
  const store = storeOption(values.store, help)
  push({
    dir: positionals[0] ?? 'content',
    remote: values.remote,
    store,
    // As wrangler's own --persist-to: the folder that holds v3/.
    persistTo: values['persist-to'] && join(values['persist-to'], 'v3'),
    dryRun: values['dry-run'],
    prune: values.prune,
    ...(media && { media }),
  }).then(
    (result) => {
      if (result.unwritten.length) process.exitCode = 1
    },
    (error: unknown) => {
      console.error(
        error instanceof PushError ||
          error instanceof CredentialsMissing ||
          error instanceof MigrationFailed
          ? error.message
          : error,
      )
      process.exit(1)
    },
  )
}
