import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'

describe('the migrations', () => {
  it('build the index from empty, with the search table, the date indexes and the day counts', async () => {
    const { results } = await env.ARTICLES_DB.prepare(
      "SELECT name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' ORDER BY name",
    ).all<{ name: string }>()
    const names = results.map((r) => r.name)
    for (const name of [
      'articles',
      'labels',
      'search',
      'reconcile_state',
      'articles_by_date',
      'labels_by_date',
      'articles_by_slug',
      'listing_days',
      'listing_blocks',
      'listing_totals',
      'articles_counted',
      'labels_uncounted',
    ]) {
      expect(names).toContain(name)
    }
    // Positions are not stored: nothing is left to re-number.
    expect(names).not.toContain('articles_by_rank')
  })
})
