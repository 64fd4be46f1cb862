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
import { previewChecks } from '../../src/meta/checks'
import { pageMeta } from '../../src/meta/page'
import { usesCard } from '../../src/meta/share-image'
import { buildOrigin, rebase, storedArticle } from '../../src/articles/derived'
import { validateSource } from '../../src/publish/publish'
import { checkSourceSize, type SourceMetadata } from '../../src/source/store'
import type { Article, SourceFormat } from '../../src/schema/article'
import { slugFromFileName } from '../../src/parse/date'
import { articleKey, checkSlug } from '../../src/source/keys'

export interface ContentFile {
  /** Path relative to the content folder, with `/`: `ko/2024-06-20-seoul-heatwave.md`. */
  path: string
  key: string
  format: SourceFormat
  bytes: Uint8Array
  sha256: string
}

export interface CheckedContent {
  files: ContentFile[]
  articles: Map<string, Article>
  errors: string[]
  /** Keys of the files that failed (their URL could be worked out): their stored versions stay. */
  invalid: string[]
  /** Link-preview problems (the inspector's checks): `ko/a.html: [X, LinkedIn] the title is 85 characters…` */
  warnings: string[]
}

/** Checks judge URLs as the deployed site will serve them; without BASE_URL, as some public https site. */
const checkOrigin = (config: SiteConfig) => config.baseUrl || 'https://example.com'

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
  const warnings: string[] = []
  const invalid: string[] = []
  const byKey = new Map<string, string>()
  for (const absolute of await walk(dir)) {
    const path = relative(dir, absolute).split(sep).join('/')
    const format = formatOf(path)
    if (!format) continue
    const bytes = new Uint8Array(await readFile(absolute))
    let key: string | undefined
    try {
      key = keyFor(path, bytes, config)
      const earlier = byKey.get(key)
      if (earlier)
        throw new AppError('SOURCE_INVALID', `same URL /${key} as ${earlier}; rename one of them`, {
          file: path,
        })
      byKey.set(key, path)
      checkSourceSize(bytes.byteLength, config.maxSourceBytes, path)
      const sha256 = createHash('sha256').update(bytes).digest('hex')
      // Built exactly as the read path builds it (for the placeholder origin), once per file.
      const file: ContentFile = { path, key, format, bytes, sha256 }
      const article = validateSource(bytes, key, path, format, metadataOf(file), config)
      files.push(file)
      articles.set(key, article)
      if (article.published) {
        // Judged as the deployed site will serve it (or some public https site, without BASE_URL).
        const served = rebase(storedArticle(article, buildOrigin(config)), checkOrigin(config)).head
        const site = {
          siteName: config.siteName,
          twitterSite: config.twitterSite,
          shareImages: config.shareImages,
          homeUrl: `${checkOrigin(config)}/${article.lang}/`,
        }
        const own = !usesCard(served, config.shareImages)
        for (const issue of previewChecks(pageMeta(served, site).tags, {
          writtenImage: own ? served.image?.written : undefined,
        })) {
          warnings.push(
            `${path}: [${issue.platforms.join(', ')}] ${issue.level === 'error' ? 'error: ' : ''}${issue.message}`,
          )
        }
      }
    } catch (error) {
      errors.push(error instanceof AppError ? error.describe() : `${path}: ${String(error)}`)
      if (key) invalid.push(key)
    }
  }
  return { files, articles, errors, warnings, invalid }
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

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true })
  const nested = await Promise.all(
    entries
      .filter((e) => !e.name.startsWith('.'))
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)])),
  )
  return nested.flat()
}
