/**
 * The image link previews show: the article's own, or its generated share card (og/, served at
 * /og/<lang>/<slug>.<version>.png), as SHARE_IMAGES says. The card's URL carries the source's
 * version, so an edited article gets a new URL and platforms that keep images forever fetch it again.
 */
import type { ArticleHead, ArticleImage } from '../schema/article'

export type ShareImages = 'missing' | 'always' | 'off'

// The card's size and type, as the card Worker (og/) draws it: one contract both Workers import.
import { CARD } from '../../og/src/contract'
export { CARD }

/** A card version: the first 12 hex digits of the source's SHA-256. */
export const CARD_VERSION = /^[0-9a-f]{12}$/

export const cardVersion = (sourceSha256: string) => sourceSha256.slice(0, 12).toLowerCase()

export const cardUrl = (
  origin: string,
  { lang, slug, version }: { lang: string; slug: string; /** cardVersion's. */ version: string },
) => `${origin}/og/${lang}/${encodeURIComponent(slug)}.${version}.png`

/** Whether an article is shown with its generated card. */
export function usesCard(article: Pick<ArticleHead, 'image'>, mode: ShareImages): boolean {
  return mode === 'always' || (mode === 'missing' && !article.image)
}

/** The article's share image for a site at `origin`: its own, its card, or none. */
export function shareImage(
  article: ArticleHead,
  origin: string,
  mode: ShareImages = 'off',
): ArticleImage | undefined {
  const version = cardVersion(article.source.etag)
  if (!usesCard(article, mode) || !CARD_VERSION.test(version)) return article.image
  return {
    url: cardUrl(origin, { lang: article.lang, slug: article.slug, version }),
    // The card shows the title: that is what a screen reader should say.
    alt: article.title,
    width: CARD.width,
    height: CARD.height,
    type: CARD.type,
  }
}
