/**
 * npm run import:wordpress -- <export.xml> [--out content] [--lang ko] [--since 2024-01-01]
 *   [--skip-unpublished] [--verify] [--report <file>] [--media keep|download …]
 *
 * Turns a WordPress export (WXR 1.0–1.2) into article files under `<out>/<lang>/`, one per post and
 * page, and prints a report accounting for every item of the export. Exit code 1 when an item is
 * unaccounted for or a post failed (or, with --verify, a rendered article differs from the export),
 * 2 on bad arguments or an unreadable file. See docs/importing.md.
 */
import { writeFile } from 'node:fs/promises'
import { commandLine, usageError } from './lib/args'
import { checkOrigin } from '../src/meta/article-checks'
import { parseDate } from '../src/parse/date'
import { readSiteConfig } from './lib/config'
import { isMain } from './lib/is-main'
import { MediaFetcher, type MediaOptions } from './lib/media/fetch'
import { MEDIA_ARGS, MEDIA_HELP, mediaOptionsFrom, MediaUsageError } from './lib/media/options'
import { formatMediaReport } from './lib/media/report'
import { importWordPress } from './lib/wordpress/importer'
import { exportCounts, verifyImport, type Verified } from './lib/wordpress/verify'

export interface ImportCommand {
  file: string
  out?: string
  lang?: string
  since?: string
  skipUnpublished?: boolean
  verify?: boolean
  reportFile?: string
  /** `--media download`: fetch the images into `<out>/media/` (undefined: leave them remote). */
  media?: Omit<MediaOptions, 'contentDir'>
  log?: (line: string) => void
}

export async function runImport(command: ImportCommand): Promise<{ ok: boolean; text: string }> {
  const log = command.log ?? console.log
  const config = await readSiteConfig()
  let since: Date | undefined
  if (command.since) {
    const parsed = parseDate(command.since, config.timeZone)
    if (!parsed) throw new UsageError(`--since ${command.since}: expected a date like 2024-06-19`)
    since = parsed
  }
  const written: Verified[] = []
  const out = command.out ?? 'content'
  const media = command.media && new MediaFetcher({ ...command.media, contentDir: out })
  const { report, site } = await importWordPress(
    {
      file: command.file,
      out,
      ...(command.lang && { lang: command.lang }),
      ...(since && { since }),
      skipUnpublished: !!command.skipUnpublished,
      timeZone: config.timeZone,
      imageHosts: config.imageHosts,
      siteOrigin: checkOrigin(config.baseUrl),
      defaultLang: config.defaultLang,
      ...(media && { media }),
    },
    command.verify
      ? ({ key, path, title, id, raw }, s) =>
          written.push({ key, path, title, expected: exportCounts(raw, s, id) })
      : undefined,
  )
  const lines = [
    report.format({
      imageHosts: config.imageHosts,
      out: `${out}/${site.lang}/`,
      ...(media && { media: `${out}/media/` }),
    }),
  ]
  if (media) lines.push(formatMediaReport(media))
  if (!config.languages.includes(site.lang))
    lines.push(
      `⚠ ${site.lang} is not one of LANGUAGES (${config.languages.join(',')}): add it in wrangler.toml [vars] or import with --lang`,
    )
  let ok = report.balanced
  if (command.verify) {
    const verified = await verifyImport(out, written, config)
    lines.push(...verified.lines)
    ok &&= verified.ok
  }
  const text = lines.join('\n')
  log(text)
  if (command.reportFile) await writeFile(command.reportFile, `${text}\n`)
  return { ok, text }
}

class UsageError extends Error {}

const USAGE =
  'usage: npm run import:wordpress -- <export.xml> [--out content] [--lang ko] [--since 2024-01-01] [--skip-unpublished] [--verify] [--report file] [--media keep|download]'

const HELP = `${USAGE}

Turns a WordPress export (WXR) into article files under <out>/<lang>/ and prints a report
accounting for every item. See docs/importing.md.

  --out <folder>        the content folder (default content)
  --lang <tag>          the URL language (default: the export's <language>, else DEFAULT_LANG)
  --since <date>        only posts published or modified since the date (read in TIME_ZONE)
  --skip-unpublished    leave drafts, private, password-protected and scheduled posts out
  --verify              build each imported file through the site's pipeline and compare
  --report <file>       also write the report to a file

${MEDIA_HELP.replaceAll('<content>', '<out>')}

Exit code 0: every item accounted for; 1: an item unaccounted for or a post not written (or a
--verify difference); 2: bad arguments or an unreadable export. An image that could not be fetched
keeps its URL and is listed; it does not change the exit code.`

if (isMain(import.meta.url)) {
  const help = { usage: USAGE, text: HELP }
  const parsed = commandLine(
    {
      out: { type: 'string' },
      lang: { type: 'string' },
      since: { type: 'string' },
      'skip-unpublished': { type: 'boolean', default: false },
      verify: { type: 'boolean', default: false },
      report: { type: 'string' },
      ...MEDIA_ARGS,
    },
    help,
  )
  const file = parsed.positionals[0]
  if (!file || parsed.positionals.length > 1)
    usageError(file ? 'one export file at a time' : 'which export? give the WXR file', help)
  let media
  try {
    media = mediaOptionsFrom(parsed.values)
  } catch (error) {
    if (!(error instanceof MediaUsageError)) throw error
    usageError(error.message, help)
  }
  runImport({
    file,
    ...(parsed.values.out && { out: parsed.values.out }),
    ...(parsed.values.lang && { lang: parsed.values.lang }),
    ...(parsed.values.since && { since: parsed.values.since }),
    skipUnpublished: parsed.values['skip-unpublished'],
    verify: parsed.values.verify,
    ...(parsed.values.report && { reportFile: parsed.values.report }),
    ...(media && { media }),
  }).then(
    ({ ok }) => process.exit(ok ? 0 : 1),
    (error: unknown) => {
      console.error(
        `✗ ${error instanceof UsageError || (error as NodeJS.ErrnoException).code === 'ENOENT' ? (error as Error).message : String((error as Error).stack ?? error)}`,
      )
      process.exit(2)
    },
  )
}
