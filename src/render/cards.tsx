import { formatDate } from '../i18n'
import type { IndexEntry } from '../schema/listing'
import { siteSections } from '../sections/site'
import { hostedFromUrl } from '../media/urls'
import { Media } from './media'

export interface CardContext {
  lang: string
  siteName: string
  origin: string
  timeZone: string
}

const articlePath = (lang: string, entry: IndexEntry) =>
  `/${lang}/${encodeURIComponent(entry.slug)}`

/** The section an entry is filed under, named in the page's language. */
export const kickerOf = (entry: IndexEntry, lang: string) =>
  entry.categories[0] ? siteSections().label(entry.categories[0], lang) : undefined

/**
 * A card's picture: the article's own, or for an article without one a typographic card (its
 * section and the site's name set in type on a tinted panel), so a grid never shows an empty frame.
 * It says nothing the card does not, so screen readers skip it.
 */
export function CardPicture(props: { entry: IndexEntry; ctx: CardContext; eager?: boolean }) {
  const { entry, ctx } = props
  if (entry.image)
    return (
      <Media
        image={{ ...entry.image, hosted: onSite(entry.image.url) }}
        src={new URL(entry.image.url, ctx.origin).href}
        fixed="16/9"
        eager={props.eager}
      />
    )
  const kicker = kickerOf(entry, ctx.lang)
  return (
    <div class="media fixed type-card" aria-hidden="true" lang={ctx.lang}>
      <span class="type-title">{kicker?.name ?? ctx.siteName}</span>
      {kicker && <span class="type-kicker">{ctx.siteName}</span>}
    </div>
  )
}

/** A picture hosted with the site, which the index keeps as a site path (`/media/<hash>/<name>`). */
const onSite = (url: string) => (url.startsWith('/') ? hostedFromUrl(url) : undefined)

export function CardDate(props: { entry: IndexEntry; ctx: CardContext }) {
  const { entry, ctx } = props
  if (!entry.datePublished) return null
  return (
    <p class="date" lang={ctx.lang}>
      <time datetime={entry.datePublished}>
        {formatDate(entry.datePublished, ctx.lang, ctx.timeZone)}
      </time>
    </p>
  )
}

/** One story: picture, section, headline, summary, date; `heading` is its headline's level. */
export function Card(props: {
  entry: IndexEntry
  ctx: CardContext
  heading?: 'h2' | 'h3'
  class?: string
  picture?: boolean
  excerpt?: boolean
  /** Inside its section's block, where the section's name is the block's heading. */
  kicker?: boolean
}) {
  const { entry, ctx } = props
  const kicker = kickerOf(entry, ctx.lang)
  const Heading = props.heading ?? 'h2'
  const picture = props.picture ?? true
  return (
    <article class={`card ${props.class ?? ''}`.trim()} lang={entry.contentLang}>
      <div class="card-text">
        {kicker && (props.kicker ?? true) && (
          <p class="kicker" lang={ctx.lang}>
            {kicker.name}
          </p>
        )}
        <Heading>
          <a href={articlePath(ctx.lang, entry)}>{entry.title}</a>
        </Heading>
        {(props.excerpt ?? true) && <p class="excerpt">{entry.description}</p>}
        <CardDate entry={entry} ctx={ctx} />
      </div>
      {picture && <CardPicture entry={entry} ctx={ctx} />}
    </article>
  )
}

/** Article cards, as listings and search results show them: image, headline, date, summary. */
export function Cards(props: {
  entries: IndexEntry[]
  lang: string
  siteName: string
  origin: string
  timeZone: string
}) {
  const ctx = {
    lang: props.lang,
    siteName: props.siteName,
    origin: props.origin,
    timeZone: props.timeZone,
  }
  return (
    <ol class="cards">
      {props.entries.map((entry) => (
        <li>
          <Card entry={entry} ctx={ctx} />
        </li>
      ))}
    </ol>
  )
}
