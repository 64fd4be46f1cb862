import { env } from 'cloudflare:workers'
import { expect, it } from 'vitest'
import { kvStore } from '../../src/source/kv'
import { describeSourceStore } from '../contract/source-store'

describeSourceStore('kv', () => kvStore(env.ARTICLES_KV), (key, text) => env.ARTICLES_KV.put(key, text))

it('reads content:push metadata: file name, format and upload times', async () => {
  await env.ARTICLES_KV.put('en/x', 'body', { metadata: { fileName: 'en/2024-01-02-x.md', format: 'md', sha256: 'ab'.repeat(32), uploaded: '2024-03-01T00:00:00.000Z', firstUploaded: '2024-01-02T00:00:00.000Z' } })
  const file = await kvStore(env.ARTICLES_KV).get('en/x')
  expect(file).toMatchObject({ fileName: 'en/2024-01-02-x.md', format: 'md', etag: 'ab'.repeat(32) })
  expect(file!.uploaded?.toISOString()).toBe('2024-03-01T00:00:00.000Z')
  expect(file!.firstUploaded?.toISOString()).toBe('2024-01-02T00:00:00.000Z')
})
