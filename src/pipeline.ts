/**
 * source → parse → transform → enrich: a stored file becomes an Article. Pure: no bindings,
 * no clock; everything that varies comes in through `ctx`.
 */
import { AppError } from './errors'
import { bodyToHtml, formatOf, parseBody } from './parse/body'
import { dateFromFileName, parseDate, toZonedIso } from './parse/date'
import { decodeSource } from './parse/decode'
import { parseFrontMatter, splitFrontMatter } from './parse/front-matter'
import { LIMITS } from './parse/limits'
import { detectLanguage } from './meta/language'
import { readingMinutes } from './meta/reading-time'
import { truncate } from './meta/text'
import {
  AUTHOR_ID,
  KNOWN_KEYS,
  type Article,
  type ArticleImage,
  type Author,
  type FrontMatter,
  type Heading,
  type SourceFormat,
} from './schema/article'
import type { MeasuredImage, SourceFile } from './source/store'
import { cleanup, dropHeroImage } from './transform/cleanup'
import { outline } from './transform/headings'
import { rewriteLinks } from './transform/links'
import { hostedAt, hostImages } from './transform/media'
import { sanitize } from './transform/sanitize'
import { mediaPath, type HostedImage } from './media/urls'
import { serialize } from './transform/serialize'
import { collapse, firstImage, firstParagraph, plainText } from './transform/text'

export interface PipelineContext {
  /** Absolute origin articles are served from, e.g. `https://news.example`. */
  baseUrl: string
  timeZone: string
  /** The language of last resort, when neither the front matter, the path nor the text says. */
  defaultLang?: string
}

/**
 * Bump when the pipeline's or the renderer's output changes: no cached page and no derived article
 * from an older version is served; derived articles are rebuilt from their sources on first read.
 */
export const RENDERER_VERSION = '7'

/**
 * The origin an article is built for when the real one is not known yet (at push and publish time):
 * index entries keep on-site URLs relative to it. `.invalid` can never be a real host.
 */
export const PLACEHOLDER_ORIGIN = 'https://site.invalid'

/** Meta descriptions are cut to about this many characters (Google shows ~160). */
export const DESCRIPTION_LENGTH = 160

