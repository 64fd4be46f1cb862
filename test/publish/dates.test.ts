/**
 * An article's publication time is when it first went live, and only edits after that are updates
 * (src/publish/dates.ts): a story begun as a draft by `npm run new`, edited as a draft, then published,
 * reads 입력 at its publication and no 수정 line; a held-back (embargoed) story's edits before its
 * time are not updates either. The write path is the one every publisher uses (writeArticles).
 */
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { buildOrigin } from '../../src/articles/derived'
import { siteConfig } from '../../src/config'
import { indexDb } from '../../src/listing/db'
import { writeArticles } from '../../src/publish/write'
import { internalStore } from '../../src/source/internal'
import { kvDriver } from '../../src/source/kv'
import { sourceStore } from '../../src/source/store'
import { readPage } from '../helpers/html'
import { client } from '../helpers/request'

let n = 0
const site = () => client(`https://dates-${++n}.example`)
const page = async (path: string) => readPage((await site().get(path)).body)

/** Saves a version at `at` (the upload, and the clock the schedule is judged by). */
async function save(key: string, text: string, at: string) {
  const config = siteConfig(env)
  const driver = kvDriver(env.ARTICLES_KV)
  await writeArticles({
    target: {
      stores: [
        {
          store: sourceStore(driver, { maxBytes: config.maxSourceBytes }),
          internal: internalStore(driver, undefined, env.DERIVED_KEY),
        },
      ],
      db: indexDb(env),
      origin: buildOrigin(config),
    },
    config,
    now: new Date(at),
    changes: [
      {
        kind: 'publish',
        key,
        bytes: new TextEncoder().encode(text),
        fileName: `${key}.md`,
      },
    ],
  })
}

/** What `npm run new -- ko <slug> --author 김서연` writes (scripts/new.ts), with its body replaced. */
const fromTemplate = (body: string, draft = true) =>
  `---\ntitle: "새 기사 제목"\n# Dated when it goes live. For another time (or to schedule it), uncomment and set:\n# date: 2026-11-26 01:30:00 +0900\nlang: ko\nauthor: "김서연"\ncategories: []\ntags: []\n# A draft: stored, not served. Delete the next line to publish.\n${draft ? 'published: false\n' : ''}---\n\n${body}\n`

const byline = (p: Awaited<ReturnType<typeof page>>) => p.all('.byline')[0]!.textContent!

describe('publication time', () => {
  it('of a story drafted, edited as a draft, then published is its publication, with no update', async () => {
    await save('ko/drafted', fromTemplate('첫 초안.'), '2026-11-25T16:30:00.000Z')
    await save('ko/drafted', fromTemplate('고친 초안.'), '2026-11-26T02:00:00.000Z')
    await save('ko/drafted', fromTemplate('완성한 본문.', false), '2026-11-26T05:10:00.000Z')

    const p = await page('/ko/drafted')
    expect(p.meta('article:published_time')).toBe('2026-11-26T14:10:00+09:00')
    expect(p.meta('article:modified_time')).toBeUndefined()
    expect(p.jsonLd()!.dateModified).toBeUndefined()
    expect(byline(p)).toContain('입력 2026년 11월 26일 오후 2:10')
    expect(byline(p)).not.toContain('수정')
    const sitemap = (await site().get('/sitemap.xml')).body
    expect(sitemap).toMatch(/ko\/drafted<\/loc>\s*<lastmod>2026-11-26T14:10:00\+09:00<\/lastmod>/)
    const feed = (await site().get('/ko/feed.xml')).body
    expect(feed).toMatch(/ko\/drafted"[\s\S]*?<updated>2026-11-26T14:10:00\+09:00<\/updated>/)

    // An edit once it is live is an update.
    await save('ko/drafted', fromTemplate('정정한 본문.', false), '2026-11-26T08:45:00.000Z')
    const edited = await page('/ko/drafted')
    expect(edited.meta('article:published_time')).toBe('2026-11-26T14:10:00+09:00')
    expect(edited.meta('article:modified_time')).toBe('2026-11-26T17:45:00+09:00')
    expect(byline(edited)).toContain('수정 2026년 11월 26일 오후 5:45')
  })

  it('of a story held back by an embargo is the embargo, and its edits before then are no updates', async () => {
    const embargoed = (body: string) =>
      `---\ntitle: 엠바고 기사\nembargo: 2026-11-27 09:00:00 +0900\n---\n\n${body}\n`
    await save('ko/embargoed', embargoed('초고.'), '2026-11-26T01:00:00.000Z')
    await save('ko/embargoed', embargoed('고친 원고.'), '2026-11-26T10:00:00.000Z')
    // Its time comes: the Cron Trigger publishes the stored version again (publish/go-live.ts).
    await save('ko/embargoed', embargoed('고친 원고.'), '2026-11-27T00:01:00.000Z')
    const p = await page('/ko/embargoed')
    expect(p.meta('article:published_time')).toBe('2026-11-27T09:00:00+09:00')
    expect(p.meta('article:modified_time')).toBeUndefined()
    expect(byline(p)).not.toContain('수정')
  })
})
