/** Per-category and per-tag Atom feeds, each advertised by its listing page. */
import { describe, expect, it } from 'vitest'
import { publishSource } from '../helpers/content'
import { readPage } from '../helpers/html'
import { client } from '../helpers/request'

const site = client('https://label-feeds.example')
const story = (title: string, labels: string) =>
  `---\ntitle: ${title}\ndate: 2024-05-0${title.length % 9} 10:00:00 +0900\n${labels}\n---\n\n${title} 본문.\n`

describe('category and tag feeds', () => {
  it('carry only their own articles, in full, and are linked from their listing', async () => {
    await publishSource('ko/lf-world', story('세계 소식', 'categories: [World]\ntags: [외교]'))
    await publishSource('ko/lf-sports', story('스포츠', 'categories: [Sports]'))
    const res = await site.get('/ko/category/world/feed.xml')
    expect(res.status).toBe(200)
    expect(res.header('content-type')).toMatch(/^application\/atom\+xml/)
    expect(res.body).toContain('<id>https://label-feeds.example/ko/lf-world</id>')
    expect(res.body).not.toContain('lf-sports')
    expect(res.body).toContain('<content type="html"')
    expect(res.body).toContain(
      '<link rel="self" type="application/atom+xml" href="https://label-feeds.example/ko/category/World/feed.xml"/>',
    )
    const tag = await site.get(`/ko/tag/${encodeURIComponent('외교')}/feed.xml`)
    expect(tag.body).toContain('lf-world')
    expect((await site.get('/ko/tag/nothing-here/feed.xml')).status).toBe(404)

    const listing = readPage((await site.get('/ko/category/world')).body)
    const feeds = listing
      .all('link[rel="alternate"][type="application/atom+xml"]')
      .map((l) => l.getAttribute('href'))
    expect(feeds).toEqual([
      'https://label-feeds.example/ko/feed.xml',
      'https://label-feeds.example/ko/category/World/feed.xml',
    ])
  })
})
