import { formatDate } from '../i18n'
import type { IndexEntry } from '../schema/listing'
import { Media } from './Media'

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
            <Media
              image={entry.image}
              src={new URL(entry.image.url, props.origin).href}
              fixed="16/9"
            />
          )}
          <div class="card-text">
            {entry.categories[0] && <p class="kicker">{entry.categories[0]}</p>}
            <h2>
              <a href={`/${props.lang}/${encodeURIComponent(entry.slug)}`}>{entry.title}</a>
            </h2>
            <p class="excerpt">{entry.description}</p>
            {entry.datePublished && (
              <p class="date" lang={props.lang}>
                <time datetime={entry.datePublished}>
                  {formatDate(entry.datePublished, props.lang, props.timeZone)}
                </time>
              </p>
            )}
          </div>
        </li>
      ))}
    </ol>
  )
}
