import { formatDate, formatDateTime, messages, plural } from '../i18n'
import type { ArticlePartProps } from './corrections'
import { authorPath } from '../authors/resolve'

/** Who wrote it and when: the time of day for news, the day alone when that is all the source says. */
export function Byline({ article, ui, timeZone }: ArticlePartProps) {
  const t = messages(ui)
  const when = (iso: string, dayOnly = false) =>
    dayOnly ? formatDate(iso, ui, timeZone) : formatDateTime(iso, ui, timeZone)
  return (
    <p class="byline" lang={ui}>
      {article.authors.length > 0 && (
        <span class="authors" lang={article.contentLang}>
          {article.authors.map((a, i) => (
            <>
              {i > 0 && ', '}
              {a.id ? (
                <a href={authorPath(article.lang, a.id)} rel="author">
                  {a.name}
                </a>
              ) : a.url ? (
                <a href={a.url} rel="author">
                  {a.name}
                </a>
              ) : (
                a.name
              )}
            </>
          ))}
        </span>
      )}
      {article.datePublished && (
        <span>
          {t.published}{' '}
          <time datetime={article.datePublished}>
            {when(article.datePublished, article.dateOnly)}
          </time>
        </span>
      )}
      {article.dateModified && (
        <span>
          {t.updated} <time datetime={article.dateModified}>{when(article.dateModified)}</time>
        </span>
      )}
      <span>{plural(t.readingTime, article.readingMinutes, ui)}</span>
    </p>
  )
}
