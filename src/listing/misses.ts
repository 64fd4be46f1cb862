/**
 * Slugs the index recently said no article has, remembered by this isolate for a minute: scanners
 * ask for the same few paths (`/wp-login.php`, `/.env`) over and over, and each repeat then costs
 * nothing at all. A minute is as long as a newly published slug's address without a language may
 * still say 404 here; its `/<lang>/<slug>` page is not affected.
 */
const REMEMBER_MS = 60_000
/** Bounded, so a scan of a million different paths cannot grow the isolate's memory. */
const MAX_SLUGS = 5_000

const misses = new Map<string, number>()

/** Whether the index said, within the last minute, that no article has this slug. */
export function knownMiss(slug: string, now = Date.now()): boolean {
  const until = misses.get(slug)
  if (until === undefined) return false
  if (until > now) return true
  misses.delete(slug)
  return false
}

export function rememberMiss(slug: string, now = Date.now()): void {
  if (misses.size >= MAX_SLUGS) misses.delete(misses.keys().next().value!)
  misses.set(slug, now + REMEMBER_MS)
}
