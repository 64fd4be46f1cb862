import { env, exports } from 'cloudflare:workers'
import { XMLValidator } from 'fast-xml-parser'
import { beforeAll, describe, expect, it } from 'vitest'
import { SITEMAP_LIMIT } from '../../src/render/sitemap'
import { indexDb } from '../../src/listing/db'
import { indexArticle } from '../../src/listing/write'

const ORIGIN = 'https://big.example'
const get = (path: string) => exports.default.fetch(`${ORIGIN}${path}`)

// More URLs than one sitemap part holds: the index splits into parts.
const COUNT = SITEMAP_LIMIT + 10
beforeAll(async () => {
  const db = indexDb(env)
  for (let i = 0; i < COUNT; i++) {
    await indexArticle(db, {
      lang: 'en',
      slug: `a-${i}`,
      title: `A ${i}`,
      description: '',
      publishedAt: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString(),
      contentLang: 'en',
      categories: [],
      tags: [],
      authors: [],
      sourceSha256: 'x',
      store: 'kv',
      firstSeen: '2024-01-01T00:00:00.000Z',
      search: { title: '', description: '', body: '' },
    })
  }
}, 120_000)

describe('a site with more URLs than one sitemap holds', () => {
  it('gets a sitemap index pointing at numbered parts that together hold every URL', async () => {
    const xml = await (await get('/sitemap.xml')).text()
    expect(XMLValidator.validate(xml)).toBe(true)
    expect(xml).toContain('<sitemapindex')
    const parts = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1])
    expect(parts).toEqual([`${ORIGIN}/sitemap-1.xml`, `${ORIGIN}/sitemap-2.xml`])
    const first = await (await get('/sitemap-1.xml')).text()
    const second = await (await get('/sitemap-2.xml')).text()
    const count = (s: string) => (s.match(/<url>/g) ?? []).length
    expect(count(first)).toBe(SITEMAP_LIMIT)
    expect(count(first) + count(second)).toBe(COUNT + 3) // and the three home pages
    expect((await get('/sitemap-3.xml')).status).toBe(404)
  })
})
