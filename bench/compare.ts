/**
 * The bar we hold ourselves to: the link-preview fields a crawler needs, for the seed article, as
 * this renderer, Hugo (internal opengraph/twitter/schema templates) and Jekyll with jekyll-seo-tag
 * produce them from the same file. Hugo and Jekyll run when installed (Debian: hugo, jekyll,
 * ruby-jekyll-seo-tag); otherwise their column is skipped.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parseHTML } from 'linkedom'
import { hasHugo, hugoPage } from './hugo'
import { renderPage } from './pipeline'
import { withTempDir } from './temp'

/** The part of linkedom's document read here (its own types need the DOM lib's Window). */
interface Doc {
  querySelector(
    selector: string,
  ): { textContent: string | null; getAttribute(name: string): string | null } | null
}

/** What a preview needs, checked on the raw HTML the way crawlers read it. */
const FIELDS: [string, (doc: Doc) => boolean][] = [
  ['og:title', (d) => has(d, 'og:title')],
  ['og:description', (d) => has(d, 'og:description')],
  ['og:image', (d) => has(d, 'og:image')],
  ['og:image:alt', (d) => has(d, 'og:image:alt')],
  ['og:locale ko_KR', (d) => meta(d, 'og:locale') === 'ko_KR'],
  ['og:type article', (d) => meta(d, 'og:type') === 'article'],
  ['article:published_time', (d) => has(d, 'article:published_time')],
  ['twitter:card large image', (d) => meta(d, 'twitter:card') === 'summary_large_image'],
  ['meta description', (d) => has(d, 'description')],
  ['canonical link', (d) => !!d.querySelector('link[rel="canonical"]')],
  [
    'JSON-LD NewsArticle',
    (d) =>
      /"NewsArticle"/.test(
        d.querySelector('script[type="application/ld+json"]')?.textContent ?? '',
      ),
  ],
  ['og:url', (d) => has(d, 'og:url')],
  ['og:site_name', (d) => has(d, 'og:site_name')],
]
const meta = (d: Doc, key: string) =>
  d.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content') ??
  undefined
const has = (d: Doc, key: string) => !!meta(d, key)

export async function compareWithGenerators(): Promise<{
  fields: string[]
  tools: Record<string, boolean[] | null>
}> {
  const seed = await readFile('content/ko/2024-06-19-putin-kim-pact.html')
  const ours = await renderPage({
    key: 'ko/putin-kim-pact',
    bytes: seed.buffer.slice(seed.byteOffset, seed.byteOffset + seed.byteLength),
    etag: 'b',
    store: 'kv',
    fileName: 'ko/putin-kim-pact.html',
    format: 'html',
    uploaded: new Date('2024-06-19T05:00:00Z'),
  })
  const check = (html: string) => {
    const { document } = parseHTML(html) as { document: Doc }
    return FIELDS.map(([, test]) => test(document))
  }
  return {
    fields: FIELDS.map(([name]) => name),
    tools: {
      'edge-article-renderer': check(new TextDecoder().decode(ours)),
      Hugo: hasHugo() ? check(await hugoPage()) : null,
      'Jekyll + jekyll-seo-tag': await jekyllPage().then((h) => (h === null ? null : check(h))),
    },
  }
}

async function jekyllPage(): Promise<string | null> {
  if (spawnSync('jekyll', ['--version']).status !== 0) return null
  return withTempDir('jekyll-', async (site) => {
    await mkdir(join(site, '_layouts'), { recursive: true })
    await mkdir(join(site, 'ko'), { recursive: true })
    await cp('content/ko/2024-06-19-putin-kim-pact.html', join(site, 'ko/putin-kim-pact.html'))
    await writeFile(
      join(site, '_config.yml'),
      'title: Edge Press\nurl: https://news.example\nlang: ko_KR\nplugins: [jekyll-seo-tag]\ndefaults:\n  - scope: { path: "" }\n    values: { layout: default }\n',
    )
    await writeFile(
      join(site, '_layouts/default.html'),
      '<!doctype html><html lang="{{ site.lang | default: "en" }}"><head><meta charset="utf-8">{% seo %}</head><body>{{ content }}</body></html>',
    )
    execFileSync(
      'jekyll',
      ['build', '--quiet', '--source', site, '--destination', join(site, '_site')],
      { stdio: 'pipe' },
    )
    return readFile(join(site, '_site/ko/putin-kim-pact.html'), 'utf8')
  })
}
