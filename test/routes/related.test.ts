/**
 * The article page's related-articles block: cards from the same section and tags, a typographic
 * card for a story without a picture, a labelled section in the page's language, no script; never
 * a draft or a story whose time has not come.
 */
import { describe, expect, it } from 'vitest'
import { publishSource } from '../helpers/content'
import { readPage } from '../helpers/html'
import { client } from '../helpers/request'

let n = 0
const site = () => client(`https://related-${++n}.example`)
const page = async (path: string) => readPage((await site().get(path)).body)

const story = (title: string, date: string, extra = '') =>
  `---\ntitle: ${title}\ndate: ${date}\ncategories: [경제]\ntags: [반도체특집]\n${extra}---\n<p>${title} 본문입니다.</p>\n`

describe('related articles on an article page', () => {
  it('are cards from its section and tags, without a picture a typographic card, under a labelled heading', async () => {
    await publishSource('ko/rel-page', story('반도체 수출 회복', '2024-06-10'))
    await publishSource(
      'ko/rel-photo',
      story('반도체 공장 증설', '2024-06-05', 'image: https://images.example.com/fab.jpg\n'),
    )
    await publishSource('ko/rel-plain', story('반도체 가격 반등', '2024-06-01'))
    // Not live: a draft, and one whose date has not come.
    await publishSource('ko/rel-draft', story('초안 기사', '2024-06-08', 'published: false\n'))
    await publishSource('ko/rel-later', story('예약 기사', '2099-01-01'))

    const p = await page('/ko/rel-page')
    const block = p.all('section.related')[0]!
    const heading = block.querySelector('h2')!
    expect(heading.textContent).toBe('관련 기사')
    expect(block.getAttribute('aria-labelledby')).toBe(heading.id)
    const links = Array.from(block.querySelectorAll('.card h3 a')).map((a) =>
      a.getAttribute('href'),
    )
    expect(links).toEqual(['/ko/rel-photo', '/ko/rel-plain'])
    const cards = Array.from(block.querySelectorAll('.card'))
    expect(cards[0]!.querySelector('img')?.getAttribute('src')).toBe(
      'https://images.example.com/fab.jpg',
    )
    // No empty frame: the section's name set in type, hidden from screen readers.
    const typeCard = cards[1]!.querySelector('.type-card')!
    expect(typeCard.getAttribute('aria-hidden')).toBe('true')
    expect(typeCard.textContent).toContain('경제')
    expect(block.querySelector('.more a')?.getAttribute('href')).toBe(
      `/ko/category/${encodeURIComponent('경제')}`,
    )
    expect(p.all('script:not([type="application/ld+json"])')).toHaveLength(0)
  })

  it('are headed in the page’s language', async () => {
    await publishSource(
      'ja/rel-ja-1',
      '---\ntitle: 一\ndate: 2024-06-02\ntags: [半導体特集]\n---\n<p>一。</p>\n',
    )
    await publishSource(
      'ja/rel-ja-2',
      '---\ntitle: 二\ndate: 2024-06-03\ntags: [半導体特集]\n---\n<p>二。</p>\n',
    )
    const p = await page('/ja/rel-ja-2')
    expect(p.all('section.related h2')[0]?.textContent).toBe('関連記事')
    expect(p.all('section.related .card h3 a').map((a) => a.getAttribute('href'))).toEqual([
      '/ja/rel-ja-1',
    ])
  })
})
