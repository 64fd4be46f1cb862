/** A category's, tag's or author's newest articles, for its own feed: one backward range read on labels_by_date. */
import type { SiteConfig } from '../config'
import { query, type Db } from './db'
import { labelKey } from './entry'
import type { ArticleRecord } from './read'

export async function newestLabelled(
  db: Db,
  config: Pick<SiteConfig, 'storageTimeoutMs'>,
  asked: {
    lang: string
    label: { kind: 'category' | 'tag' | 'author'; name: string }
    count: number
  },
): Promise<{ name: string; records: ArticleRecord[] } | undefined> {
  const { lang, label, count } = asked
  const { results } = await query(
    db
      .prepare(
        `SELECT labels.name AS label_name, articles.* FROM labels JOIN articles ON articles.id = labels.article_id
         WHERE labels.lang = ? AND labels.kind = ? AND labels.key = ?
         ORDER BY labels.sort_ms DESC, labels.slug ASC LIMIT ?`,
      )
      .bind(lang, label.kind, labelKey(label.name, lang), count)
      .all<ArticleRecord & { label_name: string }>(),
    config,
    'a label feed',
  )
  if (!results.length) return undefined
  return { name: results[0]!.label_name, records: results }
}
