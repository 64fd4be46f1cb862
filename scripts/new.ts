/**
 * npm run new -- <lang> <slug> [--author "이름"]
 *
 * Creates content/<lang>/<slug>.md as a draft (`published: false`: stored, never served) with the
 * front matter filled in: a title to replace, no publication date (the article is dated when it goes
 * live; a commented `date:` line shows the format, in the site's time zone, for another time), the
 * language, the author (from --author, else the ARTICLE_AUTHOR setting, else asked for in a terminal;
 * left as a commented line when none is given). Prints the file and the address it will have. Refuses to overwrite, including a file
 * that would have the same URL (`2024-06-19-<slug>.html`). Loads only the settings, not wrangler.
 */
import { readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createInterface } from 'node:readline/promises'
import { commandLine, usageError } from './lib/args'
import { slugFromFileName } from '../src/parse/date'
import { checkSlug } from '../src/source/keys'
import { readSiteConfig } from './lib/config'
import { isMain } from './lib/is-main'

const PLACEHOLDER: Record<string, { title: string; body: string }> = {
  ko: { title: '새 기사 제목', body: '여기에 본문을 Markdown으로 씁니다.' },
  ja: { title: '新しい記事のタイトル', body: 'ここに本文をMarkdownで書きます。' },
  en: { title: 'New article title', body: 'Write the body here, in Markdown.' },
}

/** `2026-11-26 09:30:00 +0900` in the given zone: the front matter date format Jekyll uses. */
export function localTimestamp(now: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'longOffset',
    })
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  )
  const offset = (parts.timeZoneName as string).replace('GMT', '').replace(':', '') || '+0000'
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second} ${offset}`
}

/** The author: given, from the ARTICLE_AUTHOR setting, or asked for when a person is at the terminal. */
async function authorOf(given: string | undefined): Promise<string | undefined> {
  if (given !== undefined) return given
  if (process.env.ARTICLE_AUTHOR) return process.env.ARTICLE_AUTHOR
  if (!process.stdin.isTTY) return undefined
  const prompt = createInterface({ input: process.stdin, output: process.stdout })
  try {
    return (await prompt.question('author (Enter to leave it for later): ')).trim() || undefined
  } finally {
    prompt.close()
  }
}

export async function createArticle(options: {
  dir: string
  lang: string
  slug: string
  now?: Date
  /** The byline's name; none leaves a commented `author:` line to fill in. */
  author?: string
}): Promise<string> {
  const config = await readSiteConfig()
  if (!config.languages.includes(options.lang))
    throw new Error(`${options.lang} is not one of LANGUAGES (${config.languages.join(', ')})`)
  const slug = checkSlug(options.slug)
  const folder = join(options.dir, options.lang)
  const taken = (await readdir(folder).catch(() => [] as string[])).find(
    (name) => slugFromFileName(name) === slug,
  )
  if (taken)
    throw new Error(
      `${join(folder, taken)} already exists with the URL /${options.lang}/${slug}; not overwriting it`,
    )
  const text = PLACEHOLDER[options.lang] ?? PLACEHOLDER.en!
  const path = join(folder, `${slug}.md`)
  const author = options.author?.trim()
  const byline = author
    ? `author: ${JSON.stringify(author)}`
    : '# author: 이름 (the byline; or set ARTICLE_AUTHOR, or npm run new -- --author)'
  // No `date`: an article is published when it goes live, not when its draft was made. The
  // commented line shows the format for an author who wants another time (or to schedule it).
  const dateHint = `# Dated when it goes live. For another time (or to schedule it), uncomment and set:\n# date: ${localTimestamp(options.now ?? new Date(), config.timeZone)}`
  const source = `---\ntitle: ${JSON.stringify(text.title)}\n${dateHint}\nlang: ${options.lang}\n${byline}\ncategories: []\ntags: []\n# A draft: stored, not served. Delete the next line to publish.\npublished: false\n---\n\n${text.body}\n`
  await writeFile(path, source, { flag: 'wx' }) // wx: fail rather than overwrite, even in a race
  return path
}

if (isMain(import.meta.url)) {
  const usage = 'usage: npm run new -- <lang> <slug> [--author "이름"]'
  const help = {
    usage,
    text: `${usage}\n  Creates content/<lang>/<slug>.md as a draft (published: false) and prints its address.\n  It is dated when it goes live, unless you write a date.`,
  }
  const args = commandLine({ author: { type: 'string' } }, help)
  const [lang, slug] = args.positionals
  if (!lang || !slug) usageError('give the language and the slug', help)
  authorOf(args.values.author)
    .then((author) => createArticle({ dir: 'content', lang, slug, author }))
    .then(
      async (path) => {
        const { devPort } = await readSiteConfig()
        console.log(`✓ created ${path}: a draft (published: false), not served yet`)
        console.log(
          `  write it, delete the published: false line, and with npm start running it is live at http://127.0.0.1:${devPort}/${lang}/${encodeURIComponent(slug)}`,
        )
      },
      (error: unknown) => {
        console.error(`✗ ${(error as Error).message}`)
        process.exit(1)
      },
    )
}
