/**
 * A page made from the derived article stored at publish time is byte for byte the page made by
 * parsing the source at the edge: for every article in content/ and every XSS vector, HTML and JSON.
 */
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { AppError } from '../../src/errors'
import { buildArticle, PLACEHOLDER_ORIGIN } from '../../src/pipeline'
import DOMPURIFY from '../fixtures/xss/dompurify-vectors.json'
import { OWASP_VECTORS } from '../fixtures/xss/owasp-vectors'
import { CONTENT, publishSource, type ContentFixture } from '../helpers/content'
import { client } from '../helpers/request'

const VECTORS: ContentFixture[] = [
  ...OWASP_VECTORS,
  ...DOMPURIFY.vectors.map((v) => v.payload),
].flatMap((payload, i) => [
  {
    key: `en/vector-${i}`,
    path: `en/vector-${i}.html`,
    text: `---\ntitle: Vector ${i}\n---\n${payload}\n`,
  },
  {
    key: `en/vector-md-${i}`,
    path: `en/vector-md-${i}.md`,
    text: `---\ntitle: Vector ${i}\n---\nIntro.\n\n${payload}\n`,
  },
])

/** Only sources that publish: a refused one has no page on either path. */
function publishable(file: ContentFixture): boolean {
  try {
    const format = file.path.endsWith('.md') ? 'md' : 'html'
    const bytes = new TextEncoder().encode(file.text).buffer as ArrayBuffer
    buildArticle(
      { key: file.key, bytes, etag: 'x', store: 'kv', fileName: file.path, format },
      { baseUrl: PLACEHOLDER_ORIGIN, timeZone: 'Asia/Seoul' },
    )
    return true
  } catch (error) {
    if (error instanceof AppError) return false
    throw error
  }
}

let n = 0
/** The HTML page and the JSON of one article, rendered from its derived article, then from its source. */
async function bothPaths(file: ContentFixture) {
  await publishSource(file.key, file.text, file.path)
  const lang = file.key.slice(0, file.key.indexOf('/'))
  const slug = file.key.slice(lang.length + 1)
  const paths = [
    `/${lang}/${encodeURIComponent(slug)}`,
    `/api/articles/${lang}/${encodeURIComponent(slug)}`,
  ]
  const derived = await Promise.all(
    paths.map((path) => client(`https://derived-${++n}.example`).get(path)),
  )
  // Take the derived article away: the same requests, on fresh origins, now parse the source.
  await env.ARTICLES_KV.delete(`_/derived/${lang}/${slug}`)
  const parsed = await Promise.all(
    paths.map((path, i) =>
      client(`https://derived-${n - 1 + i}.example`).get(
        path,
        {},
        {
          CACHE_FRESH_SECONDS: '0',
          CACHE_REVALIDATE_SECONDS: '0',
        },
      ),
    ),
  )
  return { derived, parsed }
}

describe('derived articles', () => {
  const published = CONTENT.filter((f) => !f.text.includes('published: false'))

  it.each(published.map((f) => [f.path, f] as const))(
    'render %s exactly as parsing its source does',
    async (_path, file) => {
      const { derived, parsed } = await bothPaths(file)
      expect(derived[0]!.status).toBe(200)
      expect(parsed[0]!.header('server-timing')).toMatch(/parse;dur=/) // this one really parsed
      expect(derived[0]!.header('server-timing')).not.toMatch(/parse;dur=/) // and this one did not
      expect(parsed[0]!.body).toBe(derived[0]!.body)
      expect(parsed[1]!.body).toBe(derived[1]!.body)
    },
  )

  it(`render all XSS vector articles exactly as parsing their sources does`, async () => {
    const different: string[] = []
    const checked = VECTORS.filter(publishable)
    for (const file of checked) {
      const { derived, parsed } = await bothPaths(file)
      if (parsed[0]!.body !== derived[0]!.body || parsed[1]!.body !== derived[1]!.body)
        different.push(file.key)
    }
    expect(checked.length).toBeGreaterThan(600)
    expect(different).toEqual([])
  }, 300_000)
})
