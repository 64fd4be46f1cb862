/**
 * `--media download` as a newsroom moving its archive runs it: the images an article shows come into
 * content/media/<host>/<path> and the article points at them by a relative path; what could not come
 * is reported and keeps its URL. The exports name real hosts: `--media-origin` fetches them from a
 * local server instead (as a user would from a staging copy), so the tests never touch the network.
 */
import { npmRun } from './helpers/npm-run'
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { imageSize } from 'image-size'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runImport } from '../../scripts/import-wordpress'
import { push, PushError } from '../../scripts/content-push'
import { readSiteConfig } from '../../scripts/lib/config'
import { checkContent } from '../../scripts/lib/content'
import { imageServer } from './helpers/image-server'
import { quiet, useWorkspace } from './helpers/workspace'

const KOREAN = 'test/fixtures/wordpress/korean.wordpress.xml'
const SHARED = '../shared/fixtures/wordpress'
const UPLOADS = 'media/news.example.kr/wp-content/uploads/2024/06'

let server: Awaited<ReturnType<typeof imageServer>>
beforeEach(async () => {
  server = await imageServer()
})
afterEach(() => server.close())

const origins = (...hosts: string[]) => new Map(hosts.map((host) => [host, server.origin]))

describe('import:wordpress --media download', () => {
  let out = ''
  beforeEach(async () => {
    out = await mkdtemp(join(tmpdir(), 'media-import-'))
  })
  afterEach(() => rm(out, { recursive: true, force: true }))
  const read = (path: string) => readFile(join(out, path), 'utf8')
  const download = (file: string, more: Partial<Parameters<typeof runImport>[0]['media']> = {}) =>
    runImport({
      file,
      out,
      log: () => {},
      media: { originMap: origins('news.example.kr'), ...more },
    })

  it('brings each original in once and points the articles at it, alt text kept', async () => {
    const { ok, text } = await download(KOREAN)
    expect(ok).toBe(true)
    // The originals only (not the 1024x576 and 300x169 copies the post showed), each once though
    // three posts and a featured image use them.
    expect(server.requested.sort()).toEqual([
      '/wp-content/uploads/2024/06/putin-kim.jpg',
      '/wp-content/uploads/2024/06/평양-거리.jpg',
    ])
    const photo = await readFile(join(out, UPLOADS, 'putin-kim.jpg'))
    expect(imageSize(photo)).toMatchObject({ width: 1600, height: 900, type: 'jpg' })
    expect(imageSize(await readFile(join(out, UPLOADS, '평양-거리.jpg')))).toMatchObject({
      width: 1600,
    })

    const post = await read('ko/푸틴-김정은-협정.html')
    expect(post).toContain(
      `image:\n  url: ../${UPLOADS}/putin-kim.jpg\n  width: 1600\n  height: 900\n  alt: 악수하는 푸틴과 김정은\n`,
    )
    expect(post).toContain(
      `<img src="../${UPLOADS}/putin-kim.jpg" alt="악수하는 푸틴과 김정은" class="wp-image-201"`,
    )
    expect(post).not.toMatch(/srcset|https:\/\/news\.example\.kr\/wp-content/)
    const classic = await read('ko/평양-르포.html')
    expect(classic).toContain(
      `<img class="size-medium wp-image-202" src="../${UPLOADS}/평양-거리.jpg" alt="평양 거리" width="1200" height="800">`,
    )
    expect(classic).not.toContain('https://news.example.kr/wp-content')

    expect(text).toContain(
      `attachments: 3 (2 used by imported posts, 1 unused); the images the posts show brought into ${out}/media/`,
    )
    expect(text).toContain('media: 2 image(s) fetched (')
    expect(text).toMatch(
      /↓ https:\/\/news\.example\.kr\/wp-content\/uploads\/2024\/06\/putin-kim\.jpg → news\.example\.kr\/wp-content\/uploads\/2024\/06\/putin-kim\.jpg \([\d,]+ bytes\)/,
    )
    // Nothing is left on the old host, so nothing for IMAGE_HOSTS either.
    expect(text).not.toContain('IMAGE_HOSTS')
    // The site's own pipeline accepts every rewritten file.
    const checked = await checkContent(out, await readSiteConfig())
    expect(checked.errors).toEqual([])
  })

  it('leaves the images where they are without the option, fetching nothing', async () => {
    const { ok, text } = await runImport({ file: KOREAN, out, log: () => {} })
    expect(ok).toBe(true)
    expect(await readdir(out)).toEqual(['ko'])
    expect(server.requested).toEqual([])
    expect(await read('ko/푸틴-김정은-협정.html')).toContain(
      'url: https://news.example.kr/wp-content/uploads/2024/06/putin-kim.jpg',
    )
    expect(text).toContain('files stay where they are, linked by URL')
  })

  it('resumes: a second run fetches nothing and rewrites nothing', async () => {
    await download(KOREAN)
    const names = await readdir(join(out, 'ko'))
    const before = await Promise.all(
      names.map(async (n) => [await read(`ko/${n}`), (await stat(join(out, 'ko', n))).mtimeMs]),
    )
    server.requested.length = 0
    const { ok, text } = await download(KOREAN)
    expect(ok).toBe(true)
    expect(server.requested).toEqual([])
    expect(text).toContain('media: 0 image(s) fetched (0 bytes)')
    expect(text).toContain('2 already there')
    const after = await Promise.all(
      names.map(async (n) => [await read(`ko/${n}`), (await stat(join(out, 'ko', n))).mtimeMs]),
    )
    expect(after).toEqual(before)
  })

  it('reports each failure with its reason and keeps the URL; takes the largest srcset candidate', async () => {
    const up = 'https://news.example.kr/wp-content/uploads/2024/07'
    await writeFile(
      join(out, 'export.xml'),
      wxr(`<p><img src="${up}/missing.jpg" alt="404"></p>
<p><img src="${up}/slow.jpg" alt="slow"></p>
<p><img src="${up}/not-an-image.jpg" alt="html"></p>
<p><img src="${up}/huge.jpg" alt="big"></p>
<p><img src="https://cdn.other.example/elsewhere.jpg" alt="other host"></p>
<p><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="inline"></p>
<p><img src="${up}/moved.jpg" alt="moved"></p>
<p><a href="${up}/linked-2000x1000.jpg" class="full"><img src="${up}/linked-300x150.jpg" alt="linked"></a> <a href="${up}/report.pdf">PDF</a></p>
<p><img src="${up}/..%2F..%2F..%2F..%2F..%2Fescape.jpg" alt="a way out"></p>
<p><img src="${up}/wide-300x200.jpg" srcset="${up}/wide-300x200.jpg 300w, ${up}/wide-1200x800.jpg 1200w, ${up}/wide-768x512.jpg 768w" sizes="(max-width: 300px) 100vw, 300px" alt="넓은 사진"></p>`),
    )
    const { ok, text } = await download(join(out, 'export.xml'), {
      hosts: ['news.example.kr'],
      // Far above what the other answers take on a busy machine, far below slow.jpg's 30 s.
      timeoutMs: 2_000,
      maxBytes: 1024 * 1024,
    })
    expect(ok).toBe(true) // the post is imported; the images are reported
    const post = await read('ko/media-test.html')
    // Failed and excluded images keep their URL, as written.
    for (const kept of [
      `src="${up}/missing.jpg"`,
      `src="${up}/slow.jpg"`,
      `src="${up}/not-an-image.jpg"`,
      `src="${up}/huge.jpg"`,
      'src="https://cdn.other.example/elsewhere.jpg"',
      'src="data:image/gif;base64,R0lGODlhAQABAAAAACw="',
    ])
      expect(post).toContain(kept)
    expect(post).toContain(
      '<img src="../media/news.example.kr/wp-content/uploads/2024/07/wide-1200x800.jpg" alt="넓은 사진">',
    )
    expect(server.requested).not.toContain('/wp-content/uploads/2024/07/wide-300x200.jpg')
    // A link to the full-size file comes along too (so it works once the old host is gone); a link
    // to anything else stays a link.
    expect(post).toContain(
      `<a href="../media/news.example.kr/wp-content/uploads/2024/07/linked-2000x1000.jpg" class="full"><img src="../media/news.example.kr/wp-content/uploads/2024/07/linked-300x150.jpg" alt="linked"></a> <a href="${up}/report.pdf">PDF</a>`,
    )
    expect(server.requested).not.toContain('/wp-content/uploads/2024/07/report.pdf')
    // A redirect is followed; the file keeps the name the article wrote.
    expect(post).toContain(
      '<img src="../media/news.example.kr/wp-content/uploads/2024/07/moved.jpg" alt="moved">',
    )
    const moved = await readFile(
      join(out, 'media/news.example.kr/wp-content/uploads/2024/07/moved.jpg'),
    )
    expect(imageSize(moved)).toMatchObject({ width: 640, height: 480 })
    expect(text).toContain('media: 4 image(s) fetched')
    expect(text).toContain('5 failed, 2 left remote')
    // A name that decodes to a way out of media/ is refused before any request.
    expect(text).toContain(
      `✗ ${up}/..%2F..%2F..%2F..%2F..%2Fescape.jpg: a path this machine cannot safely store`,
    )
    expect(server.requested.filter((path) => path.includes('escape'))).toEqual([])
    expect(await readdir(out)).not.toContain('escape.jpg')
    expect(text).toContain(`✗ ${up}/missing.jpg: HTTP 404`)
    expect(text).toContain(`✗ ${up}/slow.jpg: timeout: no complete answer within 2 s`)
    expect(text).toContain(`✗ ${up}/not-an-image.jpg: not an image (image/jpeg,`)
    expect(text).toContain(`✗ ${up}/huge.jpg: too large: more than the limit of 1048576 bytes`)
    expect(text).toContain('still linked by URL in ko/media-test.html')
    expect(text).toContain(
      '· https://cdn.other.example/elsewhere.jpg: left remote, host not in --media-hosts (ko/media-test.html)',
    )
    expect(text).toContain('· data:image/gif;base64,R0lGODlhAQABAAAAACw=: left remote, a data: URL')
    // Nothing half-written stays behind.
    expect(
      (await readdir(join(out, 'media/news.example.kr/wp-content/uploads/2024/07'))).sort(),
    ).toEqual(['linked-2000x1000.jpg', 'linked-300x150.jpg', 'moved.jpg', 'wide-1200x800.jpg'])
  })

  it("WordPress's theme test data: every image it shows comes along, and the pipeline accepts it all", async () => {
    const { ok, text } = await download(`${SHARED}/themeunittestdata.wordpress.xml`, {
      originMap: origins('wpthemetestdata.files.wordpress.com'),
      hosts: ['wpthemetestdata.files.wordpress.com'],
      concurrency: 8,
    })
    expect(ok).toBe(true)
    expect(text).toContain('✓ every item accounted for (186 of 186)')
    const fetched = Number(/media: (\d+) image\(s\) fetched/.exec(text)?.[1])
    expect(fetched).toBeGreaterThan(20)
    expect(text).toContain(`${fetched} image(s) fetched`)
    expect(text).toMatch(/0 failed, \d+ left remote/)
    // Each URL once, however many posts show it.
    expect(new Set(server.requested).size).toBe(server.requested.length)
    expect(server.requested).toHaveLength(fetched)
    // At most 8 at a time, and more than one: the run does not wait for each image in turn.
    expect(server.load.most).toBeLessThanOrEqual(8)
    expect(server.load.most).toBeGreaterThan(1)
    for (const name of await readdir(join(out, 'en')))
      expect(await read(`en/${name}`)).not.toMatch(/<img[^>]*src="https?:\/\/wpthemetestdata/)
    const checked = await checkContent(out, await readSiteConfig())
    expect(checked.errors).toEqual([])
  }, 60_000)
})

describe('content:push --media download', () => {
  const ws = useWorkspace('media-push-')
  const ARTICLE = `---
title: Pictures from elsewhere
date: 2024-06-01 09:00:00 +0900
image:
  url: "https://images.example.com/news/cover.jpg" # the cover, from the agency
  alt: A harbour at dawn
---
Text ![A lake at noon](https://images.example.com/news/lake.jpg "The lake") and an example,
\`![inline](https://images.example.com/news/inline-code.jpg)\`.

\`\`\`md
![fenced](https://images.example.com/news/fenced.jpg)
\`\`\`

<img src="https://images.example.com/news/wide-300x200.jpg" srcset="https://images.example.com/news/wide-300x200.jpg 300w, https://images.example.com/news/wide-1200x800.jpg 1200w" sizes="100vw" alt="Wide">

![Gone](https://images.example.com/news/missing.jpg)
`

  it('fetches the remote images, rewrites the file in place, then pushes the new text', async () => {
    const file = join(ws.content, 'en/pictures.md')
    await writeFile(file, ARTICLE)
    const lines: string[] = []
    const result = await push({
      dir: ws.content,
      remote: false,
      persistTo: ws.state,
      ...quiet,
      log: (line) => lines.push(line),
      media: { originMap: origins('images.example.com'), hosts: ['images.example.com'] },
    })
    const rewritten = await readFile(file, 'utf8')
    expect(rewritten).toBe(
      ARTICLE.replace(
        '"https://images.example.com/news/cover.jpg"',
        '"../media/images.example.com/news/cover.jpg"',
      )
        .replace(
          '(https://images.example.com/news/lake.jpg',
          '(../media/images.example.com/news/lake.jpg',
        )
        .replace(
          /<img src="[^"]*" srcset="[^"]*" sizes="100vw"/,
          '<img src="../media/images.example.com/news/wide-1200x800.jpg"',
        ),
    )
    expect(server.requested).not.toContain('/news/fenced.jpg')
    expect(server.requested).not.toContain('/news/inline-code.jpg')
    expect(
      imageSize(
        await readFile(join(ws.content, 'media/images.example.com/news/wide-1200x800.jpg')),
      ),
    ).toMatchObject({ width: 1200, height: 800 })
    const report = lines.join('\n')
    expect(report).toContain(
      '✎ en/pictures.md: 3 image reference(s) now point into media/ (file rewritten)',
    )
    expect(report).toMatch(
      /✗ https:\/\/images\.example\.com\/news\/missing\.jpg: HTTP 404 from http:\/\/127\.0\.0\.1:\d+\/news\/missing\.jpg; still linked by URL in en\/pictures\.md/,
    )
    // The sample content's other host is left alone, by --media-hosts.
    expect(report).toContain(
      '· https://newsdao.kr/res/images/meta/newsdao_breakingnews.jpg: left remote, host not in --media-hosts',
    )
    // The sample's one-line image in single quotes, and its self-closing <img>, keep their style.
    const kimchi = await readFile(join(ws.content, 'ko/kimchi-recipe.html'), 'utf8')
    expect(kimchi).toBe(
      (await readFile('content/ko/kimchi-recipe.html', 'utf8')).replaceAll(
        'https://images.example.com/blog/food/kimchi-napa-cabbage.jpg',
        '../media/images.example.com/blog/food/kimchi-napa-cabbage.jpg',
      ),
    )
    expect(kimchi).toContain(
      "image: '../media/images.example.com/blog/food/kimchi-napa-cabbage.jpg'",
    )
    expect(result.added).toContain('en/pictures')
  }, 60_000)

  it('refuses --media download with --dry-run, changing nothing', async () => {
    const file = join(ws.content, 'en/pictures.md')
    await writeFile(file, ARTICLE)
    await expect(
      push({
        dir: ws.content,
        remote: false,
        persistTo: ws.state,
        dryRun: true,
        ...quiet,
        media: { originMap: origins('images.example.com') },
      }),
    ).rejects.toBeInstanceOf(PushError)
    expect(await readFile(file, 'utf8')).toBe(ARTICLE)
    expect(server.requested).toEqual([])
  })
})

describe('the commands as typed', () => {
  it('import:wordpress --media download --media-origin: the options reach the import', async () => {
    const out = await mkdtemp(join(tmpdir(), 'media-cli-'))
    try {
      const run = await npmRun([
        'import:wordpress',
        '--',
        KOREAN,
        '--out',
        out,
        '--media',
        'download',
        '--media-origin',
        `news.example.kr=${server.origin}`,
        '--media-hosts',
        'news.example.kr',
      ])
      expect(run.stderr).toBe('')
      expect(run.status).toBe(0)
      expect(run.stdout).toContain('media: 2 image(s) fetched')
      expect(await readdir(join(out, UPLOADS))).toEqual(['putin-kim.jpg', '평양-거리.jpg'])
    } finally {
      await rm(out, { recursive: true, force: true })
    }
  }, 60_000)

  it('refuses a --media value it does not know, and --media-… options without download', async () => {
    const run = (...args: string[]) => npmRun(['content:push', '--', ...args])
    const [bad, orphan] = await Promise.all([
      run('--media', 'fetch'),
      run('--media-hosts', 'a.example'),
    ])
    expect(bad.status).toBe(2)
    expect(bad.stderr).toContain('--media fetch: expected keep or download')
    expect(orphan.status).toBe(2)
    expect(orphan.stderr).toContain('--media-hosts needs --media download')
  }, 60_000)
})

/** A one-post export around `body`, on news.example.kr. */
function wxr(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>뉴스다오</title><link>https://news.example.kr</link><language>ko-KR</language>
<wp:wxr_version>1.2</wp:wxr_version><wp:base_blog_url>https://news.example.kr</wp:base_blog_url>
<item>
<title><![CDATA[미디어 시험]]></title>
<link>https://news.example.kr/2024/07/01/media-test/</link>
<content:encoded><![CDATA[${body}]]></content:encoded>
<wp:post_id>301</wp:post_id>
<wp:post_date><![CDATA[2024-07-01 09:00:00]]></wp:post_date>
<wp:post_date_gmt><![CDATA[2024-07-01 00:00:00]]></wp:post_date_gmt>
<wp:post_name><![CDATA[media-test]]></wp:post_name>
<wp:status><![CDATA[publish]]></wp:status>
<wp:post_type><![CDATA[post]]></wp:post_type>
</item>
</channel>
</rss>
`
}
