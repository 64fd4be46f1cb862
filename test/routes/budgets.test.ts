/**
 * Aggregate responses have a total budget, whatever the articles in them: 20 accepted 1 MB articles
 * once made a 113 MB feed, and twelve cards of 64 KB summaries a listing of megabytes.
 */
import { describe, expect, it } from 'vitest'
import { FEED_CONTENT_BYTES } from '../../src/routes/feeds'
import { putSiteWithIndexes } from '../helpers/content'
import { client } from '../helpers/request'
import { env } from 'cloudflare:workers'

const site = client('https://budgets.example')

describe('the feed', () => {
  it('carries full content up to its budget, and summaries with links after it', async () => {
    const body = `<p>${'feed body text '.repeat(20_000)}</p>` // 300 KB
    await putSiteWithIndexes(
      env.ARTICLES_KV,
      Array.from({ length: 6 }, (_, i) => ({
        key: `ja/big-${i}`,
        path: `ja/big-${i}.html`,
        text: `---\ntitle: 大きい ${i}\ndate: 2024-01-0${i + 1}\ndescription: 要約 ${i}\n---\n${body}\n`,
      })),
    )
    const feed = await site.get('/ja/feed.xml')
    expect(feed.status).toBe(200)
    const entries = feed.body.split('<entry').slice(1)
    expect(entries).toHaveLength(6)
    const full = entries.filter((e) => e.includes('<content'))
    expect(full).toHaveLength(Math.floor(FEED_CONTENT_BYTES / body.length))
    // The newest come in full; every entry keeps its summary and link.
    expect(entries[0]).toContain('<content')
    expect(entries.every((e) => e.includes('<summary') && e.includes('rel="alternate"'))).toBe(true)
    expect(feed.bytes.byteLength).toBeLessThan(FEED_CONTENT_BYTES * 1.2)
  })
})

describe('a listing, search results and an oEmbed card', () => {
  it('stay small when every article has a summary as long as front matter allows (page size × text limits)', async () => {
    const long = (word: string) => `${word} `.repeat(249).trim() // 1,991 characters, near the 2,000 allowed
    await putSiteWithIndexes(
      env.ARTICLES_KV,
      Array.from({ length: 12 }, (_, i) => ({
        key: `en/long-${i}`,
        path: `en/long-${i}.html`,
        text: `---\ntitle: Headline ${i}\ndescription: ${long('요약문')}\ndate: 2024-02-0${(i % 9) + 1}\n---\n<p>x</p>\n`,
      })),
    )
    const home = await site.get('/en/')
    expect(home.status).toBe(200)
    expect(home.bytes.byteLength).toBeLessThan(200_000)
    const results = await site.get('/api/search?lang=en&q=%EC%9A%94%EC%95%BD%EB%AC%B8')
    expect(results.status).toBe(200)
    expect(results.bytes.byteLength).toBeLessThan(200_000)
    const card = await site.get(
      `/oembed?url=${encodeURIComponent('https://budgets.example/en/long-0')}`,
    )
    expect(card.status).toBe(200)
    expect(card.bytes.byteLength).toBeLessThan(20_000)
  })
})
