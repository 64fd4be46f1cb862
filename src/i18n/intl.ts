/**
 * Intl objects, made once per locale and options: constructing one costs far more than using it
 * (locale data is looked up each time), and every page formats dates, plurals and numbers.
 */
const made = new Map<string, unknown>()

function once<T>(key: string, make: () => T): T {
  let value = made.get(key) as T | undefined
  if (value === undefined) {
    value = make()
    made.set(key, value)
  }
  return value
}

export const dateFormat = (
  lang: string,
  timeZone: string,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'long' },
) =>
  once(
    `date|${lang}|${timeZone}|${JSON.stringify(options)}`,
    () => new Intl.DateTimeFormat(lang, { ...options, timeZone }),
  )

export const pluralRules = (lang: string) =>
  once(`plural|${lang}`, () => new Intl.PluralRules(lang))

export const numberFormat = (lang: string) =>
  once(`number|${lang}`, () => new Intl.NumberFormat(lang))

export const segmenter = (lang: string, granularity: 'word' | 'grapheme') =>
  once(`segment|${lang}|${granularity}`, () => new Intl.Segmenter(lang, { granularity }))
