/**
 * The card Worker inside workerd, as deployed: wasm imported as modules, fonts read from its ASSETS
 * binding (og/public). PNGs are judged by decoding them (upng-js) and counting pixels.
 */
import { env, exports } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { clearFontCache } from '../src/fonts'
import { renderCard } from '../src/render'
import { wasmReady } from '../src/wasm'
import { decode, differing, inked, TITLE_BOX } from './png'
import { LONG_KO, SHORT_KO } from './titles'

const card = (params: Record<string, string>) =>
  exports.default.fetch(`https://og.example/card?${new URLSearchParams(params).toString()}`)
const stats = (res: Response) =>
  Object.fromEntries(
    res.headers
      .get('x-card')!
      .split(' ')
      .map((kv) => kv.split('=')),
  ) as Record<string, string>

describe('GET /card', () => {
  it('returns a 1200×630 PNG with the title drawn', async () => {
    const res = await card({
      title: SHORT_KO,
      section: '국제',
      date: '2026-11-26',
      site: '뉴스다오',
      lang: 'ko',
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('image/png')
    const img = decode(await res.arrayBuffer())
    expect([img.width, img.height]).toEqual([1200, 630])
    expect(inked(img, TITLE_BOX)).toBeGreaterThan(10_000)
    // Only the subsets the text needs: a few dozen KiB each, never a whole CJK font.
    expect(Number(stats(res).fontBytes)).toBeLessThan(400_000)
    expect(stats(res).size).toBe('64')
  })

  it('shrinks and cuts a 90-character title to three lines', async () => {
    const res = await card({ title: LONG_KO, lang: 'ko' })
    expect(res.headers.get('x-card')).toContain('size=40 lines=3 truncated=true')
  })

  it('guesses the language from the script', async () => {
    // The language picks the fonts (Japanese or Korean forms of the same Han characters) and the
    // date's format, so a guessed card is drawn exactly as one with that language given.
    const draw = async (params: Record<string, string>) => {
      const res = await card({ date: '2024-06-19', ...params })
      expect(res.status).toBe(200)
      return decode(await res.arrayBuffer())
    }
    const JA = '日本銀行が追加利上げを決定'
    for (const [title, lang] of [
      [JA, 'ja'],
      [SHORT_KO, 'ko'],
      ['Central bank raises rates', 'en'],
    ] as const)
      expect(differing(await draw({ title }), await draw({ title, lang })), lang).toBe(0)
    // And the guess matters: the Japanese title drawn as Korean is another picture.
    expect(
      differing(await draw({ title: JA }), await draw({ title: JA, lang: 'ko' })),
    ).toBeGreaterThan(1000)
  })

  it('requires a title', async () => {
    expect((await card({})).status).toBe(400)
  })
})

describe('Hangul is really drawn', () => {
  it('differs clearly from the same card drawn with a font that has no Hangul', async () => {
    await wasmReady
    const input = {
      title: SHORT_KO, // the seed article's title
      section: 'News',
      date: '2024-06-19',
      site: 'Edge Press',
      lang: 'ko' as const,
    }
    const assets = env.ASSETS
    const read = async (path: string) =>
      (await assets.fetch(`https://assets.local/${path}`)).arrayBuffer()
    // Every subset request answered with the Latin one: Hangul has no glyphs there.
    const latinOnly = (path: string) =>
      read(path.replace(/^fonts\/(kr|jp)-[\w-]+-(\d00)\.woff$/, 'fonts/kr-latin-$2.woff'))
    clearFontCache()
    const real = decode((await renderCard(input, read)).png)
    clearFontCache()
    const tofu = decode((await renderCard(input, latinOnly)).png)
    clearFontCache()
    expect(inked(real, TITLE_BOX)).toBeGreaterThan(10_000) // the text area is not empty
    expect(differing(real, tofu, TITLE_BOX)).toBeGreaterThan(20_000) // and it is not tofu
  })
})

describe('layout', () => {
  it('keeps every line inside the centred square (KakaoTalk 1:1 crop)', async () => {
    for (const [title, lang] of [
      ['삼성전자, 3분기 영업이익 10조원 돌파…반도체 "슈퍼사이클" 재진입', 'ko'],
      ['OpenAI·구글·메타, 한국 데이터센터 투자 경쟁', 'ko'],
      [
        '대한민국헌법제1조대한민국은민주공화국이다대한민국의주권은국민에게있고모든권력은국민으로부터나온다',
        'ko',
      ],
      ['Supercalifragilisticexpialidocious antidisestablishmentarianism', 'en'],
      ['東京都知事選、小池氏が3選　投票率は前回を上回る', 'ja'],
    ] as const) {
      const res = await card({ title, lang, section: '국제', site: '뉴스다오', date: '2026-11-26' })
      const img = decode(await res.arrayBuffer())
      expect(inked(img, [0, 0, 285, 630]), title).toBe(0) // left of the square
      expect(inked(img, [915, 0, 285, 630]), title).toBe(0) // right of it
      // The 2:1 crop's cut, top and bottom.
      expect(inked(img, [285, 0, 630, 15]) + inked(img, [285, 615, 630, 15]), title).toBe(0)
    }
  })
})
