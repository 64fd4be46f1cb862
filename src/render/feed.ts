import type { Article } from '../schema/article'
import { escapeXml as x } from './xml'

export interface FeedInfo {
  lang: string
  title: string
  /** Absolute URLs. */
  feedUrl: string
  homeUrl: string
  siteName: string
  /** WebSub hubs that relay this feed's updates (WEBSUB_HUB). */
  hubs?: string[]
}

/** An entry: the article, with its body HTML when it fits the feed's budget, else its summary only. */
export type FeedEntry = Omit<Article, 'html' | 'text'> & { html?: string }

/**
 * An Atom 1.0 feed (RFC 4287), newest first: each article's full sanitized HTML while the feed's
 * byte budget lasts (routes/feeds.ts), and its summary and link after that.
 */
export function atomFeed(feed: FeedInfo, articles: FeedEntry[]): string {
  const updated =
    articles
      .map((a) => a.dateModified ?? a.datePublished)
      .filter((d): d is string => !!d)
      .sort()
      .at(-1) ?? '1970-01-01T00:00:00Z'
  const entries = articles.map((a) => {
    const authors = a.authors.length ? a.authors : [{ name: feed.siteName }]
    return `  <entry xml:lang="${x(a.contentLang)}">
    <id>${x(a.url)}</id>
    <title type="text">${x(a.title)}</title>
    <link rel="alternate" type="text/html" href="${x(a.url)}"/>
${a.datePublished ? `    <published>${a.datePublished}</published>\n` : ''}    <updated>${a.dateModified ?? a.datePublished ?? updated}</updated>
${authors.map((au) => `    <author><name>${x(au.name)}</name>${'url' in au && au.url ? `<uri>${x(au.url)}</uri>` : ''}</author>`).join('\n')}
${[...a.categories, ...a.tags].map((term) => `    <category term="${x(term)}"/>`).join('\n')}
    <summary type="text">${x(a.description)}</summary>
${a.html === undefined ? '' : `    <content type="html" xml:base="${x(a.url)}">${x(a.html)}</content>\n`}  </entry>`
  })
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${x(feed.lang)}">
  <id>${x(feed.feedUrl)}</id>
  <title type="text">${x(feed.title)}</title>
  <link rel="self" type="application/atom+xml" href="${x(feed.feedUrl)}"/>
  <link rel="alternate" type="text/html" href="${x(feed.homeUrl)}"/>
${(feed.hubs ?? []).map((hub) => `  <link rel="hub" href="${x(hub)}"/>\n`).join('')}  <updated>${updated}</updated>
  <author><name>${x(feed.siteName)}</name></author>
  <generator>edge-article-renderer</generator>
${entries.join('\n')}
</feed>
`
}
