import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { publishSource } from '../helpers/content'

/** Each article's place in its language and in its labels, as listings read them. */
async function places(prefix: string) {
  const articles = await env.ARTICLES_DB.prepare(
    `SELECT slug, rank, title FROM articles WHERE lang = 'ko' AND slug LIKE ?1 ORDER BY rank`,
  )
    .bind(`${prefix}%`)
    .all<{ slug: string; rank: number; title: string }>()
  const labels = await env.ARTICLES_DB.prepare(
    `SELECT kind, key, slug, rank FROM labels WHERE lang = 'ko' AND slug LIKE ?1 ORDER BY kind, key, rank`,
  )
    .bind(`${prefix}%`)
    .all()
  return { articles: articles.results, labels: labels.results }
}

const searchTitles = async (q: string) => {
  const rows = await env.ARTICLES_DB.prepare(
    `SELECT a.slug FROM search JOIN articles AS a ON a.search_id = search.rowid
     WHERE search MATCH ?1 AND a.slug LIKE 'edit-%' ORDER BY a.slug`,
  )
    .bind(`"${q}"`)
    .all<{ slug: string }>()
  return rows.results.map((r) => r.slug)
}

const source = (title: string, date: string, tags: string) =>
  `---\ntitle: ${title}\ndate: ${date}\ncategories: 편집시험\ntags: [${tags}]\n---\n<p>${title} 본문입니다.</p>`

describe('editing an indexed article', () => {
  it('keeps its place when date and labels stay, moves it when they change, and never leaves the index inconsistent', async () => {
    await publishSource('ko/edit-old', source('첫째 기사', '2020-01-01', '가'))
    await publishSource('ko/edit-mid', source('둘째 기사', '2020-01-02', '가, 나'))
    await publishSource('ko/edit-new', source('셋째 기사', '2020-01-03', '나'))
    const before = await places('edit-')
    expect(before.articles.map((a) => a.slug)).toEqual(['edit-old', 'edit-mid', 'edit-new'])

    // A correction: new title and body, same date and labels.
    await publishSource('ko/edit-mid', source('고친 제목', '2020-01-02', '가, 나'))
    const corrected = await places('edit-')
    expect(corrected.labels).toEqual(before.labels)
    expect(corrected.articles.map((a) => [a.slug, a.rank])).toEqual(
      before.articles.map((a) => [a.slug, a.rank]),
    )
    expect(corrected.articles.find((a) => a.slug === 'edit-mid')?.title).toBe('고친 제목')
    // Search knows the new words and forgets the old ones.
    expect(await searchTitles('고친')).toEqual(['edit-mid'])
    expect(await searchTitles('둘째')).toEqual([])

    // A new date moves it to the top; a new tag list changes its label listings.
    await publishSource('ko/edit-mid', source('고친 제목', '2020-01-04', '다'))
    const moved = await places('edit-')
    expect(moved.articles.map((a) => a.slug)).toEqual(['edit-old', 'edit-new', 'edit-mid'])
    expect(moved.articles.map((a) => a.rank - moved.articles[0]!.rank)).toEqual([0, 1, 2])
    const tagsOf = (slug: string) =>
      moved.labels.filter((l) => l.slug === slug && l.kind === 'tag').map((l) => l.key)
    expect(tagsOf('edit-mid')).toEqual(['다'])
    // Each label listing stays numbered 1, 2, … with no gap the edit left behind.
    const byLabel = new Map<string, number[]>()
    for (const l of moved.labels) {
      const key = `${String(l.kind)}/${String(l.key)}`
      byLabel.set(key, [...(byLabel.get(key) ?? []), Number(l.rank)])
    }
    for (const ranks of byLabel.values())
      expect(ranks.map((r) => r - ranks[0]!)).toEqual(ranks.map((_, i) => i))
    expect(await searchTitles('고친')).toEqual(['edit-mid'])
  })
})
