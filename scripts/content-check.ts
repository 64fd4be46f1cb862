/**
 * npm run content:check [-- <folder>] [--strict]
 *
 * Validates every article file exactly as content:push would and runs the inspector's checks (link
 * previews, and images the page's CSP would block). Exit code 1 on errors (and on warnings with
 * --strict), 0 otherwise; the last line is a summary a CI log can show. Loads no wrangler: it needs
 * only the settings and the pipeline.
 */
import { commandLine } from './lib/args'
import { readSiteConfig, readWranglerToml } from './lib/config'
import { isMain } from './lib/is-main'
import { describeTime, isScheduled, liveAt } from '../src/publish/schedule'
import { checkContent, describeIssue, type ContentFile, type FileIssue } from './lib/content'
import { checkSections } from './lib/sections-check'
import { readProfiles, unknownAuthors } from './lib/authors'

export async function check(options: {
  dir: string
  strict?: boolean
  log?: (line: string) => void
}): Promise<{ ok: boolean; files: number; errors: string[]; issues: FileIssue[] }> {
  const log = options.log ?? console.log
  const config = await readSiteConfig()
  const checked = await checkContent(options.dir, config)
  const sections = await checkSections(
    options.dir,
    [...checked.articles].map(([key, a]) => ({ key, categories: a.categories })),
  )
  const imageWarnings = await imagesBindingWarnings(checked.files)
  const authors = await readProfiles(options.dir)
  const paths = new Map(checked.files.map((f) => [f.key, f.path]))
  const authorWarnings = unknownAuthors(
    checked.articles,
    authors.profiles,
    (key) => paths.get(key) ?? key,
  )
  for (const error of authors.errors) log(`✗ ${error}`)
  for (const warning of authorWarnings) log(`⚠ ${warning}`)
  for (const error of sections.errors) log(`✗ ${error}`)
  for (const warning of [...sections.warnings, ...imageWarnings]) log(`⚠ ${warning}`)
  for (const error of checked.errors) log(`✗ ${error}`)
  const now = new Date()
  for (const file of checked.files) {
    const article = checked.articles.get(file.key)!
    const at = isScheduled(article, now) && liveAt(article)
    if (at) log(`⏱ ${file.path}: scheduled for ${describeTime(at, config.timeZone)}`)
  }
  // Grouped by file, each group ending with where the inspector shows that article's cards.
  const byKey = new Map<string, FileIssue[]>()
  for (const issue of checked.issues) byKey.set(issue.key, [...(byKey.get(issue.key) ?? []), issue])
  for (const [key, issues] of byKey) {
    for (const issue of issues)
      log(`${issue.level === 'error' ? '✗' : '⚠'} ${describeIssue(issue)}`)
    log(`  ↳ every card: http://127.0.0.1:${config.devPort}/preview/${key} (while npm start runs)`)
  }
  const problems = checked.issues.filter((i) => i.level === 'error').length
  const errors = checked.errors.length + problems + sections.errors.length + authors.errors.length
  const warnings =
    checked.issues.length -
    problems +
    sections.warnings.length +
    imageWarnings.length +
    authorWarnings.length
  const files = checked.files.length + checked.errors.length
  const ok = errors === 0 && (!options.strict || warnings === 0)
  log(
    `${ok ? '✓' : '✗'} content:check: ${files} file(s), ${errors} error(s), ${warnings} warning(s)${options.strict ? ' (strict: warnings fail)' : ''}`,
  )
  return { ok, files, errors: [...authors.errors, ...checked.errors], issues: checked.issues }
}

/**
 * Pictures hosted with the site need the Images binding for their variants: without it every
 * reader gets the full-size original (the Worker logs a warning per request). Said here, before a deploy.
 */
export async function imagesBindingWarnings(
  files: ContentFile[],
  configPath = 'wrangler.toml',
): Promise<string[]> {
  const hosted = files.filter((f) => f.uploads?.length).length
  if (!hosted) return []
  const toml = await readWranglerToml(configPath)
  if (toml.images?.binding === 'IMAGES') return []
  return [
    `wrangler.toml has no [images] binding = "IMAGES": the pictures of ${hosted} article(s) would be served at full size, with no srcset variants or crops (docs/images.md)`,
  ]
}

if (isMain(import.meta.url)) {
  const { values, positionals } = commandLine(
    { strict: { type: 'boolean', default: false } },
    { usage: 'usage: npm run content:check -- [<folder>] [--strict]' },
  )
  check({ dir: positionals[0] ?? 'content', strict: values.strict }).then(
    ({ ok }) => process.exit(ok ? 0 : 1),
    (error: unknown) => {
      console.error(error)
      process.exit(2)
    },
  )
}
