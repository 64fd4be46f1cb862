import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env, exports } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import worker from '../src'
import { putKv } from './helpers/content'
import { SEED } from './helpers/seed'

const csp = (res: Response) =>
  Object.fromEntries(
    (res.headers.get('content-security-policy') ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name = '', ...values]) => [name, values] as const),
  )

beforeAll(() => putKv(env.ARTICLES_KV, 'ko/putin-kim-pact', SEED, 'ko/putin-kim-pact.html'))

describe('security headers', () => {
  it('forbid every script and lock the page down', async () => {
    const res = await exports.default.fetch('https://secure.example/ko/putin-kim-pact')
    const policy = csp(res)
    expect(policy['default-src']).toEqual(["'none'"])
    expect(policy['script-src']).toBeUndefined() // falls back to default-src 'none'
    expect(policy['base-uri']).toEqual(["'none'"])
    // Forms may only submit to the site itself: the search box.
    expect(policy['form-action']).toEqual(["'self'"])
    expect(policy['frame-ancestors']).toEqual(["'none'"])
    expect(policy['img-src']).toEqual([
      "'self'",
      'data:',
      'https://newsdao.kr',
      'https://images.example.com',
    ])
    expect(policy['style-src-elem']?.[0]).toMatch(/^'sha256-[A-Za-z0-9+/]+=*'$/)
    expect(policy['upgrade-insecure-requests']).toEqual([])
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
    expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains')
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN')
  })

  it('allow exactly the inlined stylesheets by their hashes, on pages and in the inspector', async () => {
    const hashOf = async (css: string) =>
      `'sha256-${btoa(String.fromCharCode(...new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(css)))))}'`
    const allowed = new Set<string>()
    for (const path of ['/ko/putin-kim-pact', '/preview/ko/putin-kim-pact']) {
      const res = await exports.default.fetch(`https://secure.example${path}`)
      const html = await res.text()
      const sheets = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!)
      expect(sheets.length).toBeGreaterThan(0)
      const policy = csp(res)['style-src-elem'] ?? []
      for (const css of sheets) expect(policy).toContain(await hashOf(css))
      for (const hash of policy) allowed.add(hash)
    }
    // The site's stylesheet and the inspector's: nothing else may be inlined.
    expect(allowed.size).toBe(2)
  })

  it('send no HSTS over plain http, and cover error pages and cache hits too', async () => {
    // Through the Worker's own fetch with an execution context, so the background cache write
    // (waitUntil) is awaited as an event rather than polled for.
    const fetchPlain = async () => {
      const ctx = createExecutionContext()
      const res = await worker.fetch(
        new Request('http://secure.example/ko/putin-kim-pact'),
        env,
        ctx,
      )
      await res.arrayBuffer()
      await waitOnExecutionContext(ctx)
      return res
    }
    const plain = await fetchPlain()
    expect(plain.headers.get('strict-transport-security')).toBeNull()
    expect(csp(plain)['upgrade-insecure-requests']).toBeUndefined()
    expect(plain.headers.get('x-cache')).toBe('MISS')
    const hit = await fetchPlain()
    expect(hit.headers.get('x-cache')).toBe('HIT')
    expect(hit.headers.get('content-security-policy')).toContain("default-src 'none'")
    const missing = await exports.default.fetch('https://secure.example/ko/nothing')
    expect(missing.status).toBe(404)
    expect(missing.headers.get('content-security-policy')).toContain("default-src 'none'")
  })
})
