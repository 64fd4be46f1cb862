/**
 * The addresses of hosted pictures: every variant a page names parses back to itself, and nothing
 * else is a variant, so no request can make the Worker produce a size the pages never use.
 */
import { describe, expect, it } from 'vitest'
import {
  cropPath,
  fallbackPath,
  mediaName,
  mediaPath,
  parseVariant,
  srcsetOf,
  type Variant,
} from '../../src/media/urls'

const image = { hash: '0123456789abcdef', name: 'heat.jpg', width: 2400 }

describe('media addresses', () => {
  it('parses back every variant a page names', () => {
    const variants: Variant[] = [
      { kind: 'width', width: 480, format: 'avif' },
      { kind: 'width', width: 1600, format: 'jpeg' },
      { kind: 'crop', width: 1200, height: 630, focus: [0.7, 0.3], format: 'jpeg' },
      { kind: 'crop', width: 1200, height: 1200, focus: [0, 1], format: 'webp' },
    ]
    for (const variant of variants) {
      const segment = mediaPath(image, variant).split('/')[3]!
      expect(parseVariant(segment)).toEqual(variant)
    }
    expect(mediaPath(image)).toBe('/media/0123456789abcdef/heat.jpg')
    expect(cropPath(image, 'og')).toBe('/media/0123456789abcdef/1200x630-50-50.jpeg/heat.jpg')
  })

  it('refuses sizes, formats and spellings no page uses', () => {
    for (const segment of [
      '500.avif',
      '480.png',
      '480.gif',
      '4800.jpeg',
      '1200x700-50-50.jpeg',
      '1200x630-101-50.jpeg',
      '1200x630-05-50.jpeg',
      '1200x630-50.jpeg',
      '..',
      '',
    ])
      expect(parseVariant(segment), segment).toBeUndefined()
  })

  it('offers only widths not wider than the original, with a 1,200 px JPEG fallback', () => {
    expect(srcsetOf({ ...image, width: 1000 }, 'webp')).toBe(
      '/media/0123456789abcdef/480.webp/heat.jpg 480w, /media/0123456789abcdef/768.webp/heat.jpg 768w',
    )
    expect(fallbackPath(image)).toBe('/media/0123456789abcdef/1200.jpeg/heat.jpg')
    expect(fallbackPath({ ...image, width: 1000 })).toBe(
      '/media/0123456789abcdef/768.jpeg/heat.jpg',
    )
    // Smaller than every width: the original alone.
    expect(srcsetOf({ ...image, width: 300 }, 'jpeg')).toBe('')
    expect(fallbackPath({ ...image, width: 300 })).toBe('/media/0123456789abcdef/heat.jpg')
  })

  it('names files safely in a URL path, keeping the extension', () => {
    expect(mediaName('media/seoul/Heat Island (2).JPG')).toBe('Heat-Island-2.jpg')
    expect(mediaName('media/서울 폭염.jpg')).toBe('image.jpg')
    expect(mediaName('.hidden.png')).toBe('hidden.png')
  })
})
