import type { ArticleImage } from '../schema/article'

/**
 * A picture in a frame that keeps its shape whatever happens to the file: loaded, slow, missing,
 * blocked by the CSP or huge. The frame has the picture's aspect ratio when it is known (else the
 * picture's own, or 16:9 when it fails), never widens the page, and a picture that fails leaves a
 * quiet placeholder instead of a broken-image icon and its alt text (styles.ts, `.media`).
 */
export function Media({
  image,
  src = image.url,
  eager = false,
  fixed,
}: {
  image: Pick<ArticleImage, 'url' | 'alt' | 'width' | 'height'>
  src?: string
  /** The page's main picture: fetched first. */
  eager?: boolean
  /** A frame of this ratio whatever the picture (cards), the picture cropped to fill it. */
  fixed?: string
}) {
  const ratio =
    fixed ?? (image.width && image.height ? `${image.width}/${image.height}` : undefined)
  return (
    <div
      class={fixed ? 'media fixed' : 'media'}
      style={ratio ? `aspect-ratio:${ratio}` : undefined}
    >
      <img
        src={src}
        alt={image.alt}
        width={image.width}
        height={image.height}
        {...(eager ? { fetchpriority: 'high' } : { loading: 'lazy' })}
        decoding="async"
      />
    </div>
  )
}
