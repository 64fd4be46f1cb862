// The share card: 1200×630, everything that must be read inside the centred 630×630 square, so that
// KakaoTalk's centred 1:1 crop (and its 2:1 crop, 15px off the top and bottom) still shows it all.
import type { Family, LoadedFonts } from './fonts'
import { CARD } from './contract'
import { fitTitle, type Fitted, type Lang } from './layout'

export interface CardInput {
  title: string
  section?: string
  /** YYYY-MM-DD (or a full ISO date: its date part is used); anything else is shown as given. */
  date?: string
  site?: string
  lang: Lang
}

export const WIDTH = CARD.width
export const HEIGHT = CARD.height
const SAFE = { left: (WIDTH - HEIGHT) / 2, width: HEIGHT } // the 1:1 crop
const PAD = { x: 40, y: 64 }
export const TITLE = {
  width: SAFE.width - 2 * PAD.x,
  maxLines: 3,
  sizes: [64, 60, 56, 52, 48, 44, 40],
  lineHeight: 1.3,
}
const COLORS = { background: '#102a4c', accent: '#f5b43c', title: '#ffffff', meta: '#b8c4d6' }

export const FAMILIES: Record<Lang, readonly Family[]> = {
  ko: ['kr', 'jp'],
  ja: ['jp', 'kr'],
  en: ['kr', 'jp'],
}
const LETTER_SPACING: Record<Lang, number> = { ko: -0.02, ja: 0, en: -0.01 } // em

export function fit(input: CardInput): Fitted {
  return fitTitle(input.title, input.lang, {
    ...TITLE,
    letterSpacing: LETTER_SPACING[input.lang],
    families: FAMILIES[input.lang],
  })
}

export function formatDate(date: string | undefined, lang: Lang): string {
  const m = date && /^(\d{4})-(\d{2})-(\d{2})/.exec(date)
  if (!m) return date ?? ''
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!))
  if (Number.isNaN(d.getTime())) return date ?? ''
  const locale = { ko: 'ko-KR', ja: 'ja-JP', en: 'en-US' }[lang]
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: lang === 'en' ? 'short' : 'long',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(d)
}

/** Texts drawn at each weight: what the fonts must cover. */
export function texts(input: CardInput, fitted: Fitted): { text: string; weight: 400 | 700 }[] {
  return [
    { text: fitted.lines.join('') + (input.section ?? '') + (input.site ?? ''), weight: 700 },
    { text: formatDate(input.date, input.lang), weight: 400 },
  ]
}

type Node = { type: string; props: { style?: Record<string, unknown>; children?: unknown } }
const h = (style: Record<string, unknown>, children?: unknown): Node => ({
  type: 'div',
  props: { style: { display: 'flex', ...style }, children },
})

/** The element tree satori lays out (plain objects: no React or JSX runtime needed). */
export function cardTree(input: CardInput, fitted: Fitted, fonts: LoadedFonts): Node {
  const bold = fonts.families[700],
    regular = fonts.families[400] || bold
  const oneLine = { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }
  const date = formatDate(input.date, input.lang)
  // One flat colour: a gradient on the sides doubles resvg's time and the PNG's size.
  return h(
    { width: WIDTH, height: HEIGHT, background: COLORS.background, justifyContent: 'center' },
    [
      h(
        {
          width: SAFE.width,
          height: HEIGHT,
          flexDirection: 'column',
          padding: `${PAD.y}px ${PAD.x}px`,
          fontFamily: bold,
          fontWeight: 700,
        },
        [
          h({ alignItems: 'center', gap: 14, height: 40 }, [
            h({ width: 8, height: 30, background: COLORS.accent }),
            h({ fontSize: 30, color: COLORS.accent, ...oneLine }, input.section ?? ''),
          ]),
          h(
            { flexGrow: 1, flexDirection: 'column', justifyContent: 'center' },
            fitted.lines.map((line) =>
              h(
                {
                  fontSize: fitted.fontSize,
                  lineHeight: TITLE.lineHeight,
                  letterSpacing: LETTER_SPACING[input.lang] * fitted.fontSize,
                  color: COLORS.title,
                  whiteSpace: 'nowrap',
                },
                line,
              ),
            ),
          ),
          h(
            {
              justifyContent: 'space-between',
              alignItems: 'baseline',
              fontSize: 26,
              color: COLORS.meta,
              gap: 24,
            },
            [
              h({ color: COLORS.title, flexShrink: 1, ...oneLine }, input.site ?? ''),
              h({ fontFamily: regular, fontWeight: 400, flexShrink: 0 }, date),
            ],
          ),
        ],
      ),
    ],
  )
}
