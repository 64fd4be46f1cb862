/**
 * What content:push prints: the plan (one line per article, the first hundred), the page and
 * link-preview issues, and a progress line for long pushes.
 */
import { describeIssue, type FileIssue } from './content'
import type { PushPlan } from './plan'
import type { PushOptions } from '../content-push'

/** The page and link-preview issues: each in full, or (npm start) the page-breaking ones and a count. */
export function reportIssues(
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
export function reportPlan(
  plan: PushPlan,
  {
    held,
    where,
    log,
  }: {
    held: { drafts: Set<string>; scheduled: Map<string, string> }
    /** The storage's name, as the report says it. */
    where: string
    log: (line: string) => void
  },
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

/** `  1,200/3,000 articles · 410/s · 4 s left`, at most every two seconds, and once at the end. */
export function progressLine(log: (line: string) => void) {
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
