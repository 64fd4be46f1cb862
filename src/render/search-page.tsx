import { fill, messages } from '../i18n'
import type { SearchOrder, SearchResults } from '../listing/search'
import { Cards } from './cards'
import { Layout } from './layout'

export interface SearchProps {
  lang: string
  siteName: string
  origin: string
  timeZone: string
  query: string
  order: SearchOrder
  results: SearchResults
  /** The site's languages, for the header's language links. */
  languages: string[]
}

/** The search form and a page of results; kept out of search engines' indexes. */
export function SearchPage(props: SearchProps) {
  const t = messages(props.lang).search
  const { query, results } = props
  const path = `/${props.lang}/search`
  const link = (changes: { page?: number; order?: SearchOrder }) => {
    const params = new URLSearchParams({ q: query })
    const order = changes.order ?? props.order
    if (order !== 'newest') params.set('sort', order)
    if ((changes.page ?? 1) > 1) params.set('page', String(changes.page))
    return `${path}?${params.toString()}`
  }
  const heading = query ? fill(t.resultsFor, { q: query }) : t.title
  return (
    <Layout
      lang={props.lang}
      uiLang={props.lang}
      siteName={props.siteName}
      homeUrl={`/${props.lang}/`}
      languageHomes={props.languages}
      title={`${heading} | ${props.siteName}`}
      noindex
    >
      <h1 class="listing-title">{heading}</h1>
      <SearchForm lang={props.lang} query={query} />
      {query && (
        <p class="search-order">
          {props.order === 'newest' ? (
            <strong>{t.newest}</strong>
          ) : (
            <a href={link({ order: 'newest' })}>{t.newest}</a>
          )}
          {' · '}
          {props.order === 'best' ? (
            <strong>{t.best}</strong>
          ) : (
            <a href={link({ order: 'best' })}>{t.best}</a>
          )}
        </p>
      )}
      {query && results.items.length === 0 && <p>{fill(t.none, { q: query })}</p>}
      <Cards
        siteName={props.siteName}
        entries={results.items}
        lang={props.lang}
        origin={props.origin}
        timeZone={props.timeZone}
      />
      {(results.page > 1 || results.more) && (
        <nav class="pagination" aria-label={messages(props.lang).pagination}>
          {results.page > 1 ? (
            <a rel="prev" href={link({ page: results.page - 1 })}>
              {messages(props.lang).previousPage}
            </a>
          ) : (
            <span />
          )}
          {results.more ? (
            <a rel="next" href={link({ page: results.page + 1 })}>
              {messages(props.lang).nextPage}
            </a>
          ) : (
            <span />
          )}
        </nav>
      )}
    </Layout>
  )
}

/** A plain GET form: works with no script, in every language's search page. */
export function SearchForm(props: { lang: string; query?: string }) {
  const t = messages(props.lang).search
  return (
    <form class="search" action={`/${props.lang}/search`} method="get" role="search">
      <label for="q" class="sr-only">
        {t.label}
      </label>
      <input
        id="q"
        name="q"
        type="search"
        value={props.query ?? ''}
        placeholder={t.prompt}
        maxlength={100}
      />
      <button type="submit">{t.button}</button>
    </form>
  )
}
