import { fill, messages } from '../i18n'
import { segmenter } from '../i18n/intl'
import { PLATFORMS, tagValues, type Platform, type PreviewIssue } from '../meta/checks'
import type { MetaTag } from '../meta/open-graph'
import { truncate } from '../meta/text'
import { Layout } from './Layout'

/** Cut to at most `bytes` of UTF-8, at a grapheme boundary (Discord counts bytes). */
function truncateBytes(text: string, bytes: number): string {
  const encoder = new TextEncoder()
  if (encoder.encode(text).length <= bytes) return text
  let out = ''
  for (const { segment } of segmenter('und', 'grapheme').segment(text)) {
    if (encoder.encode(`${out}${segment}…`).length > bytes) break
    out += segment
  }
  return `${out}…`
}

/** How each platform lays out and cuts the same metadata (approximations from PREVIEWS.md). */
const LOOK: Record<
  Platform,
  {
    title: (t: string, lang: string) => string
    description: (d: string, lang: string) => string
    image: 'large' | 'small'
  }
> = {
  KakaoTalk: {
    title: (t, l) => truncate(t, 40, l),
    description: (d, l) => truncate(d, 60, l),
    image: 'large',
  },
  Facebook: {
    title: (t, l) => truncate(t, 88, l),
    description: (d, l) => truncate(d, 110, l),
    image: 'large',
  },
  X: {
    title: (t, l) => truncate(t, 70, l),
    description: (d, l) => truncate(d, 200, l),
    image: 'large',
  },
  Slack: { title: (t) => t, description: (d, l) => truncate(d, 150, l), image: 'small' },
  Discord: {
    title: (t) => truncateBytes(t, 67),
    description: (d) => truncateBytes(d, 347),
    image: 'large',
  },
  LinkedIn: { title: (t, l) => truncate(t, 70, l), description: () => '', image: 'large' },
}

export function PreviewPage(props: {
  lang: string
  siteName: string
  pageUrl: string
  tags: MetaTag[]
  issues: PreviewIssue[]
}) {
  const t = messages(props.lang).preview
  const v = tagValues(props.tags)
  const title = v.get('og:title') ?? ''
  const description = v.get('og:description') ?? ''
  const image = v.get('og:image')
  const host = new URL(props.pageUrl).host
  return (
    <Layout
      lang={props.lang}
      uiLang={props.lang}
      siteName={props.siteName}
      homeUrl={`/${props.lang}/`}
      title={fill(t.title, { name: title })}
      noindex
    >
      <h1 class="listing-title">{fill(t.title, { name: title })}</h1>
      <p>
        {t.intro} <a href={props.pageUrl}>{props.pageUrl}</a>
      </p>
      <div class="previews">
        {PLATFORMS.map((platform) => {
          const look = LOOK[platform]
          const issues = props.issues.filter((i) => i.platforms.includes(platform))
          return (
            <section class={`preview preview-${platform.toLowerCase()}`} aria-label={platform}>
              <h2>{platform}</h2>
              <div class={`mock ${look.image}`}>
                {image && <img src={image} alt={v.get('og:image:alt') ?? ''} loading="lazy" />}
                <div class="mock-text">
                  <p class="mock-site">
                    {platform === 'Discord' || platform === 'Slack' ? v.get('og:site_name') : host}
                  </p>
                  <p class="mock-title">{look.title(title, props.lang)}</p>
                  {look.description(description, props.lang) && (
                    <p class="mock-description">{look.description(description, props.lang)}</p>
                  )}
                </div>
              </div>
              <ul class="issues">
                {issues.length === 0 && <li class="ok">{t.noIssues}</li>}
                {issues.map((issue) => (
                  <li class={issue.level} lang="en">
                    <strong lang={props.lang}>
                      {issue.level === 'error' ? t.error : t.warning}
                    </strong>{' '}
                    {issue.message}
                  </li>
                ))}
              </ul>
            </section>
          )
        })}
      </div>
    </Layout>
  )
}
