/**
 * Source metadata is editable by anyone with storage access. Dates in it that do not parse or lie
 * outside years 1–9999 are treated as missing: never a 500 on read, never a failed PUT.
 */
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { client } from '../helpers/request'

const TOKEN = 'metadata-dates-token-0123456789'
const api = client('https://metadata-dates.example', { ADMIN_TOKEN: TOKEN })
const source = (title: string) => `---\ntitle: ${title}\ndate: 2024-01-01\n---\n<p>${title}</p>`

describe('hand-edited metadata dates', () => {
  it('a PUT over `firstUploaded: "garbage"` publishes, with a real first upload date', async () => {
    await env.ARTICLES_KV.put('en/garbage-date', source('Before'), {
      metadata: { format: 'html', firstUploaded: 'garbage', modified: '+275760-09-13T00:00:00Z' },
    })
    const put = await api.call('/admin/articles/en/garbage-date', {
      method: 'PUT',
      body: source('After'),
      headers: { authorization: `Bearer ${TOKEN}` },
    })
    expect(put.status).toBeLessThan(300)
    const { metadata } =
      await env.ARTICLES_KV.getWithMetadata<Record<string, string>>('en/garbage-date')
    expect(Number.isNaN(Date.parse(metadata!.firstUploaded!))).toBe(false)
    expect(metadata!.modified).not.toBe('+275760-09-13T00:00:00Z')
    expect((await api.get('/en/garbage-date')).body).toContain('<h1>After</h1>')
  })

  it('a source read with an out-of-range first upload date still renders', async () => {
    await env.ARTICLES_KV.put('en/far-date', source('Far'), {
      metadata: { format: 'html', firstUploaded: '+275760-09-13T00:00:00.000Z' },
    })
    const page = await api.get('/en/far-date')
    expect(page.status).toBe(200)
    expect(page.body).toContain('<h1>Far</h1>')
  })
})
