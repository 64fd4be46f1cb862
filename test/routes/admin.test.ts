import { beforeAll, describe, expect, it } from 'vitest'
import { publishSource } from '../helpers/content'
import { client } from '../helpers/request'
import { SEED } from '../helpers/seed'

const ORIGIN = 'https://admin.example'
const TOKEN = 'test-token-0123456789'

const call = async (path: string, init: RequestInit = {}, bindings: Partial<Env> = {}) => {
  const { body, res } = await client(ORIGIN, { ADMIN_TOKEN: TOKEN }).call(path, init, bindings)
  return new Response(body, res)
}
const purge = (body: unknown, token = TOKEN) =>
  call('/admin/cache/purge', {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })

describe('the cache purge endpoint', () => {
  beforeAll(() => publishSource('ko/putin-kim-pact', SEED))

  it('does not exist without a configured ADMIN_TOKEN', async () => {
    const res = await call(
      '/admin/cache/purge',
      { method: 'POST', headers: { authorization: 'Bearer ' } },
      { ADMIN_TOKEN: undefined },
    )
    expect(res.status).toBe(404)
  })

  it('refuses a wrong or missing token with 401 and a JSON error', async () => {
    expect((await purge({ tags: ['a:ko/putin-kim-pact'] }, 'wrong')).status).toBe(401)
    const res = await call('/admin/cache/purge', { method: 'POST' })
    expect(res.status).toBe(401)
    expect((await res.json<{ error: { code: string } }>()).error.code).toBe('UNAUTHORIZED')
  })

  it('refuses a malformed body with the reason', async () => {
    const res = await purge({ tags: ['a:ko/북러 협정'] })
    expect(res.status).toBe(422)
    expect((await res.json<{ error: { code: string } }>()).error.code).toBe('REQUEST_INVALID')
  })

  it('drops both variants of a changed article so the next request renders the new version', async () => {
    await call('/ko/putin-kim-pact')
    await call('/api/articles/ko/putin-kim-pact')
    expect((await call('/ko/putin-kim-pact')).headers.get('x-cache')).toBe('HIT')
    await publishSource('ko/putin-kim-pact', SEED.replace('title: ', 'title: 수정 '))

    const res = await purge({ tags: ['a:ko/putin-kim-pact'] })
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({
      via: 'cache-api',
      tags: ['a:ko/putin-kim-pact'],
      deleted: 2,
      errors: [],
    })
    const after = await call('/ko/putin-kim-pact')
    expect(after.headers.get('x-cache')).toBe('MISS')
    expect(await after.text()).toContain('<h1>수정 푸틴')
  })
})
