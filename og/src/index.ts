/**
 * The share-card Worker: GET /card?title=…&section=…&date=YYYY-MM-DD&site=…&lang=ko|ja|en → a
 * 1200×630 PNG. Only the main Worker calls it, through its service binding; the main Worker decides
 * which article and version a card is for, and caches the result.
 */
import { Hono } from 'hono'
import './wasm'
import { CARD, CARD_FIELD_LIMITS, isCardLang } from './contract'
import { renderCard } from './render'
import type { Lang } from './layout'

// Env comes from og/wrangler.toml (`npm run cf-typegen`): ASSETS, the font subsets in og/public.
const app = new Hono<{ Bindings: Env }>()

/** Control characters and lone surrogates out, runs of spaces collapsed (a full-width space kept). */
function clean(value: string | undefined, max: number): string {
  const text = (value ?? '')
    .replace(/[\p{Cc}\p{Cs}]/gu, ' ')
    .replace(/\s+/g, (m) => (m.includes('\u3000') ? '\u3000' : ' '))
    .trim()
  return [...text].slice(0, max).join('')
}

const guessLang = (s: string): Lang =>
  /[\p{scx=Hiragana}\p{scx=Katakana}]/u.test(s) ? 'ja' : /\p{scx=Hangul}/u.test(s) ? 'ko' : 'en'

app.get('/card', async (c) => {
  const title = clean(c.req.query('title'), CARD_FIELD_LIMITS.title)
  if (!title) return c.text('title is required', 400)
  const lang = c.req.query('lang')
  const input = {
    title,
    section: clean(c.req.query('section'), CARD_FIELD_LIMITS.section) || undefined,
    date: clean(c.req.query('date'), CARD_FIELD_LIMITS.date) || undefined,
    site: clean(c.req.query('site'), CARD_FIELD_LIMITS.site) || undefined,
    lang: isCardLang(lang) ? lang : guessLang(title),
  }
  const read = async (path: string) => {
    const res = await c.env.ASSETS.fetch(new Request(`https://assets.local/${path}`))
    if (!res.ok) throw new Error(`font ${path}: ${res.status}`)
    return res.arrayBuffer()
  }
  const { png, stats } = await renderCard(input, read)
  return c.body(png as Uint8Array<ArrayBuffer>, 200, {
    'content-type': CARD.type,
    // What was drawn and what it cost, for tests and the benchmark.
    'x-card': `size=${stats.fontSize} lines=${stats.lines} truncated=${stats.truncated} fonts=${stats.fontFiles} fontBytes=${stats.fontBytes} fetched=${stats.fontFetched}`,
    'server-timing': Object.entries(stats.ms)
      .map(([k, v]) => `${k};dur=${v.toFixed(1)}`)
      .join(', '),
  })
})

export default app
