/**
 * An article's related articles, as its page's footer reads them from the index: scored by tags
 * shared, then the same section, then recency; never itself, never another language, never what the
 * index no longer holds.
 */
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { around } from '../../src/listing/around'
import type { IndexRow } from '../../src/listing/entry'
import { relatedLabels } from '../../src/listing/related'
import { indexArticles, unindexArticles } from '../../src/listing/write'

const CONFIG = { storageTimeoutMs: 10_000 }

const row = (
  slug: string,
  date: string,
  categories: string[],
  tags: string[],
  lang = 'ko',
): IndexRow => ({
  lang,
  slug,
  title: `제목 ${slug}`,
  description: '',
  publishedAt: `${date}T09:00:00+09:00`,
  contentLang: lang,
  categories,
  tags,
  authors: [],
  sourceSha256: `sha-${slug}`,
  store: 'kv',
  firstSeen: '2024-01-01T00:00:00.000Z',
  search: { title: slug, description: '', body: '' },
})

const relatedOf = async (slug: string, sectionKeys: string[], tags: string[], lang = 'ko') =>
  (
    await around(env.ARTICLES_DB, CONFIG, {
      lang,
      slug,
      labels: relatedLabels({ lang, sectionKeys, tags }),
    })
  ).related.map((e) => e.slug)

describe('related articles', () => {
  it('rank shared tags first, then the same section, then the newest; never the article itself', async () => {
    await indexArticles(env.ARTICLES_DB, [
      row('r-page', '2024-03-01', ['경제'], ['반도체', '수출']),
      row('r-both-tags-old', '2020-01-01', ['경제'], ['반도체', '수출']),
      row('r-one-tag-other-section', '2024-05-01', ['정치'], ['반도체']),
      row('r-one-tag-same-section', '2021-01-01', ['경제'], ['반도체']),
      row('r-section-only-new', '2026-01-01', ['경제'], []),
      row('r-section-only-old', '2025-01-01', ['경제'], []),
      row('r-unrelated-newest', '2026-06-01', ['정치'], ['선거']),
      // Another language with the same labels is another site's page.
      row('r-english', '2026-06-01', ['경제'], ['반도체', '수출'], 'en'),
    ])
    expect(await relatedOf('r-page', ['경제'], ['반도체', '수출'])).toEqual([
      'r-both-tags-old',
      'r-one-tag-same-section',
      'r-one-tag-other-section',
      'r-section-only-new',
    ])
  })

  it('count every spelling of the section as the same section, whatever its case', async () => {
    await indexArticles(env.ARTICLES_DB, [
      row('s-page', '2024-03-01', ['뉴스'], []),
      row('s-english-spelling', '2023-01-01', ['News'], []),
      row('s-other', '2026-01-01', ['스포츠'], []),
    ])
    expect(await relatedOf('s-page', ['news', '뉴스'], [])).toEqual(['s-english-spelling'])
  })

  it('drop an article the moment it leaves the index (unpublished, or back to a draft)', async () => {
    await indexArticles(env.ARTICLES_DB, [
      row('u-page', '2024-03-01', ['문화'], ['영화']),
      row('u-gone', '2024-02-01', ['문화'], ['영화']),
      row('u-stays', '2024-01-01', ['문화'], []),
    ])
    expect(await relatedOf('u-page', ['문화'], ['영화'])).toEqual(['u-gone', 'u-stays'])
    await unindexArticles(env.ARTICLES_DB, [{ lang: 'ko', slug: 'u-gone' }])
    expect(await relatedOf('u-page', ['문화'], ['영화'])).toEqual(['u-stays'])
  })
})
