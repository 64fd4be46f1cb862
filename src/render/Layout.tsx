import { raw } from 'hono/html'
import type { Child } from 'hono/jsx'
import { scriptSafeJson } from '../meta/json-ld'
import type { MetaTag } from '../meta/open-graph'
import { messages } from '../i18n'
import { escapeAttribute, escapeText } from '../transform/serialize'
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

const attribute = (name: string, value: string | number | undefined) =>
  value === undefined ? '' : ` ${name}="${escapeAttribute(String(value))}"`

/** Everything in `<head>`, in the order crawlers read best: metadata right after the charset. */
function headHtml(props: HeadProps): string {
  const out = [
    '<meta charset="utf-8"/><meta name="viewport" content="width=device-width, initial-scale=1"/>',
    `<title>${escapeText(props.title)}</title>`,
  ]
  if (props.description)
    out.push(`<meta name="description"${attribute('content', props.description)}/>`)
  if (props.canonical) out.push(`<link rel="canonical"${attribute('href', props.canonical)}/>`)
  for (const alt of props.alternates ?? [])
    out.push(
      `<link rel="alternate"${attribute('hreflang', alt.hreflang)}${attribute('href', alt.href)}/>`,
    )
  for (const l of props.links ?? [])
    out.push(
      `<link${attribute('rel', l.rel)}${attribute('href', l.href)}${attribute('type', l.type)}${attribute('title', l.title)}/>`,
    )
  out.push(
    props.noindex
      ? '<meta name="robots" content="noindex"/>'
      : '<meta name="robots" content="index, follow, max-image-preview:large"/>',
  )
  for (const tag of props.tags ?? []) {
    out.push(
      'property' in tag
        ? `<meta${attribute('property', tag.property)}${attribute('content', tag.content)}/>`
        : `<meta${attribute('name', tag.name)}${attribute('content', tag.content)}/>`,
    )
  }
  if (props.jsonLd)
    out.push(`<script type="application/ld+json">${scriptSafeJson(props.jsonLd)}</script>`)
  out.push(
    '<meta name="theme-color" content="#1a5490"/><link rel="icon" href="data:,"/>',
    `<style>${styles}</style>`,
  )
  return out.join('')
}

/** The document shell. Metadata comes first in `<head>`, right after the charset, where every crawler finds it. */
export function Layout(props: HeadProps & ChromeProps & { children: Child }) {
  const t = messages(props.uiLang)
  return (
    <html lang={props.lang}>
      {/* Written as one string: hono/jsx hoists and de-duplicates every meta and link tag it renders,
          which costs more than the rest of the page together. */}
      <head>{raw(headHtml(props))}</head>
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
