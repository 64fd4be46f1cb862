import type { SiteConfig } from '../config'
import type { AppContext } from '../env'
import type { PageSite } from '../render/article-page'
import type { HeadIdentity } from '../render/layout'

/** What an article page needs to know about the site, for the page's language. */
export function siteInfo(c: AppContext, lang: string): PageSite {
  const config = c.get('config')
  return {
    siteName: config.siteName,
    twitterSite: config.twitterSite,
    // Without the card Worker's binding there is nothing to draw cards: pages go without.
    shareImages: c.env.OG ? config.shareImages : 'off',
    homeUrl: `${c.get('baseUrl')}/${lang}/`,
    ...identityOf(config, c.get('baseUrl')),
    identity: headIdentity(config, c.get('baseUrl')),
    timeZone: config.timeZone,
    languages: config.languages,
  }
}

/** The publisher's logo (absolute) and corrections policy, from the settings. */
export function identityOf(
  config: SiteConfig,
  origin: string,
): { logo?: { url: string; width?: number; height?: number }; correctionsPolicyUrl?: string } {
  return {
    ...(config.logo && { logo: { ...config.logo, url: new URL(config.logo.url, origin).href } }),
    ...(config.correctionsPolicyUrl && { correctionsPolicyUrl: config.correctionsPolicyUrl }),
  }
}

/** The icon and verification metas every page's head carries. */
export function headIdentity(config: SiteConfig, origin: string): HeadIdentity {
  return {
    ...(config.logo && { icon: new URL(config.logo.url, origin).href }),
    ...(config.verification.google && { google: config.verification.google }),
    ...(config.verification.naver && { naver: config.verification.naver }),
  }
}
