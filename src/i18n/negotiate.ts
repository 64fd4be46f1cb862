/**
 * Which of the site's languages a visitor should get: an explicit choice (`?lang=`, then the `lang`
 * cookie the language switcher sets), then `Accept-Language` by q-value, then the default.
 * Header parsing is Hono's; matching is BCP 47 aware: `ko-KR` → `ko`, `zh-TW` → `zh-Hant`.
 */
import { parseAccept } from 'hono/utils/accept'

export interface LanguageChoice {
  query?: string | null
  cookie?: string | null
  acceptLanguage?: string | null
}

/** The site language serving one requested tag, or undefined. */
export function matchLanguage(tag: string, supported: readonly string[]): string | undefined {
  let requested: Intl.Locale
  try {
    requested = new Intl.Locale(tag.trim())
  } catch {
    return undefined // `*`, garbage
  }
  const written = new Map(supported.map((s) => [s.toLowerCase(), s]))
  const exact = written.get(requested.toString().toLowerCase())
  if (exact) return exact
  // Same language, script and region once the likely subtags are filled in: zh-TW = zh-Hant-TW.
  const full = requested.maximize().toString()
  const same = supported.find((s) => safeMaximize(s) === full)
  if (same) return same
  // RFC 4647 lookup, dropping subtags from the end: zh-Hant-TW → zh-Hant → zh; ko-Kore-KR → ko-Kore → ko.
  return lookup(full, written) ?? lookup(requested.toString(), written)
}

function lookup(tag: string, written: Map<string, string>): string | undefined {
  const parts = tag.toLowerCase().split('-')
  while (parts.length) {
    const hit = written.get(parts.join('-'))
    if (hit) return hit
    parts.pop()
  }
  return undefined
}

function safeMaximize(tag: string): string | undefined {
  try {
    return new Intl.Locale(tag).maximize().toString()
  } catch {
    return undefined
  }
}

/** Every site language, the visitor's best first; the default and then the rest close the list. */
export function preferenceOrder(
  choice: LanguageChoice,
  supported: readonly string[],
  fallback: string,
): string[] {
  const header = parseAccept(choice.acceptLanguage ?? '')
    .filter((range) => range.q > 0)
    .map((range) => range.type)
  const order: string[] = []
  for (const tag of [choice.query, choice.cookie, ...header]) {
    const match = tag ? matchLanguage(tag, supported) : undefined
    if (match && !order.includes(match)) order.push(match)
  }
  for (const lang of [fallback, ...supported]) if (!order.includes(lang)) order.push(lang)
  return order
}
