/**
 * Pictures hosted with the site: where they live in R2, the addresses they are served at, and the
 * variants (widths, formats, crops) the Images binding makes of them. Pure: the pipeline, the pages,
 * the metadata and the media route all build and read these addresses here, so they cannot disagree.
 *
 *   /media/<hash>/<name>                     the original, as pushed
 *   /media/<hash>/<width>.<format>/<name>    a width variant (srcset): 480, 768, 1200, 1600
 *   /media/<hash>/<w>x<h>-<fx>-<fy>.<format>/<name>
 *                                            a crop (JSON-LD 16:9, 4:3, 1:1; og:image 1200×630)
 *                                            around the focal point fx, fy (percent of width, height)
 *
 * The format is in the address, not negotiated by `Accept`: each URL is one immutable file, so any
 * cache (Workers Cache, a browser, a CDN in front) keeps it by URL alone, with no `Vary: Accept`
 * (which Workers Cache does not key by). The page lets the browser choose with `<picture>` sources.
 */

/** What a push records of a hosted picture: read from its bytes, never from the network. */
export interface HostedImage {
  /** The first 16 hex digits of the file's SHA-256: a changed picture gets a new address. */
  hash: string
  /** The file's name as served (`heat.jpg`), safe in a URL path. */
  name: string
  width: number
  height: number
  /** MIME type, e.g. `image/jpeg`. */
  type: string
}

/** The pictures an article uses, by their path in the content folder (`media/seoul/heat.jpg`). */
export type MediaMap = Record<string, HostedImage>

/** A focal point, each coordinate 0..1 from the left and the top. */
export type Focus = readonly [number, number]

export const CENTRE: Focus = [0.5, 0.5]

/** The widths srcset offers (never wider than the original). */
export const VARIANT_WIDTHS = [480, 768, 1200, 1600] as const

export const FORMATS = { avif: 'image/avif', webp: 'image/webp', jpeg: 'image/jpeg' } as const
export type Format = keyof typeof FORMATS

/** Crops for the platforms: Google's NewsArticle ratios at 1,200 px, and the 1.91:1 og:image. */
export const CROPS = {
  '16x9': { width: 1200, height: 675 },
  '4x3': { width: 1200, height: 900 },
  '1x1': { width: 1200, height: 1200 },
  og: { width: 1200, height: 630 },
} as const
export type CropName = keyof typeof CROPS

export type Variant =
  | { kind: 'original' }
  | { kind: 'width'; width: number; format: Format }
  | { kind: 'crop'; width: number; height: number; focus: Focus; format: Format }

/** Where a hosted picture's bytes are, in ARTICLES_R2 (under `_/`, which no article key reaches). */
export const mediaKey = (hash: string, name: string) => `_/media/${hash}/${name}`

export const MEDIA_HASH = /^[0-9a-f]{16}$/
/** Letters, digits, dots, dashes and underscores; no leading dot. */
export const MEDIA_NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}$/

/** A file name as served: `서울 폭염.JPG` → `file.jpg`-like, ASCII only, its extension kept. */
export function mediaName(fileName: string): string {
  const base = fileName.split('/').pop() ?? fileName
  const dot = base.lastIndexOf('.')
  const ext = dot > 0 ? base.slice(dot + 1).toLowerCase() : ''
  const stem = (dot > 0 ? base.slice(0, dot) : base)
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
  return `${stem || 'image'}${ext ? `.${ext.replace(/[^a-z0-9]/g, '')}` : ''}`
}

const percent = (value: number) => Math.round(Math.min(1, Math.max(0, value)) * 100)

function variantSegment(variant: Variant): string | undefined {
  switch (variant.kind) {
    case 'original':
      return undefined
    case 'width':
      return `${variant.width}.${variant.format}`
    case 'crop':
      return `${variant.width}x${variant.height}-${percent(variant.focus[0])}-${percent(variant.focus[1])}.${variant.format}`
  }
}

/** The site path of a picture or one of its variants. */
export function mediaPath(image: Pick<HostedImage, 'hash' | 'name'>, variant?: Variant): string {
  const segment = variant && variantSegment(variant)
  return `/media/${image.hash}/${segment ? `${segment}/` : ''}${image.name}`
}

const WIDTH = /^(\d{3,4})\.(avif|webp|jpeg)$/
const CROP = /^(\d{3,4})x(\d{3,4})-(\d{1,3})-(\d{1,3})\.(avif|webp|jpeg)$/

