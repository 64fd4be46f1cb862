import { raw } from 'hono/html'
import { formatDate, messages, plural } from '../i18n'
import type { SiteInfo } from '../meta/open-graph'
import { pageMeta, type PageMeta } from '../meta/page'
import type { Article } from '../schema/article'
import { Layout, type ChromeProps } from './Layout'

export function ArticlePage({ article, meta, chrome, timeZone }: { article: Article; meta: PageMeta; chrome: ChromeProps; timeZone: string }) {
  const ui = chrome.uiLang
  const t = messages(ui)
  const { image } = article
  return (
    <Layout {...chrome} lang={meta.lang} title={meta.title} description={meta.description} canonical={meta.canonical} tags={meta.tags} jsonLd={meta.jsonLd}>
      <article lang={article.contentLang}>
        <header>
          {article.categories.length > 0 && <p class="kicker">{article.categories.join(' · ')}</p>}
          <h1>{article.title}</h1>
          <p class="byline" lang={ui}>
            {article.authors.length > 0 && <span>{article.authors.map((a) => a.name).join(', ')}</span>}
            {article.datePublished && (
              <span>
                {t.published} <time datetime={article.datePublished}>{formatDate(article.datePublished, ui, timeZone)}</time>
              </span>
            )}
            {article.dateModified && article.dateModified !== article.datePublished && formatDate(article.dateModified, ui, timeZone) !== formatDate(article.datePublished ?? '', ui, timeZone) && (
              <span>
                {t.updated} <time datetime={article.dateModified}>{formatDate(article.dateModified, ui, timeZone)}</time>
              </span>
            )}
            <span>{plural(t.readingTime, article.readingMinutes, ui)}</span>
          </p>
        </header>
        {image && (
          <figure class="hero">
            <img src={image.url} alt={image.alt} width={image.width} height={image.height} fetchpriority="high" decoding="async" />
          </figure>
        )}
        {article.toc.length >= 3 && (
          <nav class="toc" aria-labelledby="toc-title" lang={ui}>
            <h2 id="toc-title">{t.tableOfContents}</h2>
            <ol>
              {article.toc.map((h) => (
                <li class={`l${h.level}`}>
                  <a href={`#${h.id}`} lang={article.contentLang}>{h.text}</a>
                </li>
              ))}
            </ol>
          </nav>
        )}
        <div class="body">{raw(article.html)}</div>
        {article.tags.length > 0 && (
          <ul class="tags" aria-label={t.tags}>
            {article.tags.map((tag) => (
              <li>{tag}</li>
            ))}
          </ul>
        )}
      </article>
    </Layout>
  )
}

export interface PageSite extends SiteInfo {
  /** The language's home, e.g. `https://news.example/ko/`. */
  homeUrl: string
  timeZone: string
}

/** The whole article page as an HTML document: what the route serves and the benchmark measures. */
export async function articleDocument(article: Article, site: PageSite): Promise<string> {
  const chrome = { uiLang: article.lang, siteName: site.siteName, homeUrl: site.homeUrl }
  const page = <ArticlePage article={article} meta={pageMeta(article, site)} chrome={chrome} timeZone={site.timeZone} />
  return `<!doctype html>${await page.toString()}`
}
