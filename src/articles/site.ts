import type { AppContext } from '../env'
import type { PageSite } from '../render/ArticlePage'

/** What an article page needs to know about the site, for the page's language. */
export function siteInfo(c: AppContext, lang: string): PageSite {
  const config = c.get('config')
  return {
    siteName: config.siteName,
    twitterSite: config.twitterSite,
    homeUrl: `${c.get('baseUrl')}/${lang}/`,
    timeZone: config.timeZone,
    languages: config.languages,
  }
}
