import { env, exports } from 'cloudflare:workers'
import { XMLValidator } from 'fast-xml-parser'
import { beforeAll, describe, expect, it } from 'vitest'
import { SITEMAP_LIMIT } from '../../src/render/sitemap'
import { writeIndex } from '../../src/listing/read'
import type { LanguageIndex } from '../../src/schema/listing'
import { internalStore } from '../../src/source/internal'
import { kvDriver } from '../../src/source/kv'

const ORIGIN = 'https://big.example'
const get = (path: string) => exports.default.fetch(`${ORIGIN}${path}`)

// More articles than one sitemap may hold (the protocol's limit is 50,000 URLs).
const COUNT = SITEMAP_LIMIT + 10
beforeAll(async () => {
  const index: LanguageIndex = {
    version: 1,
    lang: 'en',
    articles: Array.from({ length: COUNT }, (_, i) => ({
      slug: `a-${i}`,
      title: `A ${i}`,
      description: '',
      categories: [],
      tags: [],
      contentLang: 'en',
      translations: [],
      datePublished: '2024-01-01T00:00:00+09:00',
    })),
  }
  await writeIndex(internalStore(kvDriver(env.ARTICLES_KV)), index)
})

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
