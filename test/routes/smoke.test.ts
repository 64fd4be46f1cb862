import { env, exports } from 'cloudflare:workers'
import { it, expect } from 'vitest'
import { SEED } from '../helpers/seed'
import app from '../../src/index'
import { buildArticle } from '../../src/pipeline'

it('builds', async () => {
  const t = Date.now()
  const a = buildArticle({ key: 'ko/x', bytes: new TextEncoder().encode(SEED).buffer as ArrayBuffer, etag: 'e', store: 'kv' }, { baseUrl: 'https://n.example', timeZone: 'Asia/Seoul' })
  console.log('built', Date.now() - t, a.title, a.description)
}, 30000)
it('serves the seed from KV', async () => {
  await env.ARTICLES_KV.put('ko/putin-kim-pact', SEED)
  console.log('put done')
  const res = await app.request('https://news.example/ko/putin-kim-pact', {}, env)
  const html = await res.text()
  console.log(res.status, html.slice(0, 3000))
  expect(res.status).toBe(200)
}, 30000)
