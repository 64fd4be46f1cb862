/**
 * What each platform would complain about in a page's link-preview metadata, from the same tags the
 * crawlers read (PREVIEWS.md's inspector checklist). Used by the inspector page and content:push.
 */
import type { MetaTag } from './open-graph'
import { length } from './text'

export type Platform = 'KakaoTalk' | 'Facebook' | 'X' | 'Slack' | 'Discord' | 'LinkedIn'
export const PLATFORMS: Platform[] = ['KakaoTalk', 'Facebook', 'X', 'Slack', 'Discord', 'LinkedIn']

export interface PreviewIssue {
  platforms: Platform[]
  level: 'error' | 'warning'
  message: string
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
const PRIVATE_HOST =
  /^(localhost|127\.\d+\.\d+\.\d+|\[::1\]|0\.0\.0\.0|.*\.(invalid|test|local|localhost|internal))$/i

export function previewChecks(
  tags: MetaTag[],
  source: { writtenImage?: string } = {},
): PreviewIssue[] {
  const v = tagValues(tags)
  const issues: PreviewIssue[] = []
  const add = (level: PreviewIssue['level'], platforms: Platform[], message: string) =>
    issues.push({ level, platforms, message })
  const title = v.get('og:title') ?? v.get('twitter:title')
  const description = v.get('og:description') ?? v.get('twitter:description') ?? ''
  const image = v.get('og:image')

  if (!title)
    add(
      'error',
      PLATFORMS,
      'no og:title: platforms fall back to the page <title> or show the bare URL',
    )
  else {
    if (graphemes(title) > 70)
      add(
        'warning',
        ['X', 'LinkedIn'],
        `the title is ${graphemes(title)} characters; X shows at most 70`,
      )
    if (utf8(title) > 67)
      add(
        'warning',
        ['Discord'],
        `the title is ${utf8(title)} bytes of UTF-8; Discord cuts titles after about 67 bytes (≈22 Korean or Japanese characters)`,
      )
  }
  if (!description) add('warning', PLATFORMS, 'no og:description: previews show no summary')
  else {
    if (graphemes(description) > 200)
      add(
        'warning',
        ['X'],
        `the description is ${graphemes(description)} characters; X shows at most 200`,
      )
    if (utf8(description) > 347)
      add(
        'warning',
        ['Discord'],
        `the description is ${utf8(description)} bytes of UTF-8; Discord cuts after about 347 bytes`,
      )
  }

  if (!image) {
    add(
      'warning',
      PLATFORMS,
      'no og:image: previews are text only (set `image` in the front matter or put an image in the body)',
    )
  } else {
    if (!/^https?:\/\//.test(image))
      add('error', PLATFORMS, `og:image is not an absolute URL: ${image}`)
    else {
      if (PRIVATE_HOST.test(new URL(image).hostname))
        add(
          'error',
          PLATFORMS,
          `og:image is on ${new URL(image).host}, which crawlers cannot reach (set BASE_URL, or use an absolute image URL)`,
        )
      if (!image.startsWith('https://'))
        add('warning', ['Facebook', 'Discord', 'LinkedIn'], 'og:image is not https')
    }
    if (source.writtenImage)
      add(
        'warning',
        PLATFORMS,
        `the image is written as a relative URL (${source.writtenImage}); crawlers get ${image}: write the absolute URL so it does not depend on where the page is served`,
      )
    const width = Number(v.get('og:image:width'))
    const height = Number(v.get('og:image:height'))
    if (!width || !height) {
      add(
        'warning',
        ['Facebook', 'KakaoTalk'],
        'og:image has no width/height: the first share may show no image (add image.width and image.height)',
      )
    } else {
      if (width < 200 || height < 200)
        add(
          'error',
          ['Facebook'],
          `the image is ${width}×${height}; Facebook needs at least 200×200`,
        )
      else if (width < 600 || height < 315)
        add(
          'warning',
          ['Facebook'],
          `the image is ${width}×${height}; under 600×315 Facebook shows a small square`,
        )
      if (width < 300 || height < 157)
        add(
          'error',
          ['X'],
          `the image is ${width}×${height}; X's large card needs at least 300×157`,
        )
      if (width < 1200 || height < 627)
        add(
          'warning',
          ['LinkedIn', 'Discord'],
          `the image is ${width}×${height}; 1200×630 is recommended`,
        )
      if (width < 800 || height < 400)
        add('warning', ['KakaoTalk'], `the image is ${width}×${height}; KakaoTalk crops to 800×400`)
    }
    if (/\.svg(\?|$)/i.test(image))
      add('error', ['X', 'Facebook'], 'SVG images are not shown in previews')
    if (/\.webp(\?|$)/i.test(image))
      add('warning', ['KakaoTalk'], 'KakaoTalk is reported to fail on WebP images')
    if (!v.get('og:image:alt') && !v.get('twitter:image:alt'))
      add('warning', ['X', 'Facebook'], 'the image has no alt text (image.alt)')
    if (v.get('twitter:card') !== 'summary_large_image')
      add(
        'warning',
        ['X', 'Discord'],
        'twitter:card is not summary_large_image: the image shows small',
      )
  }
  if (!v.get('og:url')) add('error', ['Facebook'], 'no og:url')
  return issues
}
