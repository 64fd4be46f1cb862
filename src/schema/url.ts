import * as z from 'zod'

// eslint-disable-next-line no-control-regex -- C0 and C1 controls are among the invisible characters removed
const INVISIBLE = /[\s\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202f\u2060-\u206f\ufeff]/g

/**
 * The lowercase scheme a browser would see (`javascript`), or undefined for a relative URL. Browsers
 * ignore whitespace and controls inside a scheme (`jav&#x09;ascript:`); every Unicode space and
 * invisible format character is dropped too, so no later step that trims can reveal one.
 */
export function urlScheme(value: string): string | undefined {
  return /^([a-z][a-z0-9+.-]*):/i.exec(value.replace(INVISIBLE, ''))?.[1]?.toLowerCase()
}

/** `\\evil.example/x` is protocol-relative in browsers. */
export const startsWithBackslash = (value: string) => value.replace(INVISIBLE, '').startsWith('\\')

const WEB = new Set(['http', 'https'])

/** An absolute http(s) URL, normalized the way browsers resolve it (what we print is what they load). */
export const HttpUrl = z
  .string()
  .trim()
  .transform((value, ctx) => {
    const url = WEB.has(urlScheme(value) ?? '') ? URL.parse(value) : null
    if (!url) {
      ctx.addIssue({ code: 'custom', message: 'expected an absolute http(s) URL', input: value })
      return z.NEVER
    }
    return url.href
  })

/** An http(s) URL, or a path resolved against the article's own URL (`/images/a.jpg`, `a.jpg`). */
export const WebOrSiteUrl = z
  .string()
  .trim()
  .min(1, 'expected a non-empty string')
  .refine(
    (value) =>
      urlScheme(value) === undefined
        ? !startsWithBackslash(value)
        : WEB.has(urlScheme(value)!) && URL.canParse(value),
    {
      message: 'expected an http(s) URL or a path on this site',
    },
  )
