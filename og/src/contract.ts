/**
 * What the site and the share-card Worker agree on, in the one module both import: the card's size
 * and type, the languages it draws, and the request the site sends through its OG service binding
 * (GET https://og-card/card?title=…&section=…&date=…&site=…&lang=…).
 */

/** The size every platform accepts (docs/link-previews.md), as PNG. */
export const CARD = { width: 1200, height: 630, type: 'image/png' } as const

/** The languages the card draws in its own fonts and line breaking; others are guessed from the title. */
export const CARD_LANGUAGES = ['ko', 'ja', 'en'] as const
export type CardLang = (typeof CARD_LANGUAGES)[number]

export const isCardLang = (value: string | undefined): value is CardLang =>
  (CARD_LANGUAGES as readonly (string | undefined)[]).includes(value)

/** The longest value of each field the card Worker reads (in characters); longer ones are cut. */
export const CARD_FIELD_LIMITS = { title: 300, section: 40, date: 40, site: 60 } as const

export interface CardRequest {
  title: string
  section?: string
  /** YYYY-MM-DD, or an ISO date whose date part is shown. */
  date?: string
  site?: string
  lang?: CardLang
}

/** The URL the site asks the card Worker for (the host is the service binding's, never fetched). */
export function cardRequestUrl(request: CardRequest): string {
  const query = new URLSearchParams({ title: request.title })
  for (const name of ['section', 'date', 'site', 'lang'] as const) {
    const value = request[name]
    if (value) query.set(name, value)
  }
  return `https://og-card/card?${query.toString()}`
}
