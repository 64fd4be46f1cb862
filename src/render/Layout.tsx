import type { Child } from 'hono/jsx'
import { scriptSafeJson } from '../meta/json-ld'
import type { MetaTag } from '../meta/open-graph'
import { messages } from '../i18n'
import { styles } from './styles'

export interface HeadProps {
  lang: string
  title: string
  description?: string
  canonical?: string
  tags?: MetaTag[]
  jsonLd?: Record<string, unknown>
  /** Other `<link>`s: the feed, oEmbed, prev/next pages. */
  links?: { rel: string; href: string; type?: string; title?: string }[]
  /** Translations, for `<link rel="alternate" hreflang>`. */
  alternates?: { hreflang: string; href: string }[]
  /** For error pages: keep them out of search results. */
  noindex?: boolean
}

export interface ChromeProps {
  /** Language of the page chrome (menus, labels). */
  uiLang: string
  siteName: string
  homeUrl: string
  /** Other languages' home pages, for the header's language links on listing pages. */
  languageHomes?: string[]
}

/** The document shell. Metadata comes first in `<head>`, right after the charset, where every crawler finds it. */
export function Layout(props: HeadProps & ChromeProps & { children: Child }) {
  const t = messages(props.uiLang)
  return (
    <html lang={props.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title}</title>
        {props.description && <meta name="description" content={props.description} />}
        {props.canonical && <link rel="canonical" href={props.canonical} />}
        {props.alternates?.map((alt) => (
          <link rel="alternate" hreflang={alt.hreflang} href={alt.href} />
        ))}
        {props.links?.map((l) => (
          <link rel={l.rel} href={l.href} type={l.type} title={l.title} />
        ))}
        {props.noindex && <meta name="robots" content="noindex" />}
        {!props.noindex && <meta name="robots" content="index, follow, max-image-preview:large" />}
        {props.tags?.map((tag) =>
          'property' in tag ? (
            <meta property={tag.property} content={tag.content} />
          ) : (
            <meta name={tag.name} content={tag.content} />
          ),
        )}
        {props.jsonLd && (
          <script
            type="application/ld+json"
            dangerouslySetInnerHTML={{ __html: scriptSafeJson(props.jsonLd) }}
          />
        )}
        <meta name="theme-color" content="#1a5490" />
        <link rel="icon" href="data:," />
        <style dangerouslySetInnerHTML={{ __html: styles }} />
      </head>
      <body>
        <a class="skip" href="#content" lang={props.uiLang}>
          {t.skipToContent}
        </a>
        <header class="site" lang={props.uiLang}>
          <a href={props.homeUrl}>{props.siteName}</a>
          {props.languageHomes && props.languageHomes.length > 1 && (
            <nav aria-label={t.otherLanguages}>
              {props.languageHomes.map((lang) => (
                <a
                  href={`/${lang}/`}
                  hreflang={lang}
                  lang={lang}
                  aria-current={lang === props.uiLang ? 'page' : undefined}
                >
                  {messages(lang).languageName}
                </a>
              ))}
            </nav>
          )}
        </header>
        <main id="content">{props.children}</main>
      </body>
    </html>
  )
}
