/**
 * npm run content:check [-- <folder>] [--strict]
 *
 * Validates every article file exactly as content:push would and runs the link-preview checks.
 * Exit code 1 on errors (and on warnings with --strict), 0 otherwise; the last line is a summary a CI
 * log can show.
 */
import { parseArgs } from 'node:util'
import { readSiteConfig } from './lib/config'
import { isMain } from './lib/is-main'
import { checkContent } from './lib/content'

export async function check(options: {
  dir: string
  strict?: boolean
  log?: (line: string) => void
}): Promise<{ ok: boolean; files: number; errors: string[]; warnings: string[] }> {
  const log = options.log ?? console.log
  const checked = await checkContent(options.dir, await readSiteConfig())
  for (const error of checked.errors) log(`✗ ${error}`)
  for (const warning of checked.warnings) log(`⚠ ${warning}`)
  const files = checked.files.length + checked.errors.length
  const ok = checked.errors.length === 0 && (!options.strict || checked.warnings.length === 0)
  log(
    `${ok ? '✓' : '✗'} content:check: ${files} file(s), ${checked.errors.length} error(s), ${checked.warnings.length} warning(s)${options.strict ? ' (strict: warnings fail)' : ''}`,
  )
  return { ok, files, errors: checked.errors, warnings: checked.warnings }
}

if (isMain(import.meta.url)) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { strict: { type: 'boolean', default: false } },
  })
  check({ dir: positionals[0] ?? 'content', strict: values.strict }).then(
    ({ ok }) => process.exit(ok ? 0 : 1),
    (error: unknown) => {
      console.error(error)
      process.exit(2)
    },
  )
}
