import type { Messages, Plural } from './catalog'
import { dateFormat, numberFormat, pluralRules } from './intl'
import { en } from './messages/en'
import { ja } from './messages/ja'
import { ko } from './messages/ko'

const catalogs: Record<string, Messages> = { ko, en, ja }

/** The catalog for a language, falling back through its base language to English. */
export function messages(lang: string): Messages {
  return catalogs[lang] ?? catalogs[lang.split('-')[0]!] ?? en
}

export function plural(forms: Plural, n: number, lang: string): string {
  const form = forms[pluralRules(lang).select(n)] ?? forms.other
  return form.replace('{n}', numberFormat(lang).format(n))
}

/** `2024년 6월 19일`, `June 19, 2024`, `2024年6月19日` in the site's time zone. */
export function formatDate(iso: string, lang: string, timeZone: string): string {
  return dateFormat(lang, timeZone).format(new Date(iso))
}

/** `2024년 6월 19일 오후 2:00`, `June 19, 2024 at 2:00 PM`: a date with its time of day, in the site's zone. */
export function formatDateTime(iso: string, lang: string, timeZone: string): string {
  return dateFormat(lang, timeZone, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso))
}

/** `분류: {name}` with `{name}` filled in. */
export const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? `{${key}}`))
