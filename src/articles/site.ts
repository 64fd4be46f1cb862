import type { AppContext } from '../env'
import type { PageSite } from '../render/ArticlePage'

/** What an article page needs to know about the site, for the page's language. */
export function siteInfo(c: AppContext, lang: string): PageSite {
  const config = c.get('config')
  return {
    siteName: config.siteName,
    twitterSite: config.twitterSite,
    // Without the card Worker's binding there is nothing to draw cards: pages go without.
    shareImages: c.env.OG ? config.shareImages : 'off',
    homeUrl: `${c.get('baseUrl')}/${lang}/`,
    timeZone: config.timeZone,
    languages: config.languages,
  }
}
