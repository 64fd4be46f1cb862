import type { ErrorCode } from '../errors'
import type { CheckCode } from '../meta/checks'

/** Plural forms as `Intl.PluralRules` names them; `{n}` is replaced by the formatted number. */
export type Plural = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }

/** Every string of the page chrome. Each language's catalog must have all of them (checked by tsc). */
export interface Messages {
  /** The language's own name, for the language switcher. */
  languageName: string
  skipToContent: string
  tableOfContents: string
  published: string
  updated: string
  /** The label of a dated correction note under an article. */
  correction: string
  readingTime: Plural
  tags: string
  home: string
  otherLanguages: string
  /** Listing pages. `{name}`, `{page}`, `{pages}` are filled in. */
  categoryTitle: string
  tagTitle: string
  /** The heading over an author's articles on their page. */
  authorArticles: string
  authorEmail: string
  pageOf: string
  previousPage: string
  nextPage: string
  pagination: string
  noArticles: string
  /** The header's section navigation, and the front page's blocks; `{section}` is filled in. */
  front: {
    sections: string
    top: string
    more: string
    bySection: string
  }
  /** The Atom feed's link text and title. */
  feed: string
  /** The search page; `{q}` is the query. */
  search: {
    label: string
    button: string
    title: string
    resultsFor: string
    none: string
    newest: string
    best: string
    prompt: string
  }
  /** Around an article and in the site's footer; `{section}` is filled in. */
  reader: {
    moreFrom: string
    /** The article page's related-articles block. */
    related: string
    previousArticle: string
    nextArticle: string
    readIn: string
    latest: string
    photo: string
    site: string
  }
  /** The link-preview inspector, and the development banner that links to it. */
  preview: PreviewMessages
  errors: Record<ErrorCode, { title: string; body: string }>
}

/** The inspector's words, and one sentence per check code (`{length}`, `{url}`… filled in). */
export interface PreviewMessages {
  title: string
  intro: string
  noIssues: string
  error: string
  warning: string
  /** How a platform will cut the text: not a problem. */
  note: string
  ok: string
  verdict: string
  /** The summary row for what a browser does with the page (its CSP). */
  page: string
  cards: string
  /** `{date}`: when the card layouts were last compared with the platforms. */
  layouts: string
  rawTags: string
  noImage: string
  noDescription: string
  /** Development only: the article page's link to the inspector, and the failed-save banner. */
  devLink: string
  devFailed: string
  devNotServed: string
  devOlder: string
  checks: Record<CheckCode, string>
}
