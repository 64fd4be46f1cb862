/**
 * Pictures hosted with the site (media/urls.ts): an on-site `<img>` whose file the push hosted
 * becomes a `<picture>` offering AVIF and WebP variants by width, with a JPEG `srcset` fallback and
 * the picture's own width and height (no layout shift). Anything else (outside images, on-site paths
 * not pushed as media) is left as it is.
 */
import type { DomElement, DomNode } from '../parse/dom'
import { isElement } from '../parse/dom'
import { ARTICLE_SIZES, pictureOf, type HostedImage, type MediaMap } from '../media/urls'

/** The hosted picture an absolute URL on the page's own origin names, if the push hosted it. */
export function hostedAt(
  url: string,
  pageUrl: string,
  media: MediaMap | undefined,
): HostedImage | undefined {
  if (!media) return undefined
  const parsed = URL.parse(url)
  const page = new URL(pageUrl)
  if (!parsed || parsed.origin !== page.origin || parsed.search) return undefined
  let path: string
  try {
    path = decodeURIComponent(parsed.pathname.slice(1))
  } catch {
    return undefined
  }
  return Object.hasOwn(media, path) ? media[path] : undefined
}

/**
 * Every hosted `<img>` in the body as a responsive `<picture>` (lazy: the hero is not in the body).
 * Returns the characters of markup this added (the source's size limits do not count it: it is the
 * site's own, a bounded few URLs a picture).
 */
export function hostImages(root: DomElement, pageUrl: string, media: MediaMap | undefined): number {
  if (!media || !Object.keys(media).length) return 0
  const origin = new URL(pageUrl).origin
  const images: DomElement[] = []
  const visit = (node: DomNode) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (!isElement(child)) continue
      if (child.localName === 'img') images.push(child)
      else visit(child)
    }
  }
  visit(root)
  let added = 0
  for (const img of images) {
    const hosted = hostedAt(img.getAttribute('src') ?? '', pageUrl, media)
    if (!hosted) continue
    const before = img.outerHTML.length
    const wrapper = img.ownerDocument.createElement('picture')
    img.replaceWith(wrapper)
    fill(wrapper, { img, image: hosted, origin })
    added += wrapper.outerHTML.length - before
  }
  return added
}

function fill(
  wrapper: DomElement,
  { img, image, origin }: { img: DomElement; image: HostedImage; origin: string },
): void {
  const doc = img.ownerDocument
  const picture = pictureOf(image, { origin, sizes: ARTICLE_SIZES })
  for (const offered of picture.sources) {
    const source = doc.createElement('source')
    source.setAttribute('type', offered.type)
    source.setAttribute('srcset', offered.srcset)
    source.setAttribute('sizes', offered.sizes)
    wrapper.append(source)
  }
  if (picture.img.srcset) {
    img.setAttribute('srcset', picture.img.srcset)
    img.setAttribute('sizes', ARTICLE_SIZES)
  }
  img.setAttribute('src', picture.img.src)
  img.setAttribute('width', String(image.width))
  img.setAttribute('height', String(image.height))
  img.setAttribute('loading', 'lazy')
  img.setAttribute('decoding', 'async')
  wrapper.append(img)
}
