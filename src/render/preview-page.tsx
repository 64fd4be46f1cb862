import type { Child } from 'hono/jsx'
import { fill, messages } from '../i18n'
import { checkText } from '../i18n/checks'
import { segmenter } from '../i18n/intl'
import { PLATFORMS, tagValues, type Platform, type PreviewIssue } from '../meta/checks'
import type { PageMeta } from '../meta/page'
import { truncate } from '../meta/text'
import { Layout } from './layout'
import { previewStyles } from './styles'

/**
 * When the mock-ups were last compared with the platforms' own cards (X: an image with the domain
 * on it, no headline or description, since October 2023). Shown on the page.
 */
export const LAYOUTS_AS_OF = '2024-10'

/** `2024-10` as the reader's language writes a month: 2024년 10월, October 2024, 2024年10月. */
const monthOf = (month: string, lang: string) =>
  new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    new Date(`${month}-01T00:00:00Z`),
  )

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

type Level = 'ok' | 'warning' | 'error'
const worst = (issues: PreviewIssue[]): Level =>
  issues.some((i) => i.level === 'error')
    ? 'error'
    : issues.some((i) => i.level === 'warning')
      ? 'warning'
      : 'ok'

/** What a card shows, cut the way each platform cuts it. */
interface Card {
  title: string
  description: string
  image?: string
  host: string
  siteName: string
  large: boolean
  lang: string
}

/**
 * The image of a card. Decorative here (alt=""): a thumbnail that fails to load leaves the grey
 * frame, not its alt text squeezed into a column; the real alt text is in the tag table below.
 */
const Thumb = ({ card, noImage }: { card: Card; noImage: string }) =>
  card.image ? (
    <img class="thumb" src={card.image} alt="" loading="lazy" />
  ) : (
    <div class="no-image">{noImage}</div>
  )

const MOCKS: Record<
  Platform,
  (card: Card, t: { noImage: string; noDescription: string }) => Child
> = {
  KakaoTalk: (card, t) => (
    <div class="mock mock-kakaotalk">
      <div class="card">
        <Thumb card={card} noImage={t.noImage} />
        <div class="text">
          <p class="mock-title">{truncate(card.title, 40, card.lang)}</p>
          <p class="mock-description">{truncate(card.description, 60, card.lang)}</p>
          <p class="mock-site">{card.host}</p>
        </div>
      </div>
    </div>
  ),
  Facebook: (card, t) => (
    <div class="mock mock-facebook">
      <Thumb card={card} noImage={t.noImage} />
      <div class="text">
        <p class="mock-site">{card.host}</p>
        <p class="mock-title">{truncate(card.title, 88, card.lang)}</p>
        <p class="mock-description">{truncate(card.description, 110, card.lang)}</p>
      </div>
    </div>
  ),
  // A large card is the image with the domain on it; the title is read only by summary cards.
  X: (card, t) =>
    card.large ? (
      <div class="mock mock-x" title={t.noDescription}>
        <div class="frame">
          <Thumb card={card} noImage={t.noImage} />
          <span class="overlay">{card.host}</span>
        </div>
      </div>
    ) : (
      <div class="mock mock-x">
        <div class="frame summary">
          <Thumb card={card} noImage={t.noImage} />
          <div>
            <p class="mock-site">{card.host}</p>
            <p class="mock-title">{truncate(card.title, 70, card.lang)}</p>
          </div>
        </div>
      </div>
    ),
  Slack: (card, t) => (
    <div class="mock mock-slack">
      <p class="mock-site">{card.siteName}</p>
      <p class="mock-title">{card.title}</p>
      <p class="mock-description">{truncate(card.description, 150, card.lang)}</p>
      <Thumb card={card} noImage={t.noImage} />
    </div>
  ),
  Discord: (card, t) => (
    <div class="mock mock-discord">
      <p class="mock-site">{card.siteName}</p>
      <p class="mock-title">{truncateBytes(card.title, 67)}</p>
      <p class="mock-description">{truncateBytes(card.description, 347)}</p>
      <Thumb card={card} noImage={t.noImage} />
    </div>
  ),
  LinkedIn: (card, t) => (
    <div class="mock mock-linkedin">
      <Thumb card={card} noImage={t.noImage} />
      <div class="text">
        <p class="mock-title">{truncate(card.title, 70, card.lang)}</p>
        <p class="mock-site">{card.host}</p>
      </div>
    </div>
  ),
}

