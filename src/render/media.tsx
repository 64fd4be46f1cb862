import { ARTICLE_SIZES, pictureOf, VARIANT_WIDTHS } from '../media/urls'
import type { ArticleImage } from '../schema/article'

/**
 * A picture in a frame that keeps its shape whatever happens to the file: loaded, slow, missing,
 * blocked by the CSP or huge. The frame has the picture's aspect ratio when it is known (else the
 * picture's own, or 16:9 when it fails), never widens the page, and a picture that fails leaves a
 * quiet placeholder instead of a broken-image icon and its alt text (styles.ts, `.media`).
 *
 * A picture hosted with the site (/media/…) comes as a `<picture>`: AVIF and WebP by width, a JPEG
 * srcset and fallback, `sizes` telling the browser how wide it is shown (docs/images.md).
 */
export function Media({
  image,
  src = image.url,
  eager = false,
  fixed,
  sizes = ARTICLE_SIZES,
}: {
  image: Pick<ArticleImage, 'url' | 'alt' | 'width' | 'height' | 'hosted'>
  src?: string
  /** The page's main picture: fetched first. */
  eager?: boolean
  /** A frame of this ratio whatever the picture (cards), the picture cropped to fill it. */
  fixed?: string
  /** How wide the frame is shown, for a hosted picture's srcset. */
  sizes?: string
}) {
  const ratio =
    fixed ?? (image.width && image.height ? `${image.width}/${image.height}` : undefined)
  const { hosted } = image
  // Unknown width (an index entry without one): every width is offered.
  const picture =
    hosted &&
    pictureOf(
      { ...hosted, width: image.width ?? VARIANT_WIDTHS.at(-1)! },
      { origin: new URL(src).origin, sizes },
    )
  const img = (
    <img
      src={picture ? picture.img.src : src}
      {...(picture?.img.srcset && { srcset: picture.img.srcset, sizes: picture.img.sizes })}
      alt={image.alt}
      width={image.width}
      height={image.height}
      {...(eager ? { fetchpriority: 'high' } : { loading: 'lazy' })}
      decoding="async"
    />
  )
  return (
    <div
      class={fixed ? 'media fixed' : 'media'}
      style={ratio ? `aspect-ratio:${ratio}` : undefined}
    >
      {picture?.sources.length ? (
        <picture>
          {picture.sources.map((source) => (
            <source type={source.type} srcset={source.srcset} sizes={source.sizes} />
          ))}
          {img}
        </picture>
      ) : (
        img
      )}
    </div>
  )
}