/** A variant segment from a URL, only among those pages use: anything else is not a variant (404). */
export function parseVariant(segment: string): Variant | undefined {
  const width = WIDTH.exec(segment)
  if (width) {
    const w = Number(width[1])
    return (VARIANT_WIDTHS as readonly number[]).includes(w)
      ? { kind: 'width', width: w, format: width[2] as Format }
      : undefined
  }
  const crop = CROP.exec(segment)
  if (!crop) return undefined
  const [w, h, fx, fy] = [crop[1], crop[2], crop[3], crop[4]].map(Number) as [
    number,
    number,
    number,
    number,
  ]
  const known = Object.values(CROPS).some((c) => c.width === w && c.height === h)
  if (!known || fx > 100 || fy > 100) return undefined
  // One spelling per crop: `050` is not `50`.
  if (String(fx) !== crop[3] || String(fy) !== crop[4]) return undefined
  return {
    kind: 'crop',
    width: w,
    height: h,
    focus: [fx / 100, fy / 100],
    format: crop[5] as Format,
  }
}

/** The widths offered for a picture: those not wider than it (the original alone when it is small). */
export const widthsFor = (image: Pick<HostedImage, 'width'>) =>
  VARIANT_WIDTHS.filter((w) => w <= image.width)

/** `…/480.avif/x.jpg 480w, …/768.avif/x.jpg 768w`, for a `srcset`. */
export function srcsetOf(
  image: Pick<HostedImage, 'hash' | 'name' | 'width'>,
  format: Format,
  origin = '',
): string {
  return widthsFor(image)
    .map((width) => `${origin}${mediaPath(image, { kind: 'width', width, format })} ${width}w`)
    .join(', ')
}

/**
 * The width the article column shows a picture at (main is 46rem with 1.25rem padding each side,
 * styles.css): the browser picks the smallest srcset width that covers it at the screen's density.
 */
export const ARTICLE_SIZES = '(max-width: 46rem) calc(100vw - 2.5rem), 43.5rem'

/** The fallback `src` of a hosted `<img>`: a 1,200 px JPEG, or the original when it is smaller. */
export function fallbackPath(image: Pick<HostedImage, 'hash' | 'name' | 'width'>): string {
  const widths = widthsFor(image)
  const width = widths.includes(1200) ? 1200 : widths.at(-1)
  return width
    ? mediaPath(image, { kind: 'width', width, format: 'jpeg' })
    : mediaPath(image, { kind: 'original' })
}

/**
 * What a hosted picture's markup carries, for the page's hero (render/media.tsx) and the body's
 * pictures (transform/media.ts) alike: `<source>`s offering AVIF and WebP by width (none when the
 * picture is narrower than every variant), and the `<img>`'s JPEG src, srcset and sizes.
 */
export function pictureOf(
  image: Pick<HostedImage, 'hash' | 'name' | 'width'>,
  shown: { origin: string; sizes: string },
): {
  sources: { type: string; srcset: string; sizes: string }[]
  img: { src: string; srcset?: string; sizes?: string }
} {
  const { origin, sizes } = shown
  const src = `${origin}${fallbackPath(image)}`
  if (!widthsFor(image).length) return { sources: [], img: { src } }
  return {
    sources: (['avif', 'webp'] as const).map((format) => ({
      type: `image/${format}`,
      srcset: srcsetOf(image, format, origin),
      sizes,
    })),
    img: { src, srcset: srcsetOf(image, 'jpeg', origin), sizes },
  }
}

/** A crop's address around a focal point (centre by default). */
export const cropPath = (
  image: Pick<HostedImage, 'hash' | 'name'>,
  crop: CropName,
  focus: Focus = CENTRE,
) => mediaPath(image, { kind: 'crop', ...CROPS[crop], focus, format: 'jpeg' })

const ORIGINAL_PATH = /^\/media\/([0-9a-f]{16})\/([A-Za-z0-9_-][A-Za-z0-9._-]{0,99})$/

/** The hosted picture a site path names (`/media/<hash>/<name>`): listings know only the path. */
export function hostedFromUrl(path: string): Pick<HostedImage, 'hash' | 'name'> | undefined {
  const match = ORIGINAL_PATH.exec(path)
  return match ? { hash: match[1]!, name: match[2]! } : undefined
}
