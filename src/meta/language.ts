/**
 * The language of a text from its letters: Hangul means Korean; kana means Japanese;
 * Han without kana is Chinese; otherwise Latin letters mean English. `undefined` when there are no letters.
 */
export function detectLanguage(text: string): string | undefined {
  const sample = text.slice(0, 5000)
  const count = (re: RegExp) => sample.match(re)?.length ?? 0
  const hangul = count(/[\p{Script=Hangul}]/gu)
  const kana = count(/[\p{Script=Hiragana}\p{Script=Katakana}]/gu)
  const han = count(/\p{Script=Han}/gu)
  const latin = count(/\p{Script=Latin}/gu)
  const letters = hangul + kana + han + latin
  if (letters === 0) return undefined
  if (hangul / letters >= 0.2) return 'ko'
  if (kana > 0 && (kana + han) / letters >= 0.2) return 'ja'
  if (han / letters >= 0.2) return 'zh'
  return latin / letters >= 0.5 ? 'en' : undefined
}

/** Open Graph wants `language_TERRITORY`; these are each language's usual territory. */
const TERRITORY: Record<string, string> = {
  ko: 'KR',
  en: 'US',
  ja: 'JP',
  zh: 'CN',
  de: 'DE',
  fr: 'FR',
  es: 'ES',
}

const locales = new Map<string, string>()

export function ogLocale(lang: string): string {
  let locale = locales.get(lang)
  if (locale === undefined) locales.set(lang, (locale = computeOgLocale(lang)))
  return locale
}

function computeOgLocale(lang: string): string {
  const locale = new Intl.Locale(lang)
  const region = locale.region ?? TERRITORY[locale.language] ?? locale.maximize().region
  return region ? `${locale.language}_${region}` : locale.language
}
