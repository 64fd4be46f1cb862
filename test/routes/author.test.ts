/**
 * Author profiles at the edge: the byline and its JSON-LD, the author's page and feed, and purges
 * when a profile changes. The JSON-LD is read against schema.org as documented, not against our code:
 * schema.org/Person (name, url, jobTitle, image, sameAs: URLs of the same person elsewhere) and
 * schema.org/ProfilePage, whose `mainEntity` is the Person it is about (also Google's profile-page
 * structured data: ProfilePage with mainEntity Person and at least its name).
 */
import { describe, expect, it } from 'vitest'
import { publishSource } from '../helpers/content'
import { readPage } from '../helpers/html'
import { client } from '../helpers/request'

const ORIGIN = 'https://authors.example'
const TOKEN = 'test-token-0123456789'
const site = client(ORIGIN, { ADMIN_TOKEN: TOKEN })

const PROFILE = `name:
  ko: 이서준
  en: Lee Seo-jun
title:
  ko: 경제부 기자
  en: Economics reporter
bio:
  ko: 금융과 부동산을 취재합니다.
  en: Covers finance and housing.
photo: /images/authors/lee.jpg
email: seojun@authors.example
sameAs:
  - https://x.com/seojun_lee
  - https://www.linkedin.com/in/seojun-lee
`

