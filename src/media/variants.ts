/**
 * A variant of a hosted picture through the Cloudflare Images binding (`env.IMAGES`): a width for
 * srcset (never enlarged) or a crop filling the exact box around a focal point. Miniflare implements
 * the binding with Sharp, so `npm start` and the tests make real variants; it centres every crop
 * (it ignores a focal point given as coordinates), which Cloudflare honours.
 */
import { FORMATS, type Variant } from './urls'

export function transformImage(
  images: ImagesBinding,
  input: ReadableStream<Uint8Array>,
  variant: Exclude<Variant, { kind: 'original' }>,
): Promise<ImageTransformationResult> {
  return images
    .input(input)
    .transform(transformFor(variant))
    .output({ format: FORMATS[variant.format], quality: QUALITY[variant.format] })
}

/** Quality per format: AVIF and WebP look like JPEG at 80 with fewer bytes at these settings. */
const QUALITY = { avif: 60, webp: 75, jpeg: 80 } as const

export function transformFor(variant: Exclude<Variant, { kind: 'original' }>): ImageTransform {
  if (variant.kind === 'width') return { width: variant.width, fit: 'scale-down' }
  const [x, y] = variant.focus
  const centred = x === 0.5 && y === 0.5
  return {
    width: variant.width,
    height: variant.height,
    fit: 'cover',
    gravity: centred ? 'center' : { x, y, mode: 'box-center' },
  }
}
