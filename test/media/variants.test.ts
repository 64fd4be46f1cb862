/**
 * What the Images binding is asked for. Miniflare centres every crop whatever the focal point (it
 * ignores coordinates), so the focal point is checked here in the request itself: Cloudflare keeps
 * the box around {x, y} (`box-center`), and a width variant is never enlarged.
 */
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { transformFor, transformImage } from '../../src/media/variants'
import { gradientPng, sizeOf } from '../helpers/png'

describe('Images binding requests', () => {
  it('asks for widths without enlarging, and crops around the focal point', () => {
    expect(transformFor({ kind: 'width', width: 768, format: 'avif' })).toEqual({
      width: 768,
      fit: 'scale-down',
    })
    expect(
      transformFor({ kind: 'crop', width: 1200, height: 630, focus: [0.5, 0.5], format: 'jpeg' }),
    ).toEqual({ width: 1200, height: 630, fit: 'cover', gravity: 'center' })
    expect(
      transformFor({ kind: 'crop', width: 1200, height: 1200, focus: [0.7, 0.3], format: 'jpeg' }),
    ).toEqual({
      width: 1200,
      height: 1200,
      fit: 'cover',
      gravity: { x: 0.7, y: 0.3, mode: 'box-center' },
    })
  })

  it('never makes a picture wider than its original', async () => {
    const png = await gradientPng(600, 400)
    const out = await transformImage(
      env.IMAGES,
      new Blob([png]).stream() as ReadableStream<Uint8Array>,
      { kind: 'width', width: 1200, format: 'webp' },
    )
    const bytes = new Uint8Array(await new Response(out.image()).arrayBuffer())
    expect(await sizeOf(env, bytes)).toEqual({ width: 600, height: 400, format: 'image/webp' })
  })
})
