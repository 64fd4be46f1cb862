/**
 * What each platform would complain about in a page's link-preview metadata, from the same tags the
 * crawlers read (docs/link-previews.md, "Inspector checklist"), and what the page itself will do with its
 * images in a browser (the CSP). Used by the inspector page, content:check and content:push.
 * Issues carry a stable code and values; their text lives in the message catalogues (checkText).
 */
import type { MetaTag } from './open-graph'
import { length } from './text'
import { cspAllowsImage } from './image-hosts'

export type Platform = 'KakaoTalk' | 'Facebook' | 'X' | 'Slack' | 'Discord' | 'LinkedIn'
export const PLATFORMS: Platform[] = ['KakaoTalk', 'Facebook', 'X', 'Slack', 'Discord', 'LinkedIn']

export const CHECK_CODES = [
  'TITLE_MISSING',
  'TITLE_LONG',
  'TITLE_BYTES_DISCORD',
  'DESCRIPTION_MISSING',
  'DESCRIPTION_BYTES_DISCORD',
  'IMAGE_MISSING',
  'IMAGE_NOT_ABSOLUTE',
  'IMAGE_UNREACHABLE',
  'IMAGE_NOT_HTTPS',
  'IMAGE_RELATIVE',
  'IMAGE_NO_SIZE',
  'IMAGE_TOO_SMALL_FACEBOOK',
  'IMAGE_SMALL_FACEBOOK',
  'IMAGE_TOO_SMALL_X',
  'IMAGE_UNDER_RECOMMENDED',
  'IMAGE_KAKAO_CROP',
  'IMAGE_SVG',
  'IMAGE_WEBP',
  'IMAGE_NO_ALT',
  'CARD_NOT_LARGE',
  'URL_MISSING',
  'IMAGE_HOST_BLOCKED',
] as const
export type CheckCode = (typeof CHECK_CODES)[number]

export interface PreviewIssue {
  code: CheckCode
  /**
   * error: the card or page breaks; warning: worth fixing; note: how a platform will cut the text,
   * shown in the inspector's mock-up but not worth a warning (every Korean headline is over Discord's
   * 67 bytes).
   */
  level: 'error' | 'warning' | 'note'
  /** The platforms whose card shows the problem; empty: the page itself, in a browser. */
  platforms: Platform[]
  /** Filled into the message: `{length}`, `{url}`, `{width}`… */
  values: Record<string, string | number>
}

/** The first value of each tag, as Open Graph readers take it. */
export function tagValues(tags: MetaTag[]): Map<string, string> {
  const values = new Map<string, string>()
  for (const tag of tags) {
    const key = 'property' in tag ? tag.property : tag.name
    if (!values.has(key)) values.set(key, tag.content)
  }
  return values
}

const graphemes = (s: string) => length(s, 'und')
const utf8 = (s: string) => new TextEncoder().encode(s).length

/** Hosts no crawler on the internet can fetch from. */
export const PRIVATE_HOST =
  /^(localhost|127\.\d+\.\d+\.\d+|\[::1\]|0\.0\.0\.0|.*\.(invalid|test|local|localhost|internal))$/i

/** What the source said about the main image, which the tags alone cannot tell. */
export interface ImageFacts {
  /** The URL as written, when it was relative. */
  writtenImage?: string
  /** The main image's own alt text ('' when it has none: og:image:alt then falls back to the title). */
  imageAlt?: string
}

