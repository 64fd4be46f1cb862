/**
 * import:wordpress as a newsroom runs it: real exports in, article files out that the project's own
 * pipeline accepts, and a report that accounts for every item.
 */
import { mkdtemp, readdir, readFile, rm, stat, mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runImport } from '../../scripts/import-wordpress'
import { readSiteConfig } from '../../scripts/lib/config'
import { checkContent } from '../../scripts/lib/content'

const FIXTURES = 'test/fixtures/wordpress'
const KOREAN = `${FIXTURES}/korean.wordpress.xml`
// The WordPress project's own test exports, read where the workplace keeps them (../shared beside the
// project, in CI too); its README asks that they not be copied into the project.
const SHARED = '../shared/fixtures/wordpress'
let out = ''
beforeEach(async () => {
  out = await mkdtemp(join(tmpdir(), 'import-wordpress-'))
})
afterEach(() => rm(out, { recursive: true, force: true }))

const run = (file: string, more: Partial<Parameters<typeof runImport>[0]> = {}) =>
  runImport({ file, out, log: () => {}, ...more })
const read = (path: string) => readFile(join(out, path), 'utf8')

describe('import:wordpress on a Korean newsroom export', () => {
  it('writes one file per post and page under ko/, with Hangul slugs decoded', async () => {
    const { ok } = await run(KOREAN)
    expect(ok).toBe(true)
    expect((await readdir(join(out, 'ko'))).sort()).toEqual(
      [
        '비공개-메모.html',
        '소개.html',
        '암호-기사.html',
        '예약-기사.html',
        '작성-중인-기사.html',
        '평양-르포.html',
        '푸틴-김정은-협정.html',
      ].sort(),
    )
  })

  it('fills the front matter from the post, its attachments and its SEO plugin', async () => {
    await run(KOREAN)
    const file = await read('ko/푸틴-김정은-협정.html')
    expect(file).toContain('title: 푸틴·김정은 “상호지원” 협정 서명\n') // &#8220; decoded
    expect(file).toContain('date: 2024-06-19 10:30:00 +0900\n')
    expect(file).toContain('categories:\n  - 정치\n  - 국제\n')
    expect(file).toContain('tags:\n  - 북러협정\n')
    expect(file).toContain('author: 김기자\n') // the display name, not the login
    expect(file).toContain('description: 북한과 러시아가 상호 군사지원 협정에 서명했다.\n')
    expect(file).toContain('seo_title: 푸틴·김정은 “상호지원” 협정 서명 - 뉴스다오\n')
    // The featured image is the full-size file, with its size and alt text.
    expect(file).toContain(
      'image:\n  url: https://news.example.kr/wp-content/uploads/2024/06/putin-kim.jpg\n  width: 1600\n  height: 900\n  alt: 악수하는 푸틴과 김정은\n',
    )
    expect(file).toContain(
      'redirect_from:\n  - /2024/06/19/%ed%91%b8%ed%8b%b4-%ea%b9%80%ec%a0%95%ec%9d%80-%ed%98%91%ec%a0%95/\n  - /?p=101\n',
    )
    // A post with no GMT date is dated in TIME_ZONE; Rank Math's description is read too.
    const classic = await read('ko/평양-르포.html')
    expect(classic).toContain('date: 2024-06-20 18:00:00 +0900\n')
    expect(classic).toContain('description: 정상회담 다음 날의 평양 거리.\n')
  })

  it('turns Gutenberg and classic bodies into clean HTML', async () => {
    await run(KOREAN)
    const gutenberg = await read('ko/푸틴-김정은-협정.html')
    expect(gutenberg).not.toMatch(/<!--\s*\/?wp:|<!--more-->|srcset=/)
    // The 1024x576 copy is replaced by the original, and the link to another post is site-relative.
    expect(gutenberg).toContain(
      'src="https://news.example.kr/wp-content/uploads/2024/06/putin-kim.jpg"',
    )
    expect(gutenberg).not.toContain('1024x576')
    expect(gutenberg).toContain('<a href="/ko/평양-르포">평양 르포</a>')
    expect(gutenberg).toContain(
      '<a href="https://www.youtube.com/watch?v=abc123">https://www.youtube.com/watch?v=abc123</a>',
    )

    const classic = await read('ko/평양-르포.html')
    // wpautop: a single newline is a <br />, a blank line a new paragraph.
    expect(classic).toContain('<p>평양 거리는 조용했다.<br />\n시민들은 일찍 집으로 돌아갔다.</p>')
    expect(classic).toContain(
      '<figure><img class="size-medium wp-image-202" src="https://news.example.kr/wp-content/uploads/2024/06/평양-거리.jpg" alt="평양 거리" width="1200" height="800"><figcaption>해 질 무렵의 평양 거리</figcaption></figure>',
    )
    expect(classic).toContain('<a href="/ko/푸틴-김정은-협정">협정 기사</a>') // was /?p=101
    // The gallery shows the attachments it names (999 is not in the export: reported).
    expect(classic.match(/<figure><img/g)).toHaveLength(3)
    // An unknown shortcode is kept as written; one in a code sample is not converted.
    expect(classic).toContain('[contact-form-7 id="5" title="제보"]')
    expect(classic).toContain('<pre>[gallery ids="1"] 는 코드 예시로 남는다</pre>')
    expect(classic).toContain('<a href="https://vimeo.com/12345">https://vimeo.com/12345</a>')
  })

  it('writes nothing non-public as published, and never the password', async () => {
    await run(KOREAN)
    for (const name of ['작성-중인-기사', '예약-기사', '비공개-메모', '암호-기사'])
      expect(await read(`ko/${name}.html`)).toContain('\npublished: false\n')
    expect(await read('ko/예약-기사.html')).toContain('date: 2030-01-02 07:00:00 +0900\n')
    for (const name of await readdir(join(out, 'ko')))
      expect(await read(`ko/${name}`)).not.toContain('s3cret-pw')
    const page = await read('ko/소개.html')
    expect(page).toContain('\ntype: page\n')
    expect(page).not.toMatch(/\ndate:/)
  })

  it('accounts for every item in the report', async () => {
    const { ok, text } = await run(KOREAN)
    expect(ok).toBe(true)
    expect(text).toContain('13 item(s) in the export, 7 file(s) written')
    expect(text).toContain('posts: 6 (draft 1, future 1, password 1, private 1, publish 2)')
    expect(text).toContain('pages: 1 (publish 1)')
    expect(text).toContain('attachments: 3 (2 used by imported posts, 1 unused)')
    expect(text).toContain('menu items: 1')
    expect(text).toContain('comments: 3 (not imported')
    expect(text).toContain('authors: 2')
    expect(text).toContain('terms: category 2, post_tag 2, nav_menu 1')
    expect(text).toContain('scheduled (future): 1')
    expect(text).toContain('[contact-form-7]: post 102 (/ko/평양-르포)')
    expect(text).toContain('latest-posts: post 101')
    expect(text).toContain('999: post 102 (/ko/평양-르포)')
    expect(text).toContain('post 107 "지운 기사": in the trash')
    expect(text).toContain('revision 108')
    expect(text).toContain(
      'IMAGE_HOSTS = "https://newsdao.kr https://images.example.com https://news.example.kr"',
    )
    expect(text).toContain('✓ every item accounted for (13 of 13)')
  })

  it('is idempotent: a second run leaves every file byte for byte (and untouched)', async () => {
    await run(KOREAN)
    const names = await readdir(join(out, 'ko'))
    const before = await Promise.all(
      names.map(async (n) => [await read(`ko/${n}`), (await stat(join(out, 'ko', n))).mtimeMs]),
    )
    await new Promise((r) => setTimeout(r, 20))
    await run(KOREAN)
    const after = await Promise.all(
      names.map(async (n) => [await read(`ko/${n}`), (await stat(join(out, 'ko', n))).mtimeMs]),
    )
    expect(after).toEqual(before)
  })

  it('--skip-unpublished and --since leave posts out, each listed with its reason', async () => {
    const { ok, text } = await run(KOREAN, { skipUnpublished: true, since: '2024-06-20' })
    expect(ok).toBe(true)
    expect(await readdir(join(out, 'ko'))).toEqual(['평양-르포.html'])
    expect(text).toContain('not public (draft) and --skip-unpublished')
    expect(text).toContain('post 101 "푸틴·김정은 “상호지원” 협정 서명": not changed since --since')
    expect(text).toContain('page 110 "소개": not changed since --since')
    expect(text).toContain('✓ every item accounted for (13 of 13)')
  })

  it('--verify builds every imported file through the pipeline and finds no difference', async () => {
    const { ok, text } = await run(KOREAN, { verify: true })
    expect(text).toContain('✓ verify: 7 article(s) rendered')
    expect(ok).toBe(true)
  })

  it('exits unsuccessfully when a post cannot be written, naming it', async () => {
    // A folder where the file should go: the write fails.
    await mkdir(join(out, 'ko', '소개.html'), { recursive: true })
    const { ok, text } = await run(KOREAN)
    expect(ok).toBe(false)
    expect(text).toMatch(/✗ page 110 \(\/ko\/소개\): .*EISDIR/)
  })
})

