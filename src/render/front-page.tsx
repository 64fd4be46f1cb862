import { fill, messages } from '../i18n'
import type { Front } from '../listing/front'
import { siteSections } from '../sections/site'
import { Card, CardDate, CardPicture, kickerOf, type CardContext } from './cards'
import { Layout, type HeadIdentity } from './layout'
import { pagePath } from './listing-page'

export interface FrontProps {
  lang: string
  siteName: string
  /** Absolute origin, for canonical and image URLs. */
  origin: string
  timeZone: string
  front: Front
  alternates?: { hreflang: string; href: string }[]
  languages: string[]
  /** How many articles the plain list shows a page: the front page links its second page. */
  pageSize: number
  /** Logo, icon and verification metas (SITE_LOGO, …). */
  identity?: HeadIdentity
  /** The publisher's Organization, for search engines. */
  jsonLd?: Record<string, unknown>
}

/** Stories in the rail beside the lead; the rest of the first page's stories follow in a grid. */
const RAIL = 5

/**
 * A newspaper's front page: the lead story with its picture, the latest stories in a rail beside
 * it, then a block per section with its newest stories. Page 2 onward is the plain list.
 */
export function FrontPage(props: FrontProps) {
  const t = messages(props.lang)
  const ctx: CardContext = {
    lang: props.lang,
    siteName: props.siteName,
    origin: props.origin,
    timeZone: props.timeZone,
  }
  const [lead, ...rest] = props.front.latest
  const rail = rest.slice(0, RAIL)
  const more = rest.slice(RAIL)
  const canonical = `${props.origin}/${props.lang}/`
  const feed = `${props.origin}/${props.lang}/feed.xml`
  const pages = Math.ceil(props.front.total / props.pageSize)
  const sections = siteSections()
  return (
    <Layout
      lang={props.lang}
      uiLang={props.lang}
      front
      siteName={props.siteName}
      homeUrl={`/${props.lang}/`}
      languageHomes={props.languages}
      title={props.siteName}
      canonical={canonical}
      tags={[
        { property: 'og:type', content: 'website' },
        { property: 'og:title', content: props.siteName },
        { property: 'og:url', content: canonical },
        { property: 'og:site_name', content: props.siteName },
      ]}
      links={[
        {
          rel: 'alternate',
          type: 'application/atom+xml',
          href: feed,
          title: `${props.siteName} (${t.feed})`,
        },
        ...(pages > 1
          ? [{ rel: 'next', href: `${props.origin}${pagePath(`/${props.lang}/`, 2)}` }]
          : []),
      ]}
      alternates={props.alternates}
      identity={props.identity}
      jsonLd={props.jsonLd}
      wide
    >
      {!lead && <p>{t.noArticles}</p>}
      {lead && (
        <div class="front-top">
          <section class="lead front-latest" aria-labelledby="lead-title" lang={lead.contentLang}>
            <h2 class="sr-only" id="lead-title" lang={props.lang}>
              {t.front.top}
            </h2>
            <a
              class="lead-picture"
              href={`/${props.lang}/${encodeURIComponent(lead.slug)}`}
              tabindex={-1}
              aria-hidden="true"
            >
              <CardPicture entry={lead} ctx={ctx} eager />
            </a>
            {kickerOf(lead, props.lang) && (
              <p class="kicker" lang={props.lang}>
                <a href={kickerOf(lead, props.lang)!.href}>{kickerOf(lead, props.lang)!.name}</a>
              </p>
            )}
            <h3 class="lead-title">
              <a href={`/${props.lang}/${encodeURIComponent(lead.slug)}`}>{lead.title}</a>
            </h3>
            <p class="standfirst">{lead.description}</p>
            <CardDate entry={lead} ctx={ctx} />
          </section>
          {rail.length > 0 && (
            <section class="rail front-latest" aria-labelledby="latest-title">
              <h2 id="latest-title">{t.reader.latest}</h2>
              <ol>
                {rail.map((entry) => (
                  <li>
                    <Card
                      entry={entry}
                      ctx={ctx}
                      heading="h3"
                      class="compact"
                      excerpt={false}
                      picture={false}
                    />
                  </li>
                ))}
              </ol>
            </section>
          )}
        </div>
      )}
      {more.length > 0 && (
        <section class="latest-more front-latest" aria-label={t.reader.latest}>
          <ol class="block-cards">
            {more.map((entry) => (
              <li>
                <Card entry={entry} ctx={ctx} heading="h3" excerpt={false} />
              </li>
            ))}
          </ol>
        </section>
      )}
      {props.front.sections.length > 0 && (
        <div class="front-sections">
          <h2 class="sr-only">{t.front.bySection}</h2>
          {props.front.sections.map((block) => {
            const section = sections.all.find((s) => s.key === block.key)!
            const name = sections.name(section, props.lang)
            // Not the lead again; the rail's stories may show in their section too.
            const stories = block.entries.filter((e) => e.slug !== lead?.slug)
            if (stories.length === 0) return null
            return (
              <section class="section-block" aria-labelledby={`section-${block.key}`}>
                <h2 id={`section-${block.key}`}>
                  <a href={`/${props.lang}/category/${block.key}`}>{name}</a>
                </h2>
                <ol class="block-cards">
                  {stories.map((entry, i) => (
                    <li>
                      <Card
                        entry={entry}
                        ctx={ctx}
                        heading="h3"
                        class={i === 0 ? 'block-first' : 'block-more'}
                        picture={i === 0}
                        excerpt={i === 0}
                        kicker={false}
                      />
                    </li>
                  ))}
                </ol>
                <p class="more">
                  <a href={`/${props.lang}/category/${block.key}`}>
                    {fill(t.front.more, { section: name })}
                  </a>
                </p>
              </section>
            )
          })}
        </div>
      )}
      {pages > 1 && (
        <nav class="pagination" aria-label={t.pagination}>
          <span />
          <span>{fill(t.pageOf, { page: 1, pages })}</span>
          <a rel="next" href={pagePath(`/${props.lang}/`, 2)}>
            {t.nextPage}
          </a>
        </nav>
      )}
    </Layout>
  )
}