export function buildArticle(source: SourceFile, ctx: PipelineContext): Article {
  const file = source.fileName ?? source.key
  const [lang = '', ...rest] = source.key.split('/')
  const slug = rest.join('/')
  const text = decodeSource(source.bytes, file)
  const split = splitFrontMatter(text, file)
  const fm = parseFrontMatter(split, file)
  const format: SourceFormat =
    source.format ?? formatOf(file) ?? (/^\s*</.test(split.body) ? 'html' : 'md')

  const url = fm.canonical_url ?? `${ctx.baseUrl}/${lang}/${encodeURIComponent(slug)}`
  const ownUrl = `${ctx.baseUrl}/${lang}/${encodeURIComponent(slug)}`
  // Markdown's lines are counted in the HTML it makes, so only an HTML body's line numbers are the file's.
  const root = parseBody(
    bodyToHtml(split.body, format, { file, firstLine: split.bodyLine }),
    file,
    format === 'html' ? split.bodyLine : undefined,
  )
  sanitize(root)
  cleanup(root)
  rewriteLinks(root, ownUrl)
  const bodyImage = firstImage(root)
  const image = mainImage(fm, {
    body: bodyImage,
    pageUrl: ownUrl,
    file,
    measured: source.image,
  })
  const heroAlt = dropHeroImage(root, image?.url)
  if (image && !image.alt) image.alt = heroAlt || bodyImage?.alt || ''
  // Pictures pushed with the article are served from /media/<hash>/… in responsive variants.
  const pictureMarkup = hostImages(root, ownUrl, source.media)
  if (image) hostMainImage(image, hostedAt(image.url, ownUrl, source.media), fm)
  const toc = outline(root)
  const bodyText = plainText(root)

  const contentLang =
    fm.lang ?? (lang || detectLanguage(`${fm.title}\n${bodyText}`) || ctx.defaultLang || 'en')
  const categories = [...(fm.categories ?? []), ...(fm.category ?? [])]
  const tags = fm.tags ?? []
  // Published: the front matter's date, else the file name's, else the first upload.
  const fileDate = dateFromFileName(file) ?? undefined
  const embargo = dateOf(fm.embargo, 'embargo')
  // An embargo without a date is the publication time: the article appears when it lifts.
  const published =
    dateOf(fm.date, 'date') ??
    dateOf(fileDate, 'date') ??
    embargo ??
    source.firstUploaded ??
    source.uploaded
  // A date written without a time of day is shown without one; an upload time has one.
  const publishedHasTime =
    fm.date !== undefined
      ? hasTimeOfDay(fm.date)
      : fileDate === undefined && published !== undefined
  const corrections = (fm.corrections ?? [])
    .map((c, i) => ({ at: dateOf(c.date, `corrections[${i}].date`)!, text: collapse(c.text) }))
    .sort((a, b) => a.at.getTime() - b.at.getTime())
  // Modified: only a real change after publication, a later last_modified_at or a new version of
  // the source (an upload of different content); never the upload of the first version.
  // A correction is a change readers must hear about: the latest one counts like an edit.
  const modifiedAt = latest(
    dateOf(fm.last_modified_at, 'last_modified_at') ?? source.modified,
    corrections.at(-1)?.at,
  )
  const modified = modifiedAt && (!published || modifiedAt > published) ? modifiedAt : undefined

  function dateOf(value: string | Date | undefined, key: string): Date | undefined {
    if (value === undefined) return undefined
    const date = parseDate(value, ctx.timeZone)
    if (!date)
      throw new AppError(
        'SOURCE_INVALID',
        `expected a date like 2024-06-19 or 2024-06-19 10:30:00 +0900, got ${JSON.stringify(value)}`,
        { file, key },
      )
    return date
  }

  const html = serialize(root).trim()
  checkOutputSize(
    { html, text: bodyText, toc },
    {
      sourceBytes: source.bytes.byteLength,
      ours: pictureMarkup,
      file,
    },
  )

  return {
    lang,
    slug,
    contentLang,
    url,
    title: collapse(fm.title),
    description: truncate(
      collapse(fm.description ?? fm.excerpt ?? firstParagraph(root) ?? fm.title),
      DESCRIPTION_LENGTH,
      contentLang,
    ),
    excerpt: fm.excerpt === undefined ? undefined : collapse(fm.excerpt),
    datePublished: published && toZonedIso(published, ctx.timeZone),
    ...(published && !publishedHasTime && { dateOnly: true }),
    dateModified: modified && toZonedIso(modified, ctx.timeZone),
    ...(embargo && { embargo: toZonedIso(embargo, ctx.timeZone) }),
    ...(corrections.length && {
      corrections: corrections.map((c) => ({
        date: toZonedIso(c.at, ctx.timeZone),
        text: c.text,
      })),
    }),
    categories,
    tags,
    authors: authorsOf(fm.author),
    image,
    schemaType:
      fm.schema_type ?? (isNews([...categories, ...tags]) ? 'NewsArticle' : 'BlogPosting'),
    published: fm.published ?? true,
    ...(fm.type === 'page' && { page: true as const }),
    ...(fm.redirect_from?.length && { redirectFrom: fm.redirect_from }),
    html,
    text: bodyText,
    toc,
    readingMinutes: readingMinutes(bodyText),
    translations: [],
    extra: Object.fromEntries(Object.entries(fm).filter(([key]) => !KNOWN_KEYS.has(key))),
    source: {
      key: source.key,
      store: source.store,
      etag: source.etag,
      format,
      uploaded: source.uploaded?.toISOString(),
    },
  }
}

const latest = (a: Date | undefined, b: Date | undefined) => (a && b ? (a > b ? a : b) : (a ?? b))

/** Whether a front matter date names a time of day (`2024-06-19 10:30`), not only a day. */
const hasTimeOfDay = (value: string | Date) =>
  value instanceof Date
    ? value.getUTCHours() + value.getUTCMinutes() + value.getUTCSeconds() > 0
    : /\d[T ]\d{1,2}:\d{2}/.test(value.trim())

