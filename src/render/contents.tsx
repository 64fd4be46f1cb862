import { messages } from '../i18n'
import type { ArticleHead, Heading } from '../schema/article'

/** A short article reads top to bottom; a table of contents helps only a long one with sections. */
export const needsContents = (article: ArticleHead) =>
  article.readingMinutes >= 4 && article.toc.filter((h) => h.level === 2).length >= 3

/** The outline, nested by level and numbered by the list itself (1, 1.1, 2 …). */
export function Contents({ article, ui }: { article: ArticleHead; ui: string }) {
  const top = Math.min(...article.toc.map((h) => h.level))
  const groups: { heading: Heading; children: Heading[] }[] = []
  for (const h of tocShown(article.toc)) {
    const last = groups[groups.length - 1]
    if (h.level > top && last) last.children.push(h)
    else groups.push({ heading: h, children: [] })
  }
  const item = (h: Heading) => (
    <a href={`#${h.id}`} lang={article.contentLang}>
      {h.text}
    </a>
  )
  return (
    <nav class="toc" aria-labelledby="toc-title" lang={ui}>
      <h2 id="toc-title">{messages(ui).tableOfContents}</h2>
      <ol>
        {groups.map((g) => (
          <li>
            {item(g.heading)}
            {g.children.length > 0 && (
              <ol>
                {g.children.map((c) => (
                  <li>{item(c)}</li>
                ))}
              </ol>
            )}
          </li>
        ))}
      </ol>
    </nav>
  )
}

/** A long outline shows its sections only (h2), and at most 60 of them. */
function tocShown(toc: Heading[]): Heading[] {
  return toc.length <= 30 ? toc : toc.filter((h) => h.level === 2).slice(0, 60)
}
