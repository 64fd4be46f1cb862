/**
 * The article page is the chrome rendered around the stored body bytes. Where the body goes must not
 * depend on anything a field can spell: a title or description holding the old `\0body\0` marker
 * once moved the body into a `<meta content>` attribute, whose text then became attributes.
 */
import { env, exports } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { articlePage } from '../../src/render/article-page'
import type { StoredArticle } from '../../src/articles/derived'
import { putKv } from '../helpers/content'
import { readPage } from '../helpers/html'

const encoder = new TextEncoder()
const MARKER = '\u0000body\u0000'
const BODY = '<p>" http-equiv="refresh" content="0;url=https://evil.example/</p>'

function stored(): StoredArticle {
  return {
    head: {
      lang: 'en',
      contentLang: 'en',
      slug: 'splice',
      title: `Title ${MARKER}`,
      description: `0;url=https://evil.example/${MARKER}`,
      excerpt: `Standfirst ${MARKER}`,
      url: 'https://site.example/en/splice',
      categories: [],
      tags: [],
      authors: [],
      schemaType: 'Article',
      published: true,
      toc: [],
      readingMinutes: 1,
      translations: [
        { lang: 'ko', url: 'https://site.example/ko/splice', title: `번역 ${MARKER}` },
      ],
      extra: {},
      source: { key: 'en/splice', store: 'kv', etag: 'e', format: 'html' },
    },
    html: encoder.encode(BODY),
    text: encoder.encode('body'),
    origin: 'https://site.example',
  }
}

describe('the body splice', () => {
  it('puts the body in the article body even when fields spell the old marker', async () => {
    const bytes = await articlePage(stored(), {
      siteName: 'Edge Press',
      twitterSite: '',
      homeUrl: 'https://site.example/en/',
      timeZone: 'UTC',
      languages: ['en', 'ko'],
    })
    const html = new TextDecoder().decode(bytes)
    const page = readPage(html)
    expect(page.all('meta[http-equiv]')).toHaveLength(0)
    expect(page.document.querySelector('.story .body')?.innerHTML).toBe(BODY)
    expect(html.split(BODY)).toHaveLength(2)
  })
})

describe('a hand-put source whose YAML spells a control character', () => {
  it('is refused with the key and line, and serves no page built around it', async () => {
    const source = [
      '---',
      'title: Refresh',
      'description: "0;url=https://evil.example/\\0body\\0"',
      '---',
      '<p>" http-equiv="refresh" content="0;url=https://evil.example/</p>',
      '',
    ].join('\n')
    await putKv(env.ARTICLES_KV, 'en/nul-desc', source)
    const response = await exports.default.fetch('https://site.example/en/nul-desc', {
      headers: { accept: 'application/json' },
    })
    const body = await response.text()
    expect(response.status).toBe(500)
    expect(body).toContain('SOURCE_INVALID')
    expect(body).toContain('en/nul-desc.html:3 → description')
    expect(body).toContain('U+0000')
    expect(body).not.toContain('http-equiv')
  })
})
