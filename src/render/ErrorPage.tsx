import type { AppError } from '../errors'
import { messages } from '../i18n'
import { Layout, type ChromeProps } from './Layout'

/** A clear page for every error, in the site's language; the publisher's detail only for broken sources. */
export function ErrorPage({ error, chrome }: { error: AppError; chrome: ChromeProps }) {
  const text = messages(chrome.uiLang).errors[error.code]
  return (
    <Layout {...chrome} lang={chrome.uiLang} title={`${text.title} | ${chrome.siteName}`} noindex>
      <div class="error">
        <h1>{text.title}</h1>
        <p>{text.body}</p>
        <p>
          <a href={chrome.homeUrl}>{messages(chrome.uiLang).home}</a>
        </p>
        {error.code === 'SOURCE_INVALID' && (
          <code lang="en">
            {error.code}: {error.describe()}
          </code>
        )}
      </div>
    </Layout>
  )
}
