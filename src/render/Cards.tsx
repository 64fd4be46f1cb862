import { formatDate } from '../i18n'
import type { IndexEntry } from '../schema/listing'

/** Article cards, as listings and search results show them: image, headline, date, summary. */
export function Cards(props: {
  entries: IndexEntry[]
  lang: string
  origin: string
  timeZone: string
}) {
  return (
    <ol class="cards">
      {props.entries.map((entry) => (
        <li class={entry.image ? 'card with-image' : 'card'} lang={entry.contentLang}>
          {entry.image && (
            <img
              src={new URL(entry.image.url, props.origin).href}
              alt={entry.image.alt}
              width={entry.image.width ?? 160}
              height={entry.image.height ?? 90}
              loading="lazy"
              decoding="async"
            />
          )}
          <div>
            <h2>
              <a href={`/${props.lang}/${encodeURIComponent(entry.slug)}`}>{entry.title}</a>
            </h2>
            {entry.datePublished && (
              <p class="date" lang={props.lang}>
                <time datetime={entry.datePublished}>
                  {formatDate(entry.datePublished, props.lang, props.timeZone)}
                </time>
              </p>
            )}
            <p class="excerpt">{entry.description}</p>
          </div>
        </li>
      ))}
    </ol>
  )
}