describe("import:wordpress on WordPress's own theme test data", () => {
  it('themeunittestdata: 186 items, all accounted for, every file accepted by the pipeline', async () => {
    const { ok, text } = await run(`${SHARED}/themeunittestdata.wordpress.xml`, { verify: true })
    expect(text).toContain('186 item(s) in the export, 79 file(s) written')
    expect(text).toContain('posts: 58 (draft 1, future 1, password 1, publish 55)')
    expect(text).toContain('pages: 21 (publish 21)')
    expect(text).toContain('attachments: 37 (35 used by imported posts, 2 unused)')
    expect(text).toContain('menu items: 70')
    expect(text).toContain('comments: 33')
    expect(text).toContain('[simple]: post 358') // "[simple boat]" in prose: reported, kept
    expect(text).toContain('✓ every item accounted for (186 of 186)')
    expect(text).toContain('✓ verify: 79 article(s)')
    expect(await read('en/markup-title-with-markup.html')).toContain(
      'title: "Markup: Title With Markup"\n',
    )
    expect(ok).toBe(true)
    const checked = await checkContent(out, await readSiteConfig())
    expect(checked.errors).toEqual([])
    expect(checked.files).toHaveLength(79)
  })

  it('block test data: no block comment left, dynamic blocks reported', async () => {
    const { ok, text } = await run(`${SHARED}/64-block-test-data.xml`, { verify: true })
    expect(text).toContain('72 item(s) in the export, 62 file(s) written')
    expect(text).toContain('posts: 61 (publish 61)')
    expect(text).toContain('wp_navigation 4 "Navigation": wp_navigation: site design or settings')
    expect(text).toContain('footnotes: post 75')
    expect(text).toContain('✓ every item accounted for (72 of 72)')
    expect(ok).toBe(true)
    for (const name of await readdir(join(out, 'en')))
      expect(await read(`en/${name}`)).not.toMatch(/<!--\s*\/?wp:/)
  })
})
