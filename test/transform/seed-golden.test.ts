import { describe, expect, it } from 'vitest'
import { buildArticle } from '../../src/pipeline'
import golden from '../fixtures/seed.body.html?raw'
import { SEED } from '../helpers/seed'

/**
 * The reference article's body, reviewed once and kept: hardening the sanitizer must not change
 * what readers of the seed see. If a change here is intended, review the new output and update the file.
 */
describe('the seed article body', () => {
  it('renders exactly as reviewed', () => {
    const bytes = new TextEncoder().encode(SEED).buffer as ArrayBuffer
    const article = buildArticle(
      {
        key: 'ko/putin-kim-pact',
        bytes,
        etag: 'x',
        store: 'kv',
        fileName: 'ko/putin-kim-pact.html',
        format: 'html',
      },
      { baseUrl: 'https://news.example', timeZone: 'Asia/Seoul' },
    )
    expect(`${article.html}\n`).toBe(golden)
  })
})
