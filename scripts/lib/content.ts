/**
 * Reads the publisher's files from content/ and checks each one with the Worker's own pipeline,
 * so a file that passes here renders at the edge.
 */
import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import type { SiteConfig } from '../../src/config'
import { AppError } from '../../src/errors'
import { detectLanguage } from '../../src/meta/language'
import { formatOf } from '../../src/parse/body'
import { articleChecks, checkOrigin } from '../../src/meta/article-checks'
import type { PreviewIssue } from '../../src/meta/checks'
import { checkText } from '../../src/i18n/checks'
import { buildOrigin, rebase, storedArticle } from '../../src/articles/derived'
import { validateSource } from '../../src/publish/publish'
import { checkSourceSize, type SourceMetadata } from '../../src/source/store'
import type { Article, SourceFormat } from '../../src/schema/article'
import { slugFromFileName } from '../../src/parse/date'
import { articleKey, checkSlug } from '../../src/source/keys'
import type { MediaMap } from '../../src/media/urls'
import { findMedia, type MediaUpload } from './media'

export interface ContentFile {
  /** Path relative to the content folder, with `/`: `ko/2024-06-20-seoul-heatwave.md`. */
  path: string
  key: string
  format: SourceFormat
  bytes: Uint8Array
  sha256: string
  /** The pictures hosted with the site that it uses, and their files to upload (lib/media.ts). */
  media?: MediaMap
  uploads?: MediaUpload[]
}

export type FileIssue = PreviewIssue & { path: string; key: string }

/** `ko/a.html: [X, LinkedIn] The title is 85 characters; X shows at most 70.` (page issues: `[page]`) */
export function describeIssue(issue: FileIssue): string {
  const where = issue.platforms.length ? issue.platforms.join(', ') : 'page'
  return `${issue.path}: [${where}] ${issue.level === 'error' ? 'error: ' : ''}${checkText(issue, 'en')}`
}

export interface CheckedContent {
  files: ContentFile[]
  articles: Map<string, Article>
  errors: string[]
  /** The same failures with their file and (when it could be worked out) URL key. */
  failed: { path: string; key?: string; message: string }[]
  /** Keys of the files that failed (their URL could be worked out): their stored versions stay. */
  invalid: string[]
  /** What the inspector would flag (link previews, and images the page's CSP blocks), per file. */
  issues: FileIssue[]
}

/**
 * Every article file under `dir`, validated by building it once, as the read path will;
 * `errors` lists each bad one with file, line, key and reason. `metadataOf` gives the metadata a push
 * will store with a file (its upload times date an article that has no date of its own).
 */
export async function checkContent(
  dir: string,
  config: SiteConfig,
  metadataOf: (file: ContentFile) => SourceMetadata = (file) => ({ sha256: file.sha256 }),
): Promise<CheckedContent> {
  const files: ContentFile[] = []
  const articles = new Map<string, Article>()
  const errors: string[] = []
  const failed: CheckedContent['failed'] = []
  const issues: FileIssue[] = []
  const invalid: string[] = []
  const byKey = new Map<string, string>()
  for (const absolute of await walk(dir)) {
    const path = relative(dir, absolute).split(sep).join('/')
    if (!formatOf(path)) continue
    const bytes = new Uint8Array(await readFile(absolute))
    let key: string | undefined
    try {
      key = keyFor(path, bytes, config)
      const earlier = byKey.get(key)
      if (earlier) throw sameUrl(key, earlier, path)
      byKey.set(key, path)
      const checked = checkFile({ path, key, bytes, metadataOf, dir }, config)
      files.push(checked.file)
      articles.set(key, checked.article)
      issues.push(...checked.issues)
    } catch (error) {
      const message = describeError(error, path)
      errors.push(message)
      failed.push({ path, key, message })
      if (key) invalid.push(key)
    }
  }
  return { files, articles, errors, failed, issues, invalid }
}

