import type { Child } from 'hono/jsx'
import { fill, messages } from '../i18n'
import type { Page } from '../listing/read'
import type { IndexEntry } from '../schema/listing'
import { Cards } from './cards'
import { Layout, type HeadIdentity } from './layout'

export interface ListingProps {
  lang: string
  siteName: string
  /** Absolute origin, for canonical and image URLs. */
  origin: string
  timeZone: string
  /** `Edge Press`, `뉴스`, `태그: 폭염`… */
  heading: string
  /** Path of page 1, e.g. `/ko/` or `/ko/category/News`; later pages add `page/N`. */
  basePath: string
  page: Page<IndexEntry>
  /** Other languages' home pages, for hreflang on home pages. */
  alternates?: { hreflang: string; href: string }[]
  /** The site's languages, for the header's language links. */
  languages: string[]
  identity?: HeadIdentity
  /** The home page's Organization. */
  jsonLd?: Record<string, unknown>
  /** A section's key (marked in the navigation) and its description. */
  section?: string
  description?: string
  /** Home › this listing, for search engines. */
  breadcrumbs?: Record<string, unknown>
  /** What the page is about, in place of its heading (an author's profile). */
  intro?: Child
  /** `profile` for an author's page (ogp.me). */
  ogType?: string
  /** Open Graph tags beyond the listing's own (a profile's type and photo). */
  extraTags?: { property: string; content: string }[]
}

export const pagePath = (basePath: string, page: number) =>
  page === 1 ? basePath : `${basePath.replace(/\/$/, '')}/page/${page}`

/** A listing: newest first, with stable page URLs and rel=prev/next. */
export function ListingPage(props: ListingProps) {
  const t = messages(props.lang)
  const { page } = props
  const canonical = `${props.origin}${pagePath(props.basePath, page.page)}`
  const title =
    page.page === 1
      ? props.heading
      : `${props.heading} (${fill(t.pageOf, { page: page.page, pages: page.pages })})`
  const feed = `${props.origin}/${props.lang}/feed.xml`
  const links = [
    {
      rel: 'alternate',
      type: 'application/atom+xml',
      href: feed,
      title: `${props.siteName} (${t.feed})`,
    },
    // A category or tag page also offers its own feed.
    ...(props.basePath === `/${props.lang}/`
      ? []
      : [
          {
            rel: 'alternate',
            type: 'application/atom+xml',
            href: `${props.origin}${props.basePath}/feed.xml`,
            title: `${props.heading} (${t.feed})`,
          },
        ]),
    ...(page.page > 1
      ? [{ rel: 'prev', href: `${props.origin}${pagePath(props.basePath, page.page - 1)}` }]
      : []),
    ...(page.page < page.pages
      ? [{ rel: 'next', href: `${props.origin}${pagePath(props.basePath, page.page + 1)}` }]
      : []),
  ]
  const tags = [
    { property: 'og:type', content: props.ogType ?? 'website' },
    { property: 'og:title', content: title },
    { property: 'og:url', content: canonical },
    { property: 'og:site_name', content: props.siteName },
    ...(props.description ? [{ property: 'og:description', content: props.description }] : []),
    ...(props.extraTags ?? []),
  ]
  return (
    <Layout
      lang={props.lang}
      uiLang={props.lang}
      siteName={props.siteName}
      homeUrl={`/${props.lang}/`}
      languageHomes={props.languages}
      title={props.heading === props.siteName ? title : `${title} | ${props.siteName}`}
      canonical={canonical}
      tags={tags}
      links={links}
      alternates={props.alternates}
      identity={props.identity}
      jsonLd={props.jsonLd}
      section={props.section}
      breadcrumbs={props.breadcrumbs}
      description={props.description}
    >
      {props.intro ?? (
        <>
          <h1 class="listing-title">{props.heading}</h1>
          {props.description && <p class="listing-description">{props.description}</p>}
        </>
      )}
      {page.items.length === 0 && <p>{t.noArticles}</p>}
      <Cards
        siteName={props.siteName}
        entries={page.items}
        lang={props.lang}
        origin={props.origin}
        timeZone={props.timeZone}
      />
      {page.pages > 1 && (
        <nav class="pagination" aria-label={t.pagination}>
          {page.page > 1 ? (
            <a rel="prev" href={pagePath(props.basePath, page.page - 1)}>
              {t.previousPage}
            </a>
          ) : (
            <span />
          )}
          <span>{fill(t.pageOf, { page: page.page, pages: page.pages })}</span>
          {page.page < page.pages ? (
            <a rel="next" href={pagePath(props.basePath, page.page + 1)}>
              {t.nextPage}
            </a>
          ) : (
            <span />
          )}
        </nav>
      )}
    </Layout>
  )
}
