/**
 * The one rule for an article's dates, whichever way it arrives. `firstUploaded` (the index's
 * `first_seen`, and the publication time of an article that writes no `date`) is the upload of its
 * first version readers could see, and never moves after that: a draft, or a version held back by
 * its date or embargo, of an article that has never been live keeps none (`settledMetadata`), so
 * the draft's creation is not its publication. `modified` moves only when content different from the
 * previous version's arrives after the article first went live: a re-upload, a rename, a re-read or
 * an edit made while it was a draft or scheduled is not an update a reader needs to hear about.
 */
import { formatOf } from '../parse/body'
import { metadataDate } from '../source/metadata'
import type { SourceFile, SourceMetadata } from '../source/store'

/** The metadata a version sent by a publisher (API, content:push, a live save) is stored with. */
export const metadataFor = ({
  fileName,
  sha256,
  now,
  previous,
}: {
  fileName: string
  /** The new version's hash. */
  sha256: string
  now: Date
  /** The stored version's metadata, if there is one. */
  previous?: SourceMetadata | undefined
}): SourceMetadata => {
  // Hand-edited metadata may hold anything: a date that does not parse is as good as none.
  const firstLive = metadataDate(previous?.firstUploaded)
  const changed = previous?.sha256 !== undefined && previous.sha256 !== sha256
  // Only an article that has been live can be updated: before that, every edit is the first version.
  const modified = firstLive
    ? changed
      ? now.toISOString()
      : metadataDate(previous?.modified)?.toISOString()
    : undefined
  return {
    fileName,
    format: formatOf(fileName) ?? 'html',
    sha256,
    uploaded: now.toISOString(),
    firstUploaded: firstLive?.toISOString() ?? now.toISOString(),
    ...(modified && { modified }),
    ...(previous?.image && { image: previous.image }),
  }
}

/**
 * What a version is stored with once it is known whether readers see it (`live`: published, and its
 * date and embargo passed). A version nobody sees, of an article never live before (no first upload
 * in `previous`), keeps no first upload and no update: its first live version's upload will be its
 * publication time. The article built with the unsettled metadata is the same (a draft is not served;
 * a held-back article's time is its own `date` or embargo, never an upload).
 */
export function settledMetadata(
  metadata: SourceMetadata,
  live: boolean,
  previous: SourceMetadata | undefined,
): SourceMetadata {
  if (live || metadataDate(previous?.firstUploaded)) return metadata
  const { firstUploaded: _notYet, modified: _never, ...rest } = metadata
  return rest
}

/**
 * The dates of a source found in a store (put there by hand, or ahead of the index), given what the
 * index knew of the article: a source with no upload times is first seen now, or when the index
 * first saw it; a hand-put version replacing another the index knew is a real update, seen now.
 */
export function foundDates(
  source: Pick<SourceFile, 'etag' | 'firstUploaded' | 'modified' | 'recorded'>,
  indexed: { first_seen: string; source_sha256: string } | undefined,
  now: Date,
): { firstUploaded: Date; modified?: Date } {
  const firstUploaded = source.firstUploaded ?? (indexed ? new Date(indexed.first_seen) : now)
  const replaced = !source.recorded && indexed && indexed.source_sha256 !== source.etag
  const modified = source.modified ?? (replaced ? now : undefined)
  return { firstUploaded, ...(modified && { modified }) }
}
