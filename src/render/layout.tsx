import { raw } from 'hono/html'
import type { Child } from 'hono/jsx'
import { scriptSafeJson } from '../meta/json-ld'
import type { MetaTag } from '../meta/open-graph'
import { messages } from '../i18n'
import { escapeAttribute, escapeText } from '../transform/serialize'
import { siteSections } from '../sections/site'
import { styles } from './styles'

export interface HeadProps {
  lang: string
  title: string
  description?: string
  canonical?: string
  tags?: MetaTag[]
  jsonLd?: Record<string, unknown>
  /** Where the page sits in the site (Home › Section), as a `BreadcrumbList`. */
  breadcrumbs?: Record<string, unknown>
  /** Other `<link>`s: the feed, oEmbed, prev/next pages. */
  links?: { rel: string; href: string; type?: string; title?: string }[]
  /** Translations, for `<link rel="alternate" hreflang>`. */
  alternates?: { hreflang: string; href: string }[]
  /** For error pages: keep them out of search results. */
  noindex?: boolean
  /** A second stylesheet only this kind of page needs (the inspector's); the CSP allows it by its hash. */
  extraStyles?: string
}

/** The site's icon and search-console verification metas (SITE_LOGO, *_SITE_VERIFICATION). */
export interface HeadIdentity {
  icon?: string
  google?: string
  naver?: string
}

export interface ChromeProps {
  identity?: HeadIdentity
  /** Language of the page chrome (menus, labels). */
  uiLang: string
  siteName: string
  homeUrl: string
  /** The site's languages, for the header's language links (the same place on every page). */
  languageHomes?: string[]
  /** Where each language's link goes when not to its home (an article's translations). */
  languageLinks?: LanguageLink[]
  /** The section the page belongs to (its key), marked in the navigation. */
  section?: string
  /** The front page: the site name is its heading. */
  front?: boolean
  /** A page as wide as the header (the front page's grid), not a reading column. */
  wide?: boolean
}

export interface LanguageLink {
  lang: string
  href: string
  /** The translation's title, as a tooltip. */
  title?: string
}

const attribute = (name: string, value: string | number | undefined) =>
  value === undefined ? '' : ` ${name}="${escapeAttribute(String(value))}"`

/** Everything in `<head>`, in the order crawlers read best: metadata right after the charset. */
function headHtml(props: HeadProps & Pick<ChromeProps, 'identity'>): string {
  const identity = props.identity ?? {}
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
  for (const data of [props.jsonLd, props.breadcrumbs])
    if (data) out.push(`<script type="application/ld+json">${scriptSafeJson(data)}</script>`)
  out.push(
    '<meta name="theme-color" content="#1a5490"/>',
    identity.icon
      ? `<link rel="icon"${attribute('href', identity.icon)}/><link rel="apple-touch-icon"${attribute('href', identity.icon)}/>`
      : '<link rel="icon" href="data:,"/>',
    identity.google
      ? `<meta name="google-site-verification"${attribute('content', identity.google)}/>`
      : '',
    identity.naver
      ? `<meta name="naver-site-verification"${attribute('content', identity.naver)}/>`
      : '',
    `<style>${styles}</style>`,
    props.extraStyles ? `<style>${props.extraStyles}</style>` : '',
  )
  return out.join('')
}

/** The document shell. Metadata comes first in `<head>`, right after the charset, where every crawler finds it. */
export function Layout(props: HeadProps & ChromeProps & { children: Child }) {
  const t = messages(props.uiLang)
  const home = `/${props.uiLang}/`
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
          <div class="bar masthead">
            {props.front ? (
              <h1 class="brand">{props.siteName}</h1>
            ) : (
              <a class="brand" href={props.homeUrl}>
                {props.siteName}
              </a>
            )}
            <form
              class="site-search"
              action={`${home}search`}
              method="get"
              role="search"
              aria-label={t.search.label}
            >
              <label for="site-q" class="sr-only">
                {t.search.label}
              </label>
              <input
                id="site-q"
                name="q"
                type="search"
                placeholder={t.search.prompt}
                maxlength={100}
              />
              <button type="submit">{t.search.button}</button>
            </form>
            <LanguageLinks {...props} />
          </div>
          <SectionNav lang={props.uiLang} current={props.section} />
        </header>
        <main id="content" class={props.wide ? 'wide' : undefined}>
          {props.children}
        </main>
        <footer class="site" lang={props.uiLang}>
          <div class="bar">
            <p class="brand">{props.siteName}</p>
            <nav aria-label={t.reader.site}>
              <a href={home}>{t.home}</a>
              <a href={`${home}search`}>{t.search.title}</a>
              <a href={`${home}feed.xml`} type="application/atom+xml">
                {t.feed}
              </a>
            </nav>
          </div>
        </footer>
      </body>
    </html>
  )
}

/** The sections, one line: it scrolls sideways on a phone instead of wrapping. */
function SectionNav({ lang, current }: { lang: string; current?: string }) {
  const sections = siteSections()
  if (sections.all.length === 0) return null
  const t = messages(lang)
  return (
    <nav class="sections" aria-label={t.front.sections}>
      <ul class="bar">
        <li>
          <a href={`/${lang}/`}>{t.home}</a>
        </li>
        {sections.all.map((s) => (
          <li>
            <a
              href={`/${lang}/category/${s.key}`}
              aria-current={s.key === current ? 'page' : undefined}
            >
              {sections.name(s, lang)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}

/** Every language of the site, in the header: its home, or this article in it when translated. */
function LanguageLinks(props: ChromeProps) {
  const languages = props.languageHomes ?? []
  if (languages.length < 2) return null
  const t = messages(props.uiLang)
  return (
    <nav class="langs" aria-label={t.otherLanguages}>
      {languages.map((lang) => {
        const link = props.languageLinks?.find((l) => l.lang === lang)
        return lang === props.uiLang ? (
          <span aria-current="page" lang={lang}>
            {messages(lang).languageName}
          </span>
        ) : (
          <a href={link?.href ?? `/${lang}/`} hreflang={lang} lang={lang} title={link?.title}>
            {messages(lang).languageName}
          </a>
        )
      })}
    </nav>
  )
}
