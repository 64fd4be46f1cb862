import type { AppError } from '../errors'
import { formatDate, messages } from '../i18n'
import type { IndexEntry } from '../schema/listing'
import { Layout, type ChromeProps } from './layout'
import { SearchForm } from './search-page'

/**
 * A clear page for every error, in the site's language; the publisher's detail only for broken
 * sources. A missing page also offers the newest articles and the search box.
 */
export function ErrorPage({
  error,
  chrome,
  latest = [],
  timeZone,
}: {
  error: AppError
  chrome: ChromeProps
  latest?: IndexEntry[]
  timeZone: string
}) {
  const t = messages(chrome.uiLang)
  const text = t.errors[error.code]
  const lang = chrome.uiLang
  return (
    <Layout {...chrome} lang={lang} title={`${text.title} | ${chrome.siteName}`} noindex>
      <div class="error">
        <h1>{text.title}</h1>
        <p>{text.body}</p>
        {error.status === 404 && <SearchForm lang={lang} query="" />}
        <p>
          <a href={chrome.homeUrl}>{t.home}</a>
        </p>
        {error.code === 'SOURCE_INVALID' && (
          <code lang="en">
            {error.code}: {error.describe()}
          </code>
        )}
      </div>
      {latest.length > 0 && (
        <section class="latest">
          <h2>{t.reader.latest}</h2>
          <ul>
            {latest.map((entry) => (
              <li lang={entry.contentLang}>
                <a href={`/${lang}/${encodeURIComponent(entry.slug)}`}>{entry.title}</a>
                {entry.datePublished && (
                  <time datetime={entry.datePublished} lang={lang}>
                    {formatDate(entry.datePublished, lang, timeZone)}
                  </time>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </Layout>
  )
}