const putProfile = (id: string, text: string) =>
  site.call(`/admin/authors/${id}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/yaml' },
    body: text,
  })

const story = (title: string, day: number, author: string) =>
  `---\ntitle: ${title}\ndate: 2024-03-${String(day).padStart(2, '0')} 10:00:00 +0900\ncategories: [Economy]\nauthor: ${author}\n---\n\n${title}의 본문입니다.\n`

/** Every JSON-LD block of a page. */
const jsonLds = (html: string) =>
  readPage(html)
    .all('script[type="application/ld+json"]')
    .map((s) => JSON.parse(s.textContent ?? 'null') as Record<string, unknown>)

const isAbsoluteUrl = (value: unknown) =>
  typeof value === 'string' && /^https?:\/\//.test(value) && URL.canParse(value)

describe('author profiles', () => {
  it("resolve a byline's profile id: the link to the author's page, and a Person in JSON-LD in the page's language", async () => {
    expect((await putProfile('lee-seojun', PROFILE)).status).toBe(200)
    await publishSource('ko/au-rates', story('금리 동결', 3, '[lee-seojun, 편집국]'))
    await publishSource('en/au-rates', story('Rates held', 3, 'lee-seojun'))

    const ko = readPage((await site.get('/ko/au-rates')).body)
    const byline = ko.all('.byline a[rel="author"]')
    expect(byline.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['이서준', '/ko/author/lee-seojun'],
    ])
    expect(ko.document.querySelector('.byline .authors')?.textContent).toBe('이서준, 편집국')

    const article = jsonLds((await site.get('/ko/au-rates')).body).find(
      (ld) => ld['@type'] === 'BlogPosting' || ld['@type'] === 'NewsArticle',
    )!
    const [person, plain] = article.author as Record<string, unknown>[]
    expect(person).toMatchObject({
      '@type': 'Person',
      name: '이서준',
      url: `${ORIGIN}/ko/author/lee-seojun`,
      jobTitle: '경제부 기자',
      image: `${ORIGIN}/images/authors/lee.jpg`,
      sameAs: ['https://x.com/seojun_lee', 'https://www.linkedin.com/in/seojun-lee'],
    })
    for (const key of ['url', 'image']) expect(isAbsoluteUrl(person![key])).toBe(true)
    expect(plain).toEqual({ '@type': 'Person', name: '편집국' })

    // oEmbed consumers (blogs, chat apps) name the author the same way.
    const embed = await site.get(`/oembed?url=${encodeURIComponent(`${ORIGIN}/ko/au-rates`)}`)
    expect(embed.json()).toMatchObject({
      author_name: '이서준',
      author_url: `${ORIGIN}/ko/author/lee-seojun`,
    })

    const en = jsonLds((await site.get('/en/au-rates')).body).find((ld) => 'author' in ld)!
    expect((en.author as Record<string, unknown>[])[0]).toMatchObject({
      name: 'Lee Seo-jun',
      url: `${ORIGIN}/en/author/lee-seojun`,
      jobTitle: 'Economics reporter',
    })
  })

  it("an author's page: photo in the image frame, name, title, bio, links, ProfilePage JSON-LD, canonical, hreflang, Open Graph and the feed", async () => {
    await putProfile('lee-seojun', PROFILE)
    await publishSource('ko/au-page', story('환율 급등', 4, 'lee-seojun'))
    const res = await site.get('/ko/author/lee-seojun')
    expect(res.status).toBe(200)
    const page = readPage(res.body)
    const photo = page.document.querySelector('.author-profile .media img')
    expect(photo?.getAttribute('src')).toBe(`${ORIGIN}/images/authors/lee.jpg`)
    expect(photo?.getAttribute('alt')).toBe('이서준')
    expect(page.document.querySelector('h1')?.textContent).toBe('이서준')
    expect(page.document.querySelector('.author-title')?.textContent).toBe('경제부 기자')
    expect(page.document.querySelector('.author-bio')?.textContent).toBe(
      '금융과 부동산을 취재합니다.',
    )
    expect(page.all('.author-links a').map((a) => a.getAttribute('href'))).toEqual([
      'mailto:seojun@authors.example',
      'https://x.com/seojun_lee',
      'https://www.linkedin.com/in/seojun-lee',
    ])
    expect(page.all('.cards a').map((a) => a.getAttribute('href'))).toContain('/ko/au-page')

    expect(page.link('canonical')).toBe(`${ORIGIN}/ko/author/lee-seojun`)
    const hreflang = page
      .all('link[rel="alternate"][hreflang]')
      .map((l) => [l.getAttribute('hreflang'), l.getAttribute('href')])
    expect(hreflang).toContainEqual(['ko', `${ORIGIN}/ko/author/lee-seojun`])
    expect(hreflang).toContainEqual(['en', `${ORIGIN}/en/author/lee-seojun`])
    expect(page.meta('og:type')).toBe('profile')
    expect(page.meta('og:url')).toBe(`${ORIGIN}/ko/author/lee-seojun`)
    expect(page.meta('og:image')).toBe(`${ORIGIN}/images/authors/lee.jpg`)
    expect(
      page
        .all('link[rel="alternate"][type="application/atom+xml"]')
        .map((l) => l.getAttribute('href')),
    ).toContain(`${ORIGIN}/ko/author/lee-seojun/feed.xml`)

    const profile = jsonLds(res.body).find((ld) => ld['@type'] === 'ProfilePage')!
    expect(profile['@context']).toBe('https://schema.org')
    const person = profile.mainEntity as Record<string, unknown>
    expect(person['@type']).toBe('Person')
    expect(person.name).toBe('이서준')
    expect(person.jobTitle).toBe('경제부 기자')
    expect(person.description).toBe('금융과 부동산을 취재합니다.')
    expect(isAbsoluteUrl(person.image)).toBe(true)
    expect(person.sameAs).toEqual([
      'https://x.com/seojun_lee',
      'https://www.linkedin.com/in/seojun-lee',
    ])
  })

  it('pages their articles like a listing, exactly, and 404s past the last page', async () => {
    await putProfile('pager', 'name: Pager\n')
    for (let day = 1; day <= 13; day++)
      await publishSource(`ko/au-pager-${day}`, story(`기사 ${day}`, day, 'pager'))
    await publishSource('ko/au-not-pager', story('다른 기자', 14, 'someone-else'))
    const first = readPage((await site.get('/ko/author/pager')).body)
    const hrefs = first.all('.cards a[href^="/ko/au-"]').map((a) => a.getAttribute('href'))
    expect(new Set(hrefs).size).toBe(12)
    expect(hrefs[0]).toBe('/ko/au-pager-13')
    expect(hrefs).not.toContain('/ko/au-not-pager')
    expect(first.link('next')).toBe(`${ORIGIN}/ko/author/pager/page/2`)
    const second = readPage((await site.get('/ko/author/pager/page/2')).body)
    expect(
      new Set(second.all('.cards a[href^="/ko/au-"]').map((a) => a.getAttribute('href'))),
    ).toEqual(new Set(['/ko/au-pager-1']))
    expect((await site.get('/ko/author/pager/page/3')).status).toBe(404)
    expect((await site.get('/ko/author/pager/page/1')).status).toBe(301)
  })

  it('lists the pages of authors with articles in the sitemap, not those of plain names', async () => {
    await putProfile('mapped', 'name: 지도\n')
    await publishSource('ko/au-mapped', story('사이트맵', 15, 'mapped'))
    await publishSource('ko/au-plain', story('이름만', 16, 'plain-name-only'))
    const sitemap = (await site.get('/sitemap.xml')).body
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1])
    expect(locs).toContain(`${ORIGIN}/ko/author/mapped`)
    expect(locs).not.toContain(`${ORIGIN}/ko/author/plain-name-only`)
    // Every author page the sitemap names answers.
    for (const loc of locs.filter((l) => l!.includes('/author/')))
      expect((await site.get(new URL(loc!).pathname)).status, loc).toBe(200)
  })

  it("an article that changes its author leaves the old author's page and joins the new one's", async () => {
    await putProfile('before-author', 'name: 전\n')
    await putProfile('after-author', 'name: 후\n')
    await publishSource('ko/au-moved', story('옮긴 기사', 8, 'before-author'))
    await publishSource('ko/au-before-stays', story('남은 기사', 9, 'before-author'))
    const links = async (id: string) =>
      readPage((await site.get(`/ko/author/${id}`)).body)
        .all('.cards a[href^="/ko/au-"]')
        .map((a) => a.getAttribute('href'))
    expect(await links('before-author')).toContain('/ko/au-moved')
    await publishSource('ko/au-moved', story('옮긴 기사', 8, 'after-author'))
    // The in-Worker cache of the old author's page is not purged by publishSource (no purge), so
    // read around it: the listing itself must have moved.
    const fresh = client('https://authors-fresh.example')
    const page = async (id: string) =>
      readPage((await fresh.get(`/ko/author/${id}`)).body)
        .all('.cards a[href^="/ko/au-"]')
        .map((a) => a.getAttribute('href'))
    expect(await page('before-author')).not.toContain('/ko/au-moved')
    expect(await page('after-author')).toContain('/ko/au-moved')
  })

  it("publishing an article through the API purges its author's page and feed", async () => {
    await putProfile('prolific', 'name: 다작\n')
    await publishSource('ko/au-prolific-1', story('첫 기사', 10, 'prolific'))
    await site.get('/ko/author/prolific')
    await site.get('/ko/author/prolific/feed.xml')
    expect((await site.get('/ko/author/prolific')).header('x-cache')).toBe('HIT')
    const published = await site.call('/admin/articles/ko/au-prolific-2', {
      method: 'PUT',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'text/html' },
      body: story('둘째 기사', 11, 'prolific'),
    })
    expect(published.status).toBe(201)
    const page = readPage((await site.get('/ko/author/prolific')).body)
    expect(page.all('.cards a').map((a) => a.getAttribute('href'))).toContain('/ko/au-prolific-2')
    expect((await site.get('/ko/author/prolific/feed.xml')).body).toContain('au-prolific-2')
  })

  it('answers 404 for an unknown or malformed id, and shows a profile without articles yet', async () => {
    expect((await site.get('/ko/author/nobody-here')).status).toBe(404)
    expect((await site.get('/ko/author/nobody-here/feed.xml')).status).toBe(404)
    expect((await site.get('/ko/author/Lee_Seojun')).status).toBe(404)
    await putProfile('new-hire', 'name: { ko: 신입 }\n')
    const res = await site.get('/ko/author/new-hire')
    expect(res.status).toBe(200)
    expect(readPage(res.body).document.querySelector('h1')?.textContent).toBe('신입')
  })

  it("an author's feed carries their articles only, with their name in the language of the feed", async () => {
    await putProfile('feeder', 'name: { ko: 피더, en: Feeder }\n')
    await publishSource('ko/au-feed-mine', story('내 기사', 5, 'feeder'))
    await publishSource('ko/au-feed-other', story('남의 기사', 6, '다른 사람'))
    const res = await site.get('/ko/author/feeder/feed.xml')
    expect(res.status).toBe(200)
    expect(res.header('content-type')).toMatch(/^application\/atom\+xml/)
    expect(res.body).toContain(`<id>${ORIGIN}/ko/au-feed-mine</id>`)
    expect(res.body).not.toContain('au-feed-other')
    expect(res.body).toContain(
      `<author><name>피더</name><uri>${ORIGIN}/ko/author/feeder</uri></author>`,
    )
  })

  it('refuses a broken profile with its line and key, and keeps the stored one', async () => {
    await putProfile('keeper', 'name: 보존\n')
    const refused = await putProfile('keeper', 'name: 보존\nsameAs:\n  - not a url\n')
    expect(refused.status).toBe(422)
    const { error } = refused.json<{ error: { code: string; message: string } }>()
    expect(error.code).toBe('SOURCE_REJECTED')
    expect(error.message).toContain('authors/keeper.yml:3')
    expect(error.message).toContain('sameAs.0')
    expect(
      readPage((await site.get('/ko/author/keeper')).body).document.querySelector('h1')
        ?.textContent,
    ).toBe('보존')
  })

  it('a changed profile purges its page and the pages of its articles', async () => {
    await putProfile('renamed', 'name: 옛 이름\n')
    await publishSource('ko/au-renamed', story('이름 바뀐 기자의 기사', 7, 'renamed'))
    // Both cached.
    await site.get('/ko/author/renamed')
    await site.get('/ko/au-renamed')
    expect((await site.get('/ko/au-renamed')).header('x-cache')).toBe('HIT')
    expect((await site.get('/ko/author/renamed')).header('x-cache')).toBe('HIT')

    const saved = await putProfile('renamed', 'name: 새 이름\n')
    expect(saved.json<{ changed: boolean }>().changed).toBe(true)
    const page = await site.get('/ko/author/renamed')
    expect(readPage(page.body).document.querySelector('h1')?.textContent).toBe('새 이름')
    const article = readPage((await site.get('/ko/au-renamed')).body)
    expect(article.document.querySelector('.byline a[rel="author"]')?.textContent).toBe('새 이름')

    // Deleting it: the page is a 404 and the byline a plain name again.
    const deleted = await site.call('/admin/authors/renamed', {
      method: 'DELETE',
      headers: { authorization: `Bearer ${TOKEN}` },
    })
    expect(deleted.status).toBe(200)
    expect((await site.get('/ko/author/renamed')).status).toBe(404)
    const plain = readPage((await site.get('/ko/au-renamed')).body)
    expect(plain.document.querySelector('.byline a[rel="author"]')).toBeNull()
    expect(plain.document.querySelector('.byline .authors')?.textContent).toBe('renamed')
  })
})
