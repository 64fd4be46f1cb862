/** Small text helpers for WordPress's stored strings. */
import { decodeHTML } from 'entities'

/** HTML entities as WordPress stores them in titles and term names: `&#8220;` → “, `&amp;` → &. */
export const decodeEntities = (text: string) => (text.includes('&') ? decodeHTML(text) : text)

/** `%ed%95%9c` → 한; text that is not valid percent-encoding stays as it is. */
export function percentDecode(text: string): string {
  if (!text.includes('%')) return text
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

/** Plain text of a bit of HTML: tags dropped, entities decoded, white space collapsed. */
export const plainText = (html: string) =>
  decodeEntities(html.replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim()

/** Text for a double-quoted HTML attribute. */
export const escapeAttribute = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;')

export const escapeText = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')

/** A WordPress date field (`2024-06-19 10:30:00`); the zero date means "not set". */
export const isSetDate = (value: string | undefined): value is string =>
  !!value && /^\d{4}-\d\d-\d\d/.test(value.trim()) && !value.trim().startsWith('0000')
