import { env } from 'cloudflare:workers'
import { expect, it } from 'vitest'
import { r2Driver } from '../../src/source/r2'
import { sourceStore } from '../../src/source/store'
import { describeSourceStore } from '../contract/source-store'

const store = () => sourceStore(r2Driver(env.ARTICLES_R2), { maxBytes: 1_000 })

describeSourceStore('r2', store, async (key, text, metadata) => {
  await env.ARTICLES_R2.put(key, text, { customMetadata: metadata })
})

it('dates an object without metadata by its R2 upload time', async () => {
  const before = Date.now()
  await env.ARTICLES_R2.put('ko/dated', 'x')
  const file = await store().get('ko/dated')
  expect(file!.uploaded!.getTime()).toBeGreaterThanOrEqual(before - 1000)
})