export const sameUrl = (key: string, earlier: string, path: string) =>
  new AppError('SOURCE_INVALID', `same URL /${key} as ${earlier}; rename one of them`, {
    file: path,
  })

/** `ko/a.md:2:8: invalid YAML: …`: where and what, for the terminal. */
export const describeError = (error: unknown, path: string) =>
  error instanceof AppError ? error.describe() : `${path}: ${String(error)}`

/**
 * One file, built exactly as the read path builds it (for the placeholder origin), and what the
 * inspector would flag on its page; throws an AppError naming file, line and key.
 */
export function checkFile(
  given: {
    /** Relative to the content folder, as errors name it. */
    path: string
    key: string
    bytes: Uint8Array
    metadataOf: (file: ContentFile) => SourceMetadata
    /** The content folder: pictures the article uses from it are hosted with it. */
    dir?: string
  },
  config: SiteConfig,
): { file: ContentFile; article: Article; issues: FileIssue[] } {
  const { path, key, bytes, metadataOf, dir } = given
  checkSourceSize(bytes.byteLength, config.maxSourceBytes, path)
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  const file: ContentFile = { path, key, format: formatOf(path) ?? 'html', bytes, sha256 }
  const metadata = metadataOf(file)
  const source = { bytes, key, fileName: path, format: file.format, metadata }
  let article = validateSource(source, config)
  if (dir !== undefined) {
    // Built again with its pictures' addresses, as the push stores it.
    const found = findMedia(article, { dir, origin: buildOrigin(config), file: path })
    file.media = found.media
    file.uploads = found.uploads
    if (found.uploads.length) article = validateSource({ ...source, media: found.media }, config)
  }
  const issues: FileIssue[] = []
  if (article.published) {
    // Judged as the deployed site will serve it (or some public https site, without BASE_URL).
    const served = rebase(storedArticle(article, buildOrigin(config)), checkOrigin(config.baseUrl))
    const site = {
      siteName: config.siteName,
      twitterSite: config.twitterSite,
      shareImages: config.shareImages,
      homeUrl: `${checkOrigin(config.baseUrl)}/${article.lang}/`,
    }
    // Notes (how a platform cuts the text) are for the inspector's mock-ups, not the terminal.
    for (const issue of articleChecks(served, site, config.imageHosts))
      if (issue.level !== 'note') issues.push({ ...issue, path, key })
  }
  return { file, article, issues }
}

/**
 * `ko/2024-06-20-seoul-heatwave.md` → `ko/seoul-heatwave`. A file outside a language folder gets the
 * language its text is written in.
 */
export function keyFor(path: string, bytes: Uint8Array, config: SiteConfig): string {
  const parts = path.split('/')
  const name = parts.pop()!
  const slug = checkFileSlug(slugFromFileName(name), path)
  const folder = parts[0]
  if (parts.length > 1 || (folder && !config.languages.includes(folder))) {
    throw new AppError(
      'SOURCE_INVALID',
      `put articles in a language folder: one of ${config.languages.join(', ')}`,
      { file: path },
    )
  }
  const detected = detectLanguage(new TextDecoder().decode(bytes))
  const lang =
    folder ?? (detected && config.languages.includes(detected) ? detected : config.defaultLang)
  return articleKey(lang, slug)
}

function checkFileSlug(slug: string, file: string): string {
  try {
    return checkSlug(slug)
  } catch (error) {
    throw new AppError(
      'SOURCE_INVALID',
      `the file name does not make a valid URL: ${(error as Error).message}`,
      { file },
    )
  }
}

/** Every file under `dir` (hidden ones left out), in name order. */
export async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true })
  const nested = await Promise.all(
    entries
      .filter((e) => !e.name.startsWith('.'))
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((e) =>
        e.isDirectory() ? walk(join(dir, e.name)) : Promise.resolve([join(dir, e.name)]),
      ),
  )
  return nested.flat()
}