function IssueList(props: { issues: PreviewIssue[]; lang: string }) {
  const t = messages(props.lang).preview
  return (
    <ul class="issues">
      {props.issues.length === 0 && <li class="ok">{t.noIssues}</li>}
      {props.issues.map((issue) => (
        <li class={`issue-${issue.level}`} data-code={issue.code}>
          <strong>{{ error: t.error, warning: t.warning, note: t.note }[issue.level]}</strong>{' '}
          {checkText(issue, props.lang)}
        </li>
      ))}
    </ul>
  )
}

export function PreviewPage(props: {
  lang: string
  siteName: string
  pageUrl: string
  meta: PageMeta
  issues: PreviewIssue[]
}) {
  const t = messages(props.lang).preview
  const v = tagValues(props.meta.tags)
  const card: Card = {
    title: v.get('og:title') ?? props.meta.title,
    description: v.get('og:description') ?? '',
    image: v.get('og:image'),
    host: new URL(props.pageUrl).host,
    siteName: v.get('og:site_name') ?? props.siteName,
    large: v.get('twitter:card') === 'summary_large_image',
    lang: props.lang,
  }
  const pageIssues = props.issues.filter((i) => i.platforms.length === 0)
  const rows: { name: string; id: string; issues: PreviewIssue[] }[] = [
    { name: t.page, id: 'page', issues: pageIssues },
    ...PLATFORMS.map((p) => ({
      name: p,
      id: `card-${p.toLowerCase()}`,
      issues: props.issues.filter((i) => i.platforms.includes(p)),
    })),
  ]
  const verdictText = { ok: t.ok, warning: t.warning, error: t.error }
  return (
    <Layout
      lang={props.lang}
      uiLang={props.lang}
      siteName={props.siteName}
      homeUrl={`/${props.lang}/`}
      title={fill(t.title, { name: card.title })}
      noindex
      extraStyles={previewStyles}
    >
      <h1 class="listing-title">{fill(t.title, { name: card.title })}</h1>
      <p>
        {t.intro} <a href={props.pageUrl}>{props.pageUrl}</a>
      </p>
      <table class="verdicts" aria-label={t.verdict}>
        <tbody>
          {rows.map((row) => {
            const level = worst(row.issues)
            return (
              <tr data-verdict={level}>
                <th scope="row">
                  <a href={`#${row.id}`}>{row.name}</a>
                </th>
                <td class={`verdict verdict-${level}`}>{verdictText[level]}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
      <section class="page-check" id="page" aria-label={t.page}>
        <h2>{t.page}</h2>
        <IssueList issues={pageIssues} lang={props.lang} />
      </section>
      <h2>{t.cards}</h2>
      <p class="layouts">{fill(t.layouts, { date: monthOf(LAYOUTS_AS_OF, props.lang) })}</p>
      <div class="previews" lang={card.lang}>
        {PLATFORMS.map((platform) => (
          <section
            class={`preview preview-${platform.toLowerCase()}`}
            id={`card-${platform.toLowerCase()}`}
            aria-label={platform}
          >
            <h2>{platform}</h2>
            {MOCKS[platform](card, t)}
            <IssueList
              issues={props.issues.filter((i) => i.platforms.includes(platform))}
              lang={props.lang}
            />
          </section>
        ))}
      </div>
      <section class="raw" aria-label={t.rawTags}>
        <h2>{t.rawTags}</h2>
        <table class="raw-tags">
          <tbody>
            <tr>
              <th>
                <code>&lt;title&gt;</code>
              </th>
              <td>{props.meta.title}</td>
            </tr>
            <tr>
              <th>
                <code>description</code>
              </th>
              <td>{props.meta.description}</td>
            </tr>
            <tr>
              <th>
                <code>canonical</code>
              </th>
              <td>{props.meta.canonical}</td>
            </tr>
            {props.meta.tags.map((tag) => (
              <tr>
                <th>
                  <code>{'property' in tag ? tag.property : tag.name}</code>
                </th>
                <td>{tag.content}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </Layout>
  )
}
