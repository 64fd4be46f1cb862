import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'

describe('the migrations', () => {
  it('build the index from empty, with the search table and every listing index', async () => {
    const { results } = await env.ARTICLES_DB.prepare(
      "SELECT name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' ORDER BY name",
    ).all<{ name: string }>()
    const names = results.map((r) => r.name)
    for (const name of [
      'articles',
      'labels',
      'search',
      'reconcile_state',
      'articles_by_rank',
      'labels_by_rank',
      'articles_by_slug',
    ]) {
      expect(names).toContain(name)
    }
  })
})
