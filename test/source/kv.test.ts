import { env } from 'cloudflare:workers'
import { expect, it } from 'vitest'
import { kvStore } from '../../src/source/kv'
import { sha256Hex } from '../../src/source/store'
import { describeSourceStore } from '../contract/source-store'

describeSourceStore(
  'kv',
  () => kvStore(env.ARTICLES_KV),
  (key, text) => env.ARTICLES_KV.put(key, text),
)

it('reads content:push metadata: file name, format and upload times', async () => {
  const sha256 = await sha256Hex(new TextEncoder().encode('body').buffer as ArrayBuffer)
  await env.ARTICLES_KV.put('en/x', 'body', {
    metadata: {
      fileName: 'en/2024-01-02-x.md',
      format: 'md',
      sha256,
      uploaded: '2024-03-01T00:00:00.000Z',
      firstUploaded: '2024-01-02T00:00:00.000Z',
    },
  })
  const file = await kvStore(env.ARTICLES_KV).get('en/x')
  expect(file).toMatchObject({ fileName: 'en/2024-01-02-x.md', format: 'md', etag: sha256 })
  expect(file!.uploaded?.toISOString()).toBe('2024-03-01T00:00:00.000Z')
  expect(file!.firstUploaded?.toISOString()).toBe('2024-01-02T00:00:00.000Z')
})

it('treats a value that does not match its stored hash as a storage fault, not as the article', async () => {
  await env.ARTICLES_KV.put('en/cut', '---\ntitle: Cut sh', {
    metadata: {
      sha256: await sha256Hex(
        new TextEncoder().encode('---\ntitle: Cut short\n---\nbody').buffer as ArrayBuffer,
      ),
    },
  })
  await expect(kvStore(env.ARTICLES_KV).get('en/cut')).rejects.toThrow(/truncated or damaged/)
})

it('refuses a value over the size limit with a message naming the limit', async () => {
  await env.ARTICLES_KV.put('en/big', 'x'.repeat(2_000))
  await expect(kvStore(env.ARTICLES_KV, { maxBytes: 1_000 }).get('en/big')).rejects.toThrow(
    /2000 bytes; the limit is 1000 \(MAX_SOURCE_BYTES\)/,
  )
})
