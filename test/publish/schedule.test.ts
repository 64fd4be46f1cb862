/**
 * Scheduled and embargoed articles: stored at push, invisible on every surface until their time,
 * then published by the Cron Trigger (driven here with a fake clock: the controller's scheduledTime).
 */
import {
  createExecutionContext,
  createScheduledController,
  waitOnExecutionContext,
} from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import worker from '../../src'
import { readPage } from '../helpers/html'
import { client } from '../helpers/request'

const TOKEN = 'scheduler-secret-0123456789'
const auth = { authorization: `Bearer ${TOKEN}` }
let n = 0
/** A fresh origin per call: nothing is served from an earlier request's cache. */
const site = () => client(`https://schedule-${++n}.example`, { ADMIN_TOKEN: TOKEN })
const put = async (path: string, body: string, file?: string) => {
  const res = await site().call(`/admin/articles/${path}${file ? `?file=${file}` : ''}`, {
    method: 'PUT',
    body,
    headers: { ...auth, 'content-type': 'text/markdown' },
  })
  expect(res.status, res.body).toBeLessThan(300)
  return res.json<{ scheduledFor?: number }>()
}

/** The every-minute Cron Trigger firing at `at`. */
async function cronAt(at: number) {
  const ctx = createExecutionContext()
  await worker.scheduled(
    createScheduledController({ cron: '* * * * *', scheduledTime: at }),
    env,
    ctx,
  )
  await waitOnExecutionContext(ctx)
}

/** Every reader-facing surface, as text, for one slug, title and search word. */
async function surfaces(lang: string, word: string) {
  const get = async (path: string) => (await site().get(path)).body
  return {
    home: await get(`/${lang}/`),
    category: await get(`/${lang}/category/world`),
    tag: await get(`/${lang}/tag/${word}`),
    feed: await get(`/${lang}/feed.xml`),
    sitemap: await get('/sitemap.xml'),
    search: await get(`/api/search?lang=${lang}&q=${word}`),
    neighbour: await get(`/${lang}/sched-neighbour`),
  }
}

const hourAhead = () => new Date(Math.ceil((Date.now() + 3_600_000) / 1000) * 1000)
/** `2026-12-24 09:00:00 +0900` for a time, as a publisher writes it in Seoul. */
const seoul = (date: Date) => {
  const local = new Date(date.getTime() + 9 * 3_600_000).toISOString()
  return `${local.slice(0, 10)} ${local.slice(11, 19)} +0900`
}
const source = (title: string, front: string, word: string) =>
  `---\ntitle: ${title}\n${front}\ncategories: [world]\ntags: [${word}]\n---\n\n${title} 본문 ${word}.\n`

describe('a scheduled article', () => {
  it('is invisible everywhere before its time, answers 404 like an unknown URL, and goes live from the cron', async () => {
    await put(
      'ko/sched-neighbour',
      source('이웃 기사', 'date: 2024-01-01 10:00:00 +0900', 'neighbourword'),
    )
    const at = hourAhead()
    const pushed = await put(
      'ko/sched-future',
      source('예약된 기사', `date: ${seoul(at)}`, 'scheduledword'),
    )
    expect(pushed.scheduledFor).toBe(at.getTime())

    // 404 exactly like a slug that never existed: same status, headers and body.
    const [held, unknown] = [
      await site().get('/ko/sched-future'),
      await site().get('/ko/sched-unkno'),
    ]
    expect(held.status).toBe(404)
    const comparable = (res: typeof held, slug: string) => ({
      body: res.body.replaceAll(slug, 'SLUG').replace(/schedule-\d+/g, 'ORIGIN'),
      headers: [...res.res.headers]
        .filter(([name]) => !['x-request-id', 'server-timing', 'date'].includes(name))
        .map(([name, value]) => [name, value.replaceAll(slug, 'SLUG')]),
    })
    expect(comparable(held, 'sched-future')).toEqual(comparable(unknown, 'sched-unkno'))
    expect((await site().get('/api/articles/ko/sched-future')).status).toBe(404)
    expect((await site().get('/preview/ko/sched-future')).status).toBe(404)
    const oembed = await site().get(
      `/oembed?url=${encodeURIComponent(`https://schedule-${n + 1}.example/ko/sched-future`)}`,
    )
    expect(oembed.status).toBe(404)

    const before = await surfaces('ko', 'scheduledword')
    for (const [surface, text] of Object.entries(before)) {
      expect(text, surface).not.toContain('예약된 기사')
      expect(text, surface).not.toContain('sched-future')
    }
    // The tag only this article has: no listing at all yet, like any unknown tag.
    expect((await site().get('/ko/tag/scheduledword')).status).toBe(404)

    // A minute before its time the cron leaves it; within the minute after, it is live everywhere.
    await cronAt(at.getTime() - 60_000)
    expect((await site().get('/ko/sched-future')).status).toBe(404)
    await cronAt(at.getTime() + 30_000)
    const page = readPage((await site().get('/ko/sched-future')).body)
    expect(page.all('h1')[0]!.textContent).toContain('예약된 기사')
    const after = await surfaces('ko', 'scheduledword')
    for (const [surface, text] of Object.entries(after))
      expect(text, surface).toContain('sched-future')
  })

  it('stays embargoed when edited before its time, and an embargo without a date dates the article', async () => {
    const at = hourAhead()
    const front = `embargo: ${at.toISOString()}`
    const first = await put('en/sched-embargo', source('Embargoed story', front, 'embargoword'))
    expect(first.scheduledFor).toBe(at.getTime())
    const edited = await put(
      'en/sched-embargo',
      source('Embargoed story, edited', front, 'embargoword'),
    )
    expect(edited.scheduledFor).toBe(at.getTime())
    await cronAt(Date.now())
    expect((await site().get('/en/sched-embargo')).status).toBe(404)
    expect((await site().get('/en/')).body).not.toContain('Embargoed story')

    // The admin list names it with its time.
    const list = await site().call('/admin/scheduled', { headers: auth })
    expect(
      list.json<{ scheduled: { key: string; at: string; label: string }[] }>().scheduled,
    ).toContainEqual({
      key: 'en/sched-embargo',
      at: at.toISOString(),
      label: `${seoul(at).slice(0, 16)} KST`,
    })

    await cronAt(at.getTime() + 1_000)
    const page = readPage((await site().get('/en/sched-embargo')).body)
    expect(page.all('h1')[0]!.textContent).toContain('Embargoed story, edited')
    expect(page.meta('article:published_time')).toBe(
      `${seoul(at).slice(0, 19).replace(' ', 'T')}+09:00`,
    )
  })

  it('reads a time without a zone in TIME_ZONE (Asia/Seoul), one with a zone exactly', async () => {
    const at = new Date(Math.ceil((Date.now() + 7_200_000) / 60_000) * 60_000)
    const local = new Date(at.getTime() + 9 * 3_600_000).toISOString()
    const wall = `${local.slice(0, 10)} ${local.slice(11, 16)}`
    expect(
      (await put('ko/sched-wall', source('벽시계', `date: ${wall}`, 'wallword'))).scheduledFor,
    ).toBe(at.getTime())
    expect(
      (await put('ko/sched-utc', source('협정시', `date: ${at.toISOString()}`, 'utcword')))
        .scheduledFor,
    ).toBe(at.getTime())
  })
})
