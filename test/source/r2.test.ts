import { env } from 'cloudflare:workers'
import { expect, it } from 'vitest'
import { r2Store } from '../../src/source/r2'
import { describeSourceStore } from '../contract/source-store'

describeSourceStore(
  'r2',
  () => r2Store(env.ARTICLES_R2),
  async (key, text) => {
    await env.ARTICLES_R2.put(key, text)
  },
)

it('dates an object by its upload time', async () => {
  const before = Date.now()
  await env.ARTICLES_R2.put('ko/dated', 'x')
  const file = await r2Store(env.ARTICLES_R2).get('ko/dated')
  expect(file!.uploaded!.getTime()).toBeGreaterThanOrEqual(before - 1000)
})
