/**
 * Derived articles are served without being sanitized again, and anyone who may put a source into
 * KV may put `_/derived/…` too. A derived article is only believed with a valid HMAC under
 * DERIVED_KEY; a forged or altered one is ignored and made again from the source.
 */
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import {
  parseDerived,
  rebase,
  serializeDerived,
  signDerived,
  type StoredArticle,
} from '../../src/articles/derived'
import { RENDERER_VERSION } from '../../src/pipeline'
import { publishSource } from '../helpers/content'
import { client } from '../helpers/request'

const encoder = new TextEncoder()
const derivedKey = (slug: string) => `_/derived/en/${slug}`

/** What an attacker with KV access writes: a record whose body is a script and a refresh. */
async function forge(slug: string, options: { sign?: string; origin?: string } = {}) {
  const current = await env.ARTICLES_KV.getWithMetadata<{ source: string }>(
    derivedKey(slug),
    'arrayBuffer',
  )
  const source = current.metadata!.source
  const body = current.value!
  const text = new TextDecoder().decode(body)
  const header = JSON.parse(text.slice(text.indexOf('\n') + 1, text.indexOf('\n', 65))) as {
    head: StoredArticle['head']
    origin: string
  }
  const evil: StoredArticle = {
    head: header.head,
    html: encoder.encode(
      '<script>alert(1)</script><meta http-equiv="refresh" content="0;url=https://evil.example/">',
    ),
    text: encoder.encode('x'),
    origin: options.origin ?? header.origin,
  }
  const unsigned = serializeDerived(evil, source)
  const value = options.sign ? await signDerived(unsigned, options.sign) : unsigned
  await env.ARTICLES_KV.put(derivedKey(slug), value, {
    metadata: { renderer: RENDERER_VERSION, source },
  })
}

let n = 0
const page = (slug: string) => client(`https://derived-mac-${++n}.example`).get(`/en/${slug}`)

describe('a derived article put into KV by hand', () => {
  it('without a MAC is ignored: the page is built from the source', async () => {
    await publishSource('en/forged', '---\ntitle: Real\n---\n<p>The real body.</p>')
    await forge('forged')
    const { status, body } = await page('forged')
    expect(status).toBe(200)
    expect(body).toContain('The real body.')
    expect(body).not.toContain('alert(1)')
    expect(body).not.toContain('http-equiv')
  })

  it('signed with another key is ignored, and replaced by a signed one', async () => {
    await publishSource('en/forged-key', '---\ntitle: Real\n---\n<p>The real body.</p>')
    await forge('forged-key', { sign: 'a-guessed-key' })
    expect((await page('forged-key')).body).not.toContain('alert(1)')
    // The rebuilt record was written back (in the background), and serves the real body.
    const again = await env.ARTICLES_KV.get(derivedKey('forged-key'))
    expect(again).toContain('The real body.')
  })

  it('with an empty origin is refused, and never rebased into a page many times its size', () => {
    const stored: StoredArticle = {
      head: { lang: 'en', slug: 'x', title: 'T' } as StoredArticle['head'],
      html: encoder.encode('<p>'.padEnd(36_000, 'x')),
      text: encoder.encode('x'),
      origin: '',
    }
    const source = 'a'.repeat(64)
    expect(parseDerived(serializeDerived(stored, source), source)).toBeUndefined()
    expect(rebase(stored, 'https://site.example').html.byteLength).toBe(36_000)
  })
})
