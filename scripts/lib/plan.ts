/**
 * What a push will do, decided before anything is written: which files are new, changed or
 * unchanged (by SHA-256 and file name), which articles exist only in storage and which of those go.
 * Pure: the same inputs give the same plan, for `--dry-run` and for the real push alike.
 */
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

export function planPush(
  files: ContentFile[],
  invalid: string[],
  stored: Map<string, StoredEntry>,
  options: { now: string; prune?: boolean; remove?: string[] },
): PushPlan {
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
    if (previous?.metadata.sha256 === file.sha256 && previous.metadata.fileName === file.path) {
      plan.unchanged.push(file.key)
      plan.metadata.set(file.key, previous.metadata)
      continue
    }
    ;(previous ? plan.changed : plan.added).push(file.key)
    plan.metadata.set(file.key, {
      fileName: file.path,
      format: file.format,
      sha256: file.sha256,
      uploaded: options.now,
      firstUploaded: previous?.metadata.firstUploaded ?? options.now,
    })
  }
  const local = new Set([...files.map((f) => f.key), ...invalid])
  plan.onlyInStorage = [...stored.keys()].filter((key) => !local.has(key))
  plan.removed = options.prune
    ? plan.onlyInStorage
    : plan.onlyInStorage.filter((key) => options.remove?.includes(key))
  return plan
}
