/**
 * Front matter is the publisher's text: wherever it lands (HTML text, attributes, URLs, JSON-LD,
 * JSON, Atom, oEmbed) it must arrive as the same text and never as markup.
 */
import { env, exports } from 'cloudflare:workers'
import { XMLValidator } from 'fast-xml-parser'
import { beforeAll, describe, expect, it } from 'vitest'
import { putSiteWithIndexes } from '../helpers/content'
import { readPage, type JsonLd } from '../helpers/html'

const ORIGIN = 'https://escape.example'
const get = (path: string) => exports.default.fetch(`${ORIGIN}${path}`)
const HOSTILE = `"><script>alert(1)</script></title><img src=x onerror=alert(1)> & </script><!-- '`
const SOURCE = `---
title: ${JSON.stringify(HOSTILE)}
description: ${JSON.stringify(`${HOSTILE} description`)}
author:
  name: ${JSON.stringify(`Kim <b>"Bold"</b>`)}
  url: "https://author.example/?a=1&b=<x>"
tags: [${JSON.stringify('</script>')}, "a&b"]
image:
  url: "https://img.example/a.jpg?q=\\"><script>"
  alt: ${JSON.stringify(HOSTILE)}
---
<p>Body.</p>
`

let page: ReturnType<typeof readPage>
let html: string
beforeAll(async () => {
  await putSiteWithIndexes(env.ARTICLES_KV, [
    { path: 'en/hostile.html', key: 'en/hostile', text: SOURCE },
  ])
  html = await (await get('/en/hostile')).text()
  page = readPage(html)
})

describe('front matter in the article page', () => {
  it('lands in text as the same text', () => {
    expect(page.document.querySelector('title')?.textContent).toBe(`${HOSTILE} | Edge Press`)
    expect(page.document.querySelector('h1')?.textContent).toBe(HOSTILE)
    expect(page.all('.byline span')[0]?.textContent).toBe('Kim <b>"Bold"</b>')
  })

  it('lands in attributes as the same text', () => {
    expect(page.meta('og:title')).toBe(HOSTILE)
    expect(page.meta('twitter:title')).toBe(HOSTILE)
    expect(page.meta('og:image:alt')).toBe(HOSTILE)
    expect(page.all('.hero img')[0]?.getAttribute('alt')).toBe(HOSTILE)
    expect(page.metas('article:tag')).toEqual(['</script>', 'a&b'])
  })

  it('lands in URLs percent-encoded', () => {
    expect(page.meta('og:image')).toBe('https://img.example/a.jpg?q=%22%3E%3Cscript%3E')
    expect(page.all('.hero img')[0]?.getAttribute('src')).toBe(
      'https://img.example/a.jpg?q=%22%3E%3Cscript%3E',
    )
  })

  it('never breaks out: the only scripts are the JSON-LD (article, breadcrumbs), no element or handler was injected', () => {
    const scripts = page.all('script')
    expect(scripts.map((s) => s.getAttribute('type'))).toEqual([
      'application/ld+json',
      'application/ld+json',
    ])
    expect(page.all('[onerror], [onload]')).toHaveLength(0)
    expect(page.all('body img')).toHaveLength(1)
    expect(html.match(/<\/script>/g)).toHaveLength(2)
    // The hostile title is the breadcrumbs' last item, as the same text.
    const crumbs = JSON.parse(scripts[1]!.textContent!) as { itemListElement: { name: string }[] }
    expect(crumbs.itemListElement.at(-1)!.name).toBe(HOSTILE)
  })

  it('lands in JSON-LD as the same text, with no </script> inside the block', () => {
    const block = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)![1]!
    expect(block).not.toMatch(/<\/script|<!--/i)
    const ld = JSON.parse(block) as JsonLd
    expect(ld.headline).toBe(HOSTILE)
    expect(ld.author[0]!.name).toBe('Kim <b>"Bold"</b>')
    // URLs from front matter are normalized as browsers resolve them: what we print is what they load.
    expect(ld.author[0]!.url).toBe('https://author.example/?a=1&b=%3Cx%3E')
  })
})

describe('front matter elsewhere', () => {
  it('lands in the JSON API as the same text', async () => {
    const json = await (
      await get('/api/articles/en/hostile')
    ).json<{
      title: string
      tags: string[]
    }>()
    expect(json.title).toBe(HOSTILE)
    expect(json.tags).toEqual(['</script>', 'a&b'])
  })

  it('lands in the Atom feed as well-formed XML with the same text', async () => {
    const xml = await (await get('/en/feed.xml')).text()
    expect(XMLValidator.validate(xml)).toBe(true)
    expect(xml).toContain('<title type="text">&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;')
  })

  it('lands in the oEmbed card escaped', async () => {
    const body = await (
      await get(`/oembed?url=${encodeURIComponent(`${ORIGIN}/en/hostile`)}`)
    ).json<{ title: string; html: string }>()
    expect(body.title).toBe(HOSTILE)
    const card = readPage(body.html)
    expect(card.all('script, img')).toHaveLength(0)
    expect(card.all('a')[0]?.textContent).toBe(HOSTILE)
  })
})