export function previewChecks(tags: MetaTag[], source: ImageFacts = {}): PreviewIssue[] {
  const v = tagValues(tags)
  const issues: PreviewIssue[] = []
  const add = ({
    level,
    platforms,
    code,
    values = {},
  }: {
    level: PreviewIssue['level']
    /** The platforms whose preview the issue spoils. */
    platforms: Platform[]
    code: CheckCode
    values?: PreviewIssue['values']
  }) => issues.push({ code, level, platforms, values })
  const title = v.get('og:title') ?? v.get('twitter:title')
  const description = v.get('og:description') ?? v.get('twitter:description') ?? ''
  const image = v.get('og:image')

  if (!title) add({ level: 'error', platforms: PLATFORMS, code: 'TITLE_MISSING' })
  else {
    // X's large card shows no title since October 2023; its summary card still does.
    const large = v.get('twitter:card') === 'summary_large_image'
    if (graphemes(title) > 70)
      add({
        level: 'warning',
        platforms: large ? ['LinkedIn'] : ['X', 'LinkedIn'],
        code: 'TITLE_LONG',
        values: {
          length: graphemes(title),
        },
      })
    if (utf8(title) > 67)
      add({
        level: 'note',
        platforms: ['Discord'],
        code: 'TITLE_BYTES_DISCORD',
        values: { bytes: utf8(title) },
      })
  }
  // X shows no description in a large card (since 2023), so only Discord's cut is checked.
  if (!description) add({ level: 'warning', platforms: PLATFORMS, code: 'DESCRIPTION_MISSING' })
  else if (utf8(description) > 347)
    add({
      level: 'note',
      platforms: ['Discord'],
      code: 'DESCRIPTION_BYTES_DISCORD',
      values: { bytes: utf8(description) },
    })

  if (!image) {
    add({ level: 'warning', platforms: PLATFORMS, code: 'IMAGE_MISSING' })
  } else {
    if (!/^https?:\/\//.test(image))
      add({
        level: 'error',
        platforms: PLATFORMS,
        code: 'IMAGE_NOT_ABSOLUTE',
        values: { url: image },
      })
    else {
      const { host, hostname } = new URL(image)
      if (PRIVATE_HOST.test(hostname))
        add({ level: 'error', platforms: PLATFORMS, code: 'IMAGE_UNREACHABLE', values: { host } })
      if (!image.startsWith('https://'))
        add({
          level: 'warning',
          platforms: ['Facebook', 'Discord', 'LinkedIn'],
          code: 'IMAGE_NOT_HTTPS',
        })
    }
    if (source.writtenImage)
      add({
        level: 'warning',
        platforms: PLATFORMS,
        code: 'IMAGE_RELATIVE',
        values: { written: source.writtenImage, url: image },
      })
    const width = Number(v.get('og:image:width'))
    const height = Number(v.get('og:image:height'))
    const size = { width, height }
    if (!width || !height) {
      add({ level: 'warning', platforms: ['Facebook', 'KakaoTalk'], code: 'IMAGE_NO_SIZE' })
    } else {
      if (width < 200 || height < 200)
        add({
          level: 'error',
          platforms: ['Facebook'],
          code: 'IMAGE_TOO_SMALL_FACEBOOK',
          values: size,
        })
      else if (width < 600 || height < 315)
        add({
          level: 'warning',
          platforms: ['Facebook'],
          code: 'IMAGE_SMALL_FACEBOOK',
          values: size,
        })
      if (width < 300 || height < 157)
        add({ level: 'error', platforms: ['X'], code: 'IMAGE_TOO_SMALL_X', values: size })
      if (width < 1200 || height < 627)
        add({
          level: 'warning',
          platforms: ['LinkedIn', 'Discord'],
          code: 'IMAGE_UNDER_RECOMMENDED',
          values: size,
        })
      if (width < 800 || height < 400)
        add({ level: 'warning', platforms: ['KakaoTalk'], code: 'IMAGE_KAKAO_CROP', values: size })
    }
    if (/\.svg(\?|$)/i.test(image))
      add({ level: 'error', platforms: ['X', 'Facebook'], code: 'IMAGE_SVG' })
    if (/\.webp(\?|$)/i.test(image))
      add({ level: 'warning', platforms: ['KakaoTalk'], code: 'IMAGE_WEBP' })
    // og:image:alt falls back to the title, so the tags always have one: ask the source instead.
    const noAlt =
      source.imageAlt !== undefined
        ? !source.imageAlt.trim()
        : !v.get('og:image:alt') && !v.get('twitter:image:alt')
    if (noAlt) add({ level: 'warning', platforms: ['X', 'Facebook'], code: 'IMAGE_NO_ALT' })
    if (v.get('twitter:card') !== 'summary_large_image')
      add({ level: 'warning', platforms: ['X', 'Discord'], code: 'CARD_NOT_LARGE' })
  }
  if (!v.get('og:url')) add({ level: 'error', platforms: ['Facebook'], code: 'URL_MISSING' })
  return issues
}

/**
 * The page's own images (the hero and the body's) that its Content-Security-Policy blocks: readers
 * would see an empty box. One issue per URL.
 */
export function pageChecks(
  images: string[],
  page: { origin: string; imageHosts: string[] },
): PreviewIssue[] {
  return [...new Set(images)]
    .filter((url) => !cspAllowsImage(url, page.origin, page.imageHosts))
    .map((url) => ({
      code: 'IMAGE_HOST_BLOCKED' as const,
      level: 'error' as const,
      platforms: [],
      values: { url, origin: originOf(url, page.origin) },
    }))
}

function originOf(url: string, base: string): string {
  try {
    return new URL(url, base).origin
  } catch {
    return url
  }
}
