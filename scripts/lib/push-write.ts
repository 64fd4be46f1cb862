/**
 * content:push's writes: the plan made real through the Worker's own writer, the pictures uploaded
 * first, what the index lacks indexed, and the changed pages purged.
 */
import { validateSource } from '../../src/publish/publish'
import type { ArticleChange } from '../../src/publish/changes'
import type { Article } from '../../src/schema/article'
import type { SourceMetadata } from '../../src/source/store'
import type { ScriptConfig } from './config'
import type { CheckedContent, ContentFile } from './content'
import { probeImage, ProbeError } from './image-probe'
import type { PushPlan } from './plan'
import { indexedVersions } from '../../src/listing/indexed'
import { purgeAfterPush, purgeTarget } from './purge'
import type { Storage, Written } from './storage'
import { sameMedia } from './media'
import { readManifest } from '../../src/media/manifest'
import { splitArticleKey } from '../../src/source/keys'
import type { PushOptions, PushResult } from '../content-push'
import { progressLine } from './push-report'

/**
 * Publishes the new and changed files with the Worker's own writer (derived article, source, index
 * row), deletes what goes, indexes files the index lacks, then purges what changed.
 */
export async function applyPlan(push: {
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
          { checked, metadata: plan.metadata, log },
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
export const pushPurgeTarget = (config: ScriptConfig, options: PushOptions) =>
  purgeTarget({
    remote: options.remote,
    baseUrl: config.baseUrl,
    devPort: config.devPort,
    given: options.purge,
    privateStore: !!options.persistTo,
  })

/**
 * Files whose source is unchanged but whose pictures are not what storage recorded (a picture
 * replaced under the same name) are changed: their pages get the new addresses.
 */
export async function pictureChanges(storage: Storage, files: ContentFile[], plan: PushPlan) {
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
  {
    checked,
    metadata,
    log,
  }: {
    checked: CheckedContent
    /** The metadata each file is pushed with, where measured sizes are added. */
    metadata: Map<string, SourceMetadata>
    log: (line: string) => void
  },
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
