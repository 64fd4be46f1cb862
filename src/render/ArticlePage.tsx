import { raw } from 'hono/html'
import { formatDate, messages, plural } from '../i18n'
import type { SiteInfo } from '../meta/open-graph'
import { pageMeta, type PageMeta } from '../meta/page'
import type { StoredArticle } from '../articles/derived'
import type { ArticleHead, Heading } from '../schema/article'
import { Layout, type ChromeProps } from './Layout'

export function ArticlePage({
  article,
  body,
  meta,
  chrome,
  timeZone,
}: {
  article: ArticleHead
  /** The sanitized body HTML, or a marker where its bytes go. */
  body: string
  meta: PageMeta
  chrome: ChromeProps
  timeZone: string
}) {
  const ui = chrome.uiLang
  const t = messages(ui)
  const { image } = article
  return (
    <Layout
      {...chrome}
      lang={meta.lang}
      title={meta.title}
      description={meta.description}
      canonical={meta.canonical}
      tags={meta.tags}
      jsonLd={meta.jsonLd}
      alternates={meta.alternates}
      links={meta.links}
    >
      {article.translations.length > 0 && <LanguageSwitcher article={article} uiLang={ui} />}
      <article lang={article.contentLang}>
        <header>
          {article.categories.length > 0 && (
            <p class="kicker">
              {article.categories.map((category, i) => (
                <>
                  {i > 0 && ' · '}
                  <a href={`/${article.lang}/category/${encodeURIComponent(category)}`}>
                    {category}
                  </a>
                </>
              ))}
            </p>
          )}
          <h1>{article.title}</h1>
          <p class="byline" lang={ui}>
            {article.authors.length > 0 && (
              <span>{article.authors.map((a) => a.name).join(', ')}</span>
            )}
            {article.datePublished && (
              <span>
                {t.published}{' '}
                <time datetime={article.datePublished}>
                  {formatDate(article.datePublished, ui, timeZone)}
                </time>
              </span>
            )}
            {article.dateModified &&
              article.dateModified !== article.datePublished &&
              formatDate(article.dateModified, ui, timeZone) !==
                formatDate(article.datePublished ?? '', ui, timeZone) && (
                <span>
                  {t.updated}{' '}
                  <time datetime={article.dateModified}>
                    {formatDate(article.dateModified, ui, timeZone)}
                  </time>
                </span>
              )}
            <span>{plural(t.readingTime, article.readingMinutes, ui)}</span>
          </p>
        </header>
        {image && (
          <figure class="hero">
            <img
              src={image.url}
              alt={image.alt}
              width={image.width}
              height={image.height}
              fetchpriority="high"
              decoding="async"
            />
          </figure>
        )}
        {article.toc.length >= 3 && (
          <nav class="toc" aria-labelledby="toc-title" lang={ui}>
            <h2 id="toc-title">{t.tableOfContents}</h2>
            <ol>
              {tocShown(article.toc).map((h) => (
                <li class={`l${h.level}`}>
                  <a href={`#${h.id}`} lang={article.contentLang}>
                    {h.text}
                  </a>
                </li>
              ))}
            </ol>
          </nav>
        )}
        <div class="body">{raw(body)}</div>
        {article.tags.length > 0 && (
          <footer lang={ui}>
            <h2 class="sr-only">{t.tags}</h2>
            <ul class="tags">
              {article.tags.map((tag) => (
                <li lang={article.contentLang}>
                  <a href={`/${article.lang}/tag/${encodeURIComponent(tag)}`}>{tag}</a>
                </li>
              ))}
            </ul>
          </footer>
        )}
      </article>
    </Layout>
  )
}

/**
 * Links to the same article in the other languages, each named in its own language. They go through
 * `/<slug>?lang=…`, which remembers the choice in a cookie and lands on the translation.
 */
function LanguageSwitcher({ article, uiLang }: { article: ArticleHead; uiLang: string }) {
  const versions = [{ lang: article.lang, title: article.title }, ...article.translations].sort(
    (a, b) => a.lang.localeCompare(b.lang),
  )
  return (
    <nav class="languages" aria-label={messages(uiLang).otherLanguages}>
      <ul>
        {versions.map((v) =>
          v.lang === article.lang ? (
            <li>
              <span aria-current="page" lang={v.lang}>
                {messages(v.lang).languageName}
              </span>
            </li>
          ) : (
            <li>
              <a
                href={`/${encodeURIComponent(article.slug)}?lang=${v.lang}`}
                hreflang={v.lang}
                lang={v.lang}
                title={v.title}
              >
                {messages(v.lang).languageName}
              </a>
            </li>
          ),
        )}
      </ul>
    </nav>
  )
}

export interface PageSite extends SiteInfo {
  /** The language's home, e.g. `https://news.example/ko/`. */
  homeUrl: string
  timeZone: string
}

/** A long outline shows its sections only (h2), and at most 60 of them. */
function tocShown(toc: Heading[]): Heading[] {
  return toc.length <= 30 ? toc : toc.filter((h) => h.level === 2).slice(0, 60)
}

/** Where the body's bytes go: NUL never occurs in a source (it is refused), so never in a page. */
const BODY = '\u0000body\u0000'
const encoder = new TextEncoder()

/**
 * The whole article page as an HTML document, in UTF-8: the chrome is rendered around the stored body
 * HTML, whose bytes are copied in without being decoded. What the route serves and the benchmark measures.
 */
export async function articlePage(stored: StoredArticle, site: PageSite): Promise<Uint8Array> {
  const article = stored.head
  const chrome = { uiLang: article.lang, siteName: site.siteName, homeUrl: site.homeUrl }
  const page = (
    <ArticlePage
      article={article}
      body={BODY}
      meta={pageMeta(article, site)}
      chrome={chrome}
      timeZone={site.timeZone}
    />
  )
  const html = `<!DOCTYPE html>${await page.toString()}`
  const at = html.indexOf(BODY)
  const before = encoder.encode(html.slice(0, at))
  const after = encoder.encode(html.slice(at + BODY.length))
  const bytes = new Uint8Array(before.byteLength + stored.html.byteLength + after.byteLength)
  bytes.set(before)
  bytes.set(stored.html, before.byteLength)
  bytes.set(after, before.byteLength + stored.html.byteLength)
  return bytes
}
