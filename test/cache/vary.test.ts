/**
 * An error page at an address without a language is in the reader's language, and says so with
 * `Vary: Accept-Language`. No cache here keys by language, so such an answer is never kept: a
 * Japanese 404 once went to an English reader.
 */
import { describe, expect, it } from 'vitest'
import { client } from '../helpers/request'
import { FakeWorkersCache } from '../helpers/workers-cache'

const missing = `/oembed?url=${encodeURIComponent('https://vary.example/en/missing')}`
const accept = (lang: string) => ({ 'accept-language': lang, accept: 'text/html' })

describe('an error page that varies by language', () => {
  it('is not kept by the in-Worker cache: each reader gets their language', async () => {
    const site = client('https://vary.example')
    const ja = await site.get(missing, accept('ja'))
    const en = await site.get(missing, accept('en'))
    expect(ja.status).toBe(404)
    expect(ja.header('vary')).toMatch(/Accept-Language/)
    expect(en.status).toBe(404)
    expect(en.body).not.toBe(ja.body)
    expect(en.header('x-cache')).not.toBe('HIT')
  })

  it('is not kept by Workers Cache', async () => {
    const edge = new FakeWorkersCache()
    const site = client('https://vary.example', { BASE_URL: 'https://vary.example' }, edge)
    const ja = await site.get(missing, accept('ja'))
    const en = await site.get(missing, accept('en'))
    expect(ja.status).toBe(404)
    expect(en.header('cf-cache-status')).not.toBe('HIT')
    expect(en.body).not.toBe(ja.body)
  })
})