/** No page or JSON response may be much bigger than what was published (entities and Markdown expand). */
function checkOutputSize(
  rendered: { html: string; text: string; toc: Heading[] },
  measure: {
    sourceBytes: number
    /** Markup the site adds itself (hosted pictures' variants): allowed on top, with JSON's escapes. */
    ours: number
    file: string
  },
): void {
  const { sourceBytes, ours, file } = measure
  const bytes = new TextEncoder().encode(JSON.stringify(rendered)).byteLength
  const limit = LIMITS.outputRatio * sourceBytes + LIMITS.outputAllowance + Math.ceil(ours * 1.25)
  if (bytes > limit) {
    throw new AppError(
      'SOURCE_INVALID',
      `the body renders to ${bytes} bytes, more than ${LIMITS.outputRatio}× its ${sourceBytes}-byte source allows: split the article, or simplify what expands it (every image, link, table cell and escaped & < > adds markup)`,
      { file },
    )
  }
}

/** The article's main image: the front matter's, else the body's first; measured at push when known. */
function mainImage(
  fm: FrontMatter,
  found: {
    body: ReturnType<typeof firstImage>
    pageUrl: string
    file: string
    measured?: MeasuredImage | undefined
  },
): ArticleImage | undefined {
  const { body, pageUrl, file, measured } = found
  const declared =
    typeof fm.image === 'string'
      ? { url: fm.image }
      : fm.image && { ...fm.image, url: (fm.image.url ?? fm.image.path)! }
  const chosen =
    declared ?? (body && { url: body.src, alt: body.alt, width: body.width, height: body.height })
  if (!chosen) return undefined
  let url: URL
  try {
    url = new URL(chosen.url, pageUrl)
  } catch (cause) {
    throw new AppError(
      'SOURCE_INVALID',
      `expected an image URL, got ${JSON.stringify(chosen.url)}`,
      { file, key: 'image' },
      { cause },
    )
  }
  // The body's own size attributes describe the same picture when it is the same file; failing
  // those, the size content:push measured.
  const sameAsBody = body && body.src === url.href
  const probed = measured?.url === url.href ? measured : undefined
  const width = chosen.width ?? (sameAsBody ? body.width : undefined)
  const height = chosen.height ?? (sameAsBody ? body.height : undefined)
  return {
    url: url.href,
    alt: chosen.alt ?? '',
    width: width ?? (height === undefined ? probed?.width : undefined),
    height: height ?? (width === undefined ? probed?.height : undefined),
    type: imageType(url.pathname) ?? probed?.type,
    ...(!/^https?:\/\//i.test(chosen.url) && { written: chosen.url }),
    ...(declared?.caption && { caption: collapse(declared.caption) }),
    ...(declared?.credit && { credit: collapse(declared.credit) }),
  }
}

/** The main image as hosted: its original's address, size and type, and the focal point its crops keep. */
function hostMainImage(image: ArticleImage, hosted: HostedImage | undefined, fm: FrontMatter) {
  if (!hosted) return
  const focus = typeof fm.image === 'object' ? fm.image.focus : undefined
  image.url = new URL(mediaPath(hosted), image.url).href
  image.width = hosted.width
  image.height = hosted.height
  image.type = hosted.type
  image.hosted = { hash: hosted.hash, name: hosted.name, ...(focus && { focus: [...focus] }) }
}

const IMAGE_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
}
const imageType = (path: string) => IMAGE_TYPES[/\.(\w+)$/.exec(path)?.[1]?.toLowerCase() ?? '']

function authorsOf(author: FrontMatter['author']): Author[] {
  if (!author) return []
  const list = Array.isArray(author) ? author : [author]
  return list.map((a) =>
    typeof a === 'string'
      ? // A string shaped like a profile id may name one (resolved where profiles are read).
        { name: a, ...(AUTHOR_ID.test(a) && { id: a }) }
      : {
          name: a.name,
          ...(a.id && { id: a.id }),
          ...(a.url ? { url: a.url } : {}),
          ...(a.sameAs?.length ? { sameAs: a.sameAs } : {}),
        },
  )
}

const NEWS = /^(news|뉴스|속보|ニュース|新闻|新聞)$/i
const isNews = (labels: string[]) => labels.some((label) => NEWS.test(label))
