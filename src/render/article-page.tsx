import { raw } from 'hono/html'
import { fill, messages } from '../i18n'
import type { Around } from '../listing/around'
import type { SiteInfo } from '../meta/open-graph'
import { Corrections } from './corrections'
import { pageMeta, type PageMeta } from '../meta/page'
import type { StoredArticle } from '../articles/derived'
import type { ArticleHead } from '../schema/article'
import { breadcrumbList } from '../meta/breadcrumbs'
import { siteSections } from '../sections/site'
import { Layout, type ChromeProps, type HeadIdentity } from './layout'
import { Media } from './media'
import { Card, type CardContext } from './cards'
import type { IndexEntry } from '../schema/listing'
import type { SectionLabel } from '../sections/sections'
import { toHtml } from './to-html'
import { Byline } from './byline'
import { Contents, needsContents } from './contents'

export function ArticlePage({
  article,
  body,
  meta,
  chrome,
  timeZone,
  around,
}: {
  article: ArticleHead
  /** The sanitized body HTML, or a marker where its bytes go. */
  body: string
  meta: PageMeta
  chrome: ChromeProps
  timeZone: string
  /** Its neighbours in the index, for the footer (absent when the index does not know it yet). */
  around?: Around
}) {
  const ui = chrome.uiLang
  const t = messages(ui)
  const { image } = article
  // Each section once, named in the page's language (`News` and `뉴스` are both 뉴스).
  const kickers = [
    ...new Map(
      article.categories.map((c) => siteSections().label(c, article.lang)).map((k) => [k.href, k]),
    ).values(),
  ]
  const home = chrome.homeUrl
  const longExcerpt = ems(article.excerpt ?? '') > STANDFIRST_EMS
  return (
    <Layout
      {...chrome}
      section={kickers[0]?.key}
      breadcrumbs={breadcrumbList([
        { name: chrome.siteName, url: home },
        ...(kickers[0]
          ? [{ name: kickers[0].name, url: new URL(kickers[0].href, home).href }]
          : []),
        { name: article.title, url: meta.canonical },
      ])}
      lang={meta.lang}
      title={meta.title}
      description={meta.description}
      canonical={meta.canonical}
      tags={meta.tags}
      jsonLd={meta.jsonLd}
      alternates={meta.alternates}
      links={meta.links}
    >
      <article class="story" lang={article.contentLang}>
        <header>
          {kickers.length > 0 && (
            <p class="kicker" lang={ui}>
              {kickers.map((kicker, i) => (
                <>
                  {i > 0 && ' · '}
                  <a href={kicker.href}>{kicker.name}</a>
                </>
              ))}
            </p>
          )}
          <h1>{article.title}</h1>
          {article.excerpt && !longExcerpt && <p class="standfirst">{article.excerpt}</p>}
          <Byline article={article} ui={ui} timeZone={timeZone} />
        </header>
        {image && (
          <figure class="hero">
            <Media image={image} eager />
            {(image.caption ?? image.credit) && (
              <figcaption>
                {image.caption}
                {image.credit && (
                  <span class="credit" lang={ui}>
                    {t.reader.photo} <span lang={article.contentLang}>{image.credit}</span>
                  </span>
                )}
              </figcaption>
            )}
          </figure>
        )}
        {needsContents(article) && <Contents article={article} ui={ui} />}
        {longExcerpt && <p class="lede">{article.excerpt}</p>}
        <div class="body">{raw(body)}</div>
        <Corrections article={article} ui={ui} timeZone={timeZone} />
        <footer class="story-foot" lang={ui}>
          {article.tags.length > 0 && (
            <>
              <h2 class="sr-only">{t.tags}</h2>
              <ul class="tags">
                {article.tags.map((tag) => (
                  <li lang={article.contentLang}>
                    <a href={labelPath(article.lang, 'tag', tag)}>{tag}</a>
                  </li>
                ))}
              </ul>
            </>
          )}
          {article.translations.length > 0 && (
            <section class="versions">
              <h2>{t.reader.readIn}</h2>
              <ul>
                {article.translations.map((v) => (
                  <li>
                    <a
                      href={`/${encodeURIComponent(article.slug)}?lang=${v.lang}`}
                      hreflang={v.lang}
                    >
                      <span lang={v.lang}>{messages(v.lang).languageName}</span>
                      {' · '}
                      <span lang={v.lang}>{v.title}</span>
                    </a>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {around && (around.previous ?? around.next) && (
            <nav
              class="prev-next"
              aria-label={`${t.reader.previousArticle} / ${t.reader.nextArticle}`}
            >
              {around.previous && (
                <a rel="prev" href={`/${article.lang}/${encodeURIComponent(around.previous.slug)}`}>
                  <span class="label">{t.reader.previousArticle}</span>
                  <span class="title" lang={around.previous.contentLang}>
                    {around.previous.title}
                  </span>
                </a>
              )}
              {around.next && (
                <a rel="next" href={`/${article.lang}/${encodeURIComponent(around.next.slug)}`}>
                  <span class="label">{t.reader.nextArticle}</span>
                  <span class="title" lang={around.next.contentLang}>
                    {around.next.title}
                  </span>
                </a>
              )}
            </nav>
          )}
          {around && around.related.length > 0 && (
            <Related
              entries={around.related}
              section={kickers[0]}
              ctx={{ lang: article.lang, siteName: chrome.siteName, origin: home, timeZone }}
            />
          )}
        </footer>
      </article>
    </Layout>
  )
}

/**
 * Related articles as cards (a typographic card for one without a picture), then a link to the
 * section's page. A labelled section, so a screen reader can jump to it; no script.
 */
function Related(props: { entries: IndexEntry[]; section?: SectionLabel; ctx: CardContext }) {
  const t = messages(props.ctx.lang)
  return (
    <section class="related" aria-labelledby="related-title">
      <h2 id="related-title">{t.reader.related}</h2>
      <ol class="block-cards">
        {props.entries.map((entry) => (
          <li>
            <Card entry={entry} ctx={props.ctx} heading="h3" excerpt={false} />
          </li>
        ))}
      </ol>
      {props.section && (
        <p class="more">
          <a href={props.section.href}>
            {fill(t.reader.moreFrom, { section: props.section.name })}
          </a>
        </p>
      )}
    </section>
  )
}

/**
 * The widest excerpt shown as a standfirst: three lines on a 375 px phone (about 18 ems a line). A
 * longer one reads as the story's first paragraph, in body type, not as a block of large grey text.
 */
const STANDFIRST_EMS = 54

/** How wide a text sets, in ems: a Hangul, kana or Han character is one, anything else about half. */
const ems = (text: string) =>
  [...text].reduce(
    (sum, ch) =>
      sum + (/[\p{sc=Hangul}\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]/u.test(ch) ? 1 : 0.5),
    0,
  )

const labelPath = (lang: string, kind: 'category' | 'tag', name: string) =>
  `/${lang}/${kind}/${encodeURIComponent(name)}`

export interface PageSite extends SiteInfo {
  /** The language's home, e.g. `https://news.example/ko/`. */
  homeUrl: string
  timeZone: string
  /** The site's languages, for the header's language links. */
  languages?: string[]
  identity?: HeadIdentity
}

/**
 * Where the body's bytes go: a slot made fresh for each page from 122 random bits, so no field can
 * spell it (front matter refuses control characters too, but the splice must not rely on that).
 * The slot is found by position and must occur exactly once.
 */
function bodySlot(): string {
  return `\u0000body-${crypto.randomUUID()}\u0000`
}
const encoder = new TextEncoder()

/**
 * The whole article page as an HTML document, in UTF-8: the chrome is rendered around the stored body
 * HTML, whose bytes are copied in without being decoded. What the route serves and the benchmark measures.
 */
export async function articlePage(
  stored: StoredArticle,
  site: PageSite,
  around?: Around,
): Promise<Uint8Array> {
  const article = stored.head
  const chrome: ChromeProps = {
    uiLang: article.lang,
    siteName: site.siteName,
    homeUrl: site.homeUrl,
    languageHomes: site.languages,
    identity: site.identity,
    languageLinks: article.translations.map((v) => ({
      lang: v.lang,
      href: `/${encodeURIComponent(article.slug)}?lang=${v.lang}`,
      title: v.title,
    })),
  }
  const slot = bodySlot()
  const page = (
    <ArticlePage
      article={article}
      body={slot}
      meta={pageMeta(article, site)}
      chrome={chrome}
      timeZone={site.timeZone}
      around={around}
    />
  )
  const html = `<!DOCTYPE html>${await toHtml(page)}`
  const at = html.indexOf(slot)
  if (at < 0 || html.indexOf(slot, at + slot.length) >= 0) {
    throw new Error('the article page must hold its body slot exactly once')
  }
  const before = encoder.encode(html.slice(0, at))
  const after = encoder.encode(html.slice(at + slot.length))
  const bytes = new Uint8Array(before.byteLength + stored.html.byteLength + after.byteLength)
  bytes.set(before)
  bytes.set(stored.html, before.byteLength)
  bytes.set(after, before.byteLength + stored.html.byteLength)
  return bytes
}
