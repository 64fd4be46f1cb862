import type { Messages } from '../catalog'
import { enPreview } from './preview/en'

export const en: Messages = {
  languageName: 'English',
  skipToContent: 'Skip to content',
  tableOfContents: 'Contents',
  published: 'Published',
  updated: 'Updated',
  correction: 'Correction',
  readingTime: { one: '{n} min read', other: '{n} min read' },
  tags: 'Tags',
  home: 'Home',
  otherLanguages: 'Other languages',
  categoryTitle: 'Category: {name}',
  tagTitle: 'Tag: {name}',
  authorArticles: 'Articles by {name}',
  authorEmail: 'Email',
  pageOf: 'Page {page} of {pages}',
  previousPage: 'Previous',
  nextPage: 'Next',
  pagination: 'Pages',
  noArticles: 'No articles yet.',
  front: {
    sections: 'Sections',
    top: 'Top story',
    more: 'More {section}',
    bySection: 'By section',
  },
  feed: 'Atom feed',
  search: {
    label: 'Search',
    button: 'Search',
    title: 'Search',
    resultsFor: 'Results for “{q}”',
    none: 'Nothing found for “{q}”.',
    newest: 'Newest first',
    best: 'Best match',
    prompt: 'Search the articles',
  },
  reader: {
    related: 'Related stories',
    moreFrom: 'More in {section}',
    previousArticle: 'Previous article',
    nextArticle: 'Next article',
    readIn: 'Read in other languages',
    latest: 'Latest articles',
    photo: 'Photo',
    site: 'Site',
  },
  preview: enPreview,
  errors: {
    SLUG_INVALID: {
      title: 'Invalid address',
      body: 'The address contains characters that cannot be used. Please check it.',
    },
    UNAUTHORIZED: { title: 'Not authorized', body: 'This request needs a valid publisher token.' },
    REQUEST_INVALID: {
      title: 'Invalid request',
      body: 'The request body is not what this endpoint accepts.',
    },
    SOURCE_TOO_LARGE: {
      title: 'Source too large',
      body: 'The article source is over the size limit.',
    },
    SOURCE_REJECTED: {
      title: 'Source rejected',
      body: 'The article source has an error; nothing was changed.',
    },
    TOO_MANY_ATTEMPTS: {
      title: 'Too many attempts',
      body: 'Too many failed attempts. Please wait a minute.',
    },
    NOT_FOUND: {
      title: 'Page not found',
      body: 'There is nothing at this address. Try the home page.',
    },
    FORMAT_NOT_IMPLEMENTED: {
      title: 'Format not offered',
      body: 'This address answers in JSON only.',
    },
    ARTICLE_NOT_FOUND: {
      title: 'Article not found',
      body: 'The article may have moved or been removed.',
    },
    SOURCE_INVALID: {
      title: 'This article cannot be shown',
      body: 'Its source has an error, so it cannot be displayed right now. Other articles are not affected.',
    },
    STORAGE_UNAVAILABLE: {
      title: 'Please try again shortly',
      body: 'The article storage cannot be reached at the moment.',
    },
    SHARE_IMAGE_UNAVAILABLE: {
      title: 'Please try again shortly',
      body: 'The share image cannot be drawn at the moment.',
    },
    INTERNAL: {
      title: 'Something went wrong',
      body: 'An unexpected error occurred. Please try again shortly.',
    },
  },
}
