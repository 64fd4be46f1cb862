/**
 * What a push will do, decided before anything is written: which files are new, changed or
 * unchanged (by SHA-256 and file name), which articles exist only in storage and which of those go.
 * Pure: the same inputs give the same plan, for `--dry-run` and for the real push alike.
 */
import { metadataFor as storedMetadata } from '../../src/publish/publish'
import type { SourceMetadata, StoredEntry } from '../../src/source/store'
import type { ContentFile } from './content'

export interface PushPlan {
  added: string[]
  changed: string[]
  unchanged: string[]
  /** In storage but not in the folder. */
  onlyInStorage: string[]
  /** Of those, the ones to delete (`--prune`, or files deleted while watching). */
  removed: string[]
  /** What to store beside each file in the folder (new uploads get `now` as their upload time). */
  metadata: Map<string, SourceMetadata>
}

/** What a file is stored with: its stored metadata when unchanged, else new upload times (the first kept). */
export function metadataFor(
  file: ContentFile,
  previous: StoredEntry | undefined,
  now: string,
): SourceMetadata {
  if (unchanged(file, previous)) return previous!.metadata
  // The same rule as the publishing API (the measured image is measured again by the push).
  const { image: _measured, ...metadata } = storedMetadata({
    fileName: file.path,
    sha256: file.sha256,
    now: new Date(now),
    previous: previous?.metadata,
  })
  return { ...metadata, format: file.format }
}

const unchanged = (file: ContentFile, previous: StoredEntry | undefined) =>
  previous?.metadata.sha256 === file.sha256 && previous.metadata.fileName === file.path

export function planPush(
  files: ContentFile[],
  options: {
    /** Keys of files that failed their checks: never pushed, never pruned. */
    invalid: string[]
    stored: Map<string, StoredEntry>
    now: string
    prune?: boolean
    remove?: string[]
  },
): PushPlan {
  const { invalid, stored } = options
  const plan: PushPlan = {
    added: [],
    changed: [],
    unchanged: [],
    onlyInStorage: [],
    removed: [],
    metadata: new Map(),
  }
  for (const file of files) {
    const previous = stored.get(file.key)
    ;(unchanged(file, previous) ? plan.unchanged : previous ? plan.changed : plan.added).push(
      file.key,
    )
    plan.metadata.set(file.key, metadataFor(file, previous, options.now))
  }
  const local = new Set([...files.map((f) => f.key), ...invalid])
  plan.onlyInStorage = [...stored.keys()].filter((key) => !local.has(key))
  plan.removed = options.prune
    ? plan.onlyInStorage
    : plan.onlyInStorage.filter((key) => options.remove?.includes(key))
  return plan
}
