/**
 * The one rule for an article's dates, whichever way it arrives. `firstUploaded` (the index's
 * `first_seen`) is its first sighting and never moves; `modified` moves only when content different
 * from the previous version's arrives: a re-upload, a rename or a re-read is not an update a reader
 * needs to hear about.
 */
import { formatOf } from '../parse/body'
import { metadataDate, type SourceFile, type SourceMetadata } from '../source/store'

/** The metadata a version sent by a publisher (API, content:push, a live save) is stored with. */
export const metadataFor = (
  fileName: string,
  sha256: string,
  now: Date,
  previous?: SourceMetadata,
): SourceMetadata => {
  const changed = previous?.sha256 !== undefined && previous.sha256 !== sha256
  // Hand-edited metadata may hold anything: a date that does not parse is as good as none.
  const modified = changed ? now.toISOString() : metadataDate(previous?.modified)?.toISOString()
  return {
    fileName,
    format: formatOf(fileName) ?? 'html',
    sha256,
    uploaded: now.toISOString(),
    firstUploaded: metadataDate(previous?.firstUploaded)?.toISOString() ?? now.toISOString(),
    ...(modified && { modified }),
    ...(previous?.image && { image: previous.image }),
  }
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
