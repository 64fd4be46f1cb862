/**
 * Pictures through the publishing API (docs/images.md): a newsroom tool that never touches the
 * content folder uploads a picture, gets its address, and sends an article naming that address; the
 * page then has the same variants, size and crops as a pushed article's. The expected address is
 * worked out here from the bytes (SHA-256), not by the code under test.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { readPage } from '../helpers/html'
import { gradientPng } from '../helpers/png'
import { client } from '../helpers/request'

const ORIGIN = 'https://pictures.example'
const TOKEN = 'picture-desk-0123456789abcdef'
const auth = { authorization: `Bearer ${TOKEN}` }
const api = client(ORIGIN, { ADMIN_TOKEN: TOKEN })

const upload = (name: string, body: BodyInit, headers: Record<string, string> = auth) =>
  api.call(`/admin/media/${name}`, { method: 'PUT', body, headers })

async function addressOf(bytes: Uint8Array, name: string) {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))
  const hex = Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('')
  return `/media/${hex.slice(0, 16)}/${name}`
}

describe('PUT /admin/media/:name', () => {
  let png: Uint8Array
  let path: string
  beforeAll(async () => {
    png = await gradientPng(1300, 800)
    path = await addressOf(png, 'harbour.png')
  })

  it('stores a picture under its content address and answers its address and size', async () => {
    const first = await upload('harbour.png', png)
    expect(first.status).toBe(201)
    expect(first.json()).toMatchObject({
      path,
      url: `${ORIGIN}${path}`,
      width: 1300,
      height: 800,
      type: 'image/png',
      stored: true,
    })
    // The same bytes again: nothing new is stored, the same address comes back.
    const again = await upload('harbour.png', png)
    expect(again.status).toBe(200)
    expect(again.json()).toMatchObject({ path, stored: false })
    const served = await api.get(path)
    expect(served.header('content-type')).toBe('image/png')
    expect(served.bytes).toEqual(png)
  })

  it('builds an article sent through the API with the pictures it names by address', async () => {
    await upload('harbour.png', png)
    const hash = path.split('/')[2]!
    // The body's own picture (one repeating the hero would be dropped as a duplicate).
    const boats = await gradientPng(900, 600)
    const boatsPath = await addressOf(boats, 'boats.png')
    expect((await upload('boats.png', boats)).json()).toMatchObject({ path: boatsPath })
    const source = `---\ntitle: Harbour at dawn\ndate: 2026-03-02\nimage:\n  url: ${path}\n  alt: A harbour\n---\n<p>Boats.</p>\n<p><img src="${boatsPath}" alt="The boats"></p>\n`
    const put = await api.call('/admin/articles/en/harbour-at-dawn', {
      method: 'PUT',
      body: source,
      headers: auth,
    })
    expect(put.status).toBe(201)
    const page = readPage((await api.get('/en/harbour-at-dawn')).body)
    const body = page.all('.body img').find((img) => img.getAttribute('alt') === 'The boats')
    expect(body?.getAttribute('width')).toBe('900')
    expect(body?.getAttribute('height')).toBe('600')
    const sources = page.all('article picture source').map((s) => s.getAttribute('srcset'))
    expect(sources.join(' ')).toContain(`/media/${hash}/768.webp/harbour.png 768w`)
    expect(sources.join(' ')).toContain(`${boatsPath.replace('/boats', '/768.webp/boats')} 768w`)
    expect(page.meta('og:image')).toBe(`${ORIGIN}/media/${hash}/1200x630-50-50.jpeg/harbour.png`)
    expect(page.meta('og:image:width')).toBe('1200')

    // A desk's later fix through the API keeps them.
    const fixed = await api.call('/admin/articles/en/harbour-at-dawn', {
      method: 'PUT',
      body: source.replace('Boats.', 'Fishing boats.'),
      headers: auth,
    })
    expect(fixed.status).toBe(200)
    const after = (await api.get('/en/harbour-at-dawn')).body
    expect(after).toContain('Fishing boats.')
    expect(after).toContain(`/media/${hash}/768.webp/harbour.png 768w`)
  })

  it('leaves an address nothing is stored at as written', async () => {
    const missing = '/media/0123456789abcdef/nowhere.png'
    const put = await api.call('/admin/articles/en/nowhere-picture', {
      method: 'PUT',
      body: `---\ntitle: Nowhere\ndate: 2026-03-02\n---\n<p><img src="${missing}" alt="gone"></p>\n`,
      headers: auth,
    })
    expect(put.status).toBe(201)
    const html = (await api.get('/en/nowhere-picture')).body
    expect(html).toContain(`${missing}"`)
    expect(html).not.toContain('/media/0123456789abcdef/768.webp/')
  })

  it('refuses what is not a picture it can host, and anyone without the token', async () => {
    const text = await upload('notes.png', 'just some text')
    expect(text.status).toBe(422)
    expect(text.json<{ error: { message: string } }>().error.message).toMatch(
      /notes\.png is not a JPEG, PNG, WebP, GIF or AVIF picture/,
    )
    const svg = await upload(
      'logo.svg',
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>',
    )
    expect(svg.status).toBe(422)
    // From an address of its own: failed logins are counted per client, across test files.
    expect((await upload('harbour.png', png, { 'cf-connecting-ip': '198.51.100.77' })).status).toBe(
      401,
    )
    expect((await upload('empty.png', new Uint8Array())).status).toBe(422)
  })
})
