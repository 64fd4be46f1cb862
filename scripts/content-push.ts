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
import { commandLine, storeOption, usageError } from './lib/args'
import { readSiteConfig } from './lib/config'
import { checkContent, type CheckedContent } from './lib/content'
import { bringMedia } from './lib/media/content'
import type { MediaOptions } from './lib/media/fetch'
import { MEDIA_ARGS, MEDIA_HELP, mediaOptionsFrom, MediaUsageError } from './lib/media/options'
import { formatMediaReport } from './lib/media/report'
import { isMain } from './lib/is-main'
import { reportIssues, reportPlan } from './lib/push-report'
import { applyPlan, pictureChanges, pushPurgeTarget } from './lib/push-write'
import { pushProfiles, readProfiles } from './lib/authors'
import { CredentialsMissing } from './lib/wrangler'
import { MigrationFailed } from './lib/migrate'
import { metadataFor, planPush } from './lib/plan'
import { purgeAfterPush, type PurgeTarget } from './lib/purge'
import { openStorage, type Storage } from './lib/storage'
import type { MediaMap } from '../src/media/urls'

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
    const plan = planPush(checked.files, {
      invalid: checked.invalid,
      stored,
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
    reportPlan(plan, {
      held: { drafts, scheduled },
      where: options.dryRun
        ? `${storage.description} (dry run, nothing changed)`
        : storage.description,
      log,
    })
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
    const profiles = await pushProfiles(storage, {
      languages: config.languages,
      profiles: authors.profiles,
      log,
    })
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
