/** The dated correction notes at the foot of an article, as newsrooms print them. */
import { formatDateTime, messages } from '../i18n'
import type { ArticleHead } from '../schema/article'

/** What the article's own parts (byline, corrections) are drawn from: the article, in which UI language and zone. */
export interface ArticlePartProps {
  article: ArticleHead
  ui: string
  timeZone: string
}

export function Corrections({ article, ui, timeZone }: ArticlePartProps) {
  if (!article.corrections?.length) return null
  const label = messages(ui).correction
  return (
    <aside class="corrections" aria-label={label} lang={ui}>
      {article.corrections.map((c) => (
        <p class="correction">
          <strong>{label}</strong>{' '}
          <time datetime={c.date}>{formatDateTime(c.date, ui, timeZone)}</time>{' '}
          <span lang={article.contentLang}>{c.text}</span>
        </p>
      ))}
    </aside>
  )
}
