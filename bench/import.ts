/**
 * `npm run bench -- import [posts]`: import:wordpress on a generated export of 100,000 posts (by
 * default) to a temporary folder, end to end (both streaming passes, conversion, writing every file),
 * and again with every file already in place (the idempotent re-run). Goal: ≥ 1,000 posts/s.
 * The export mixes Gutenberg and classic posts with captions, galleries, resized images, internal
 * links, Hangul slugs and terms, and 10 % attachments.
 */
import { createWriteStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import { once } from 'node:events'
import { importWordPress } from '../scripts/lib/wordpress/importer'
import { withTempDir } from './temp'

const UPLOADS = 'https://news.example.kr/wp-content/uploads/2024/06/'

function attachmentItem(id: number): string {
  const file = `photo-${id}.jpg`
  const meta = `a:3:{s:5:"width";i:1600;s:6:"height";i:900;s:5:"sizes";a:1:{s:5:"large";a:3:{s:4:"file";s:${`photo-${id}-1024x576.jpg`.length}:"photo-${id}-1024x576.jpg";s:5:"width";i:1024;s:6:"height";i:576;}}}`
  return `<item><title>사진 ${id}</title><link>https://news.example.kr/?attachment_id=${id}</link><dc:creator><![CDATA[reporter${id % 20}]]></dc:creator><guid isPermaLink="false">${UPLOADS}${file}</guid><content:encoded><![CDATA[]]></content:encoded><excerpt:encoded><![CDATA[사진 설명 ${id}]]></excerpt:encoded><wp:post_id>${id}</wp:post_id><wp:post_date><![CDATA[2024-06-19 10:30:00]]></wp:post_date><wp:post_date_gmt><![CDATA[2024-06-19 01:30:00]]></wp:post_date_gmt><wp:post_name><![CDATA[photo-${id}]]></wp:post_name><wp:status><![CDATA[inherit]]></wp:status><wp:post_parent>0</wp:post_parent><wp:menu_order>0</wp:menu_order><wp:post_type><![CDATA[attachment]]></wp:post_type><wp:attachment_url><![CDATA[${UPLOADS}${file}]]></wp:attachment_url><wp:postmeta><wp:meta_key><![CDATA[_wp_attachment_metadata]]></wp:meta_key><wp:meta_value><![CDATA[${meta}]]></wp:meta_value></wp:postmeta><wp:postmeta><wp:meta_key><![CDATA[_wp_attachment_image_alt]]></wp:meta_key><wp:meta_value><![CDATA[대체 텍스트 ${id}]]></wp:meta_value></wp:postmeta></item>\n`
}

const PARAGRAPH =
  '김정은 국무위원장과 블라디미르 푸틴 대통령이 19일 평양에서 “포괄적 전략 동반자 관계” 협정에 서명했다. 두 나라 중 한 나라가 침략을 받으면 지체 없이 군사 원조를 제공한다.'

function postItem(n: number, attachments: number): string {
  const id = attachments + n
  const photo = 1 + (n % attachments)
  const slug = encodeURIComponent(`기사-${n}`).toLowerCase()
  const day = String(1 + (n % 28)).padStart(2, '0')
  const previous = encodeURIComponent(`기사-${Math.max(1, n - 1)}`).toLowerCase()
  const body =
    n % 2
      ? `<!-- wp:paragraph -->\n<p>${PARAGRAPH}</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:image {"id":${photo}} -->\n<figure class="wp-block-image"><img src="${UPLOADS}photo-${photo}-1024x576.jpg" alt="" class="wp-image-${photo}"/></figure>\n<!-- /wp:image -->\n\n<!-- wp:heading -->\n<h2>소제목 ${n}</h2>\n<!-- /wp:heading -->\n\n<!-- wp:paragraph -->\n<p>${PARAGRAPH} <a href="https://news.example.kr/2024/06/${day}/${previous}/">이전 기사</a></p>\n<!-- /wp:paragraph -->\n\n<!-- wp:more -->\n<!--more-->\n<!-- /wp:more -->\n\n<!-- wp:paragraph -->\n<p>${PARAGRAPH}</p>\n<!-- /wp:paragraph -->`
      : `${PARAGRAPH}\n${PARAGRAPH}\n\n[caption id="attachment_${photo}" width="1024"]<img class="wp-image-${photo}" src="${UPLOADS}photo-${photo}-1024x576.jpg" alt="" /> 사진 설명[/caption]\n\n<h3>소제목</h3>\n${PARAGRAPH} <a href="/?p=${id - 1}">이전 기사</a>\n\n[gallery ids="${photo},${1 + ((photo + 1) % attachments)}"]\n\n${PARAGRAPH}`
  return `<item><title><![CDATA[기사 ${n}: 북러 &#8220;협정&#8221;]]></title><link>https://news.example.kr/2024/06/${day}/${slug}/</link><dc:creator><![CDATA[reporter${n % 20}]]></dc:creator><guid isPermaLink="false">https://news.example.kr/?p=${id}</guid><content:encoded><![CDATA[${body}]]></content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded><wp:post_id>${id}</wp:post_id><wp:post_date><![CDATA[2024-06-${day} 10:30:00]]></wp:post_date><wp:post_date_gmt><![CDATA[2024-06-${day} 01:30:00]]></wp:post_date_gmt><wp:post_modified><![CDATA[2024-06-${day} 12:00:00]]></wp:post_modified><wp:post_modified_gmt><![CDATA[2024-06-${day} 03:00:00]]></wp:post_modified_gmt><wp:post_name><![CDATA[${slug}]]></wp:post_name><wp:status><![CDATA[${n % 50 ? 'publish' : 'draft'}]]></wp:status><wp:post_parent>0</wp:post_parent><wp:menu_order>0</wp:menu_order><wp:post_type><![CDATA[post]]></wp:post_type><wp:post_password><![CDATA[]]></wp:post_password><category domain="category" nicename="%ea%b5%ad%ec%a0%9c"><![CDATA[국제]]></category><category domain="post_tag" nicename="tag-${n % 300}"><![CDATA[태그${n % 300}]]></category><wp:postmeta><wp:meta_key><![CDATA[_thumbnail_id]]></wp:meta_key><wp:meta_value><![CDATA[${photo}]]></wp:meta_value></wp:postmeta><wp:postmeta><wp:meta_key><![CDATA[_yoast_wpseo_metadesc]]></wp:meta_key><wp:meta_value><![CDATA[기사 ${n}의 요약]]></wp:meta_value></wp:postmeta><wp:comment><wp:comment_id>${n}</wp:comment_id><wp:comment_content><![CDATA[댓글]]></wp:comment_content><wp:comment_approved>1</wp:comment_approved></wp:comment></item>\n`
}

/** Writes the export to `file`, streaming, and returns its size in bytes. */
export async function generateExport(file: string, posts: number): Promise<number> {
  const attachments = Math.max(1, Math.round(posts / 10))
  const out = createWriteStream(file)
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain')
  }
  await write(
    `<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">\n<channel><title>뉴스다오</title><link>https://news.example.kr</link><language>ko-KR</language><wp:wxr_version>1.2</wp:wxr_version><wp:base_blog_url>https://news.example.kr</wp:base_blog_url>\n`,
  )
  for (let i = 0; i < 20; i++)
    await write(
      `<wp:author><wp:author_login><![CDATA[reporter${i}]]></wp:author_login><wp:author_display_name><![CDATA[기자${i}]]></wp:author_display_name></wp:author>\n`,
    )
  for (let id = 1; id <= attachments; id++) await write(attachmentItem(id))
  for (let n = 1; n <= posts; n++) await write(postItem(n, attachments))
  await write('</channel>\n</rss>\n')
  out.end()
  await once(out, 'finish')
  return (await stat(file)).size
}

export interface ImportBench {
  posts: number
  exportMb: number
  firstMs: number
  firstPostsPerSecond: number
  /** Posts per second of this process's CPU time (user + system): what the machine's load does not change. */
  firstPostsPerCpuSecond: number
  rerunMs: number
  rerunPostsPerSecond: number
  heapMb: number
  /**
   * Heap after a full garbage collection at the end, less the heap before the import (both exact
   * with `node --expose-gc --import tsx bench/run.ts import`; without it, garbage is counted too).
   */
  retainedMb: number
}

export async function benchImport(posts = 100_000): Promise<ImportBench> {
  return withTempDir('bench-import-', async (dir) => {
    const file = join(dir, 'export.xml')
    const bytes = await generateExport(file, posts)
    const options = {
      file,
      out: join(dir, 'content'),
      timeZone: 'Asia/Seoul',
      imageHosts: ['https://news.example.kr'],
      siteOrigin: 'https://example.com',
      defaultLang: 'ko',
    }
    const gc = (globalThis as { gc?: () => void }).gc
    gc?.()
    // What the process held before (bench/run.ts loads every bench's modules: fonts, wasm).
    const baseline = process.memoryUsage().heapUsed
    let heap = 0
    const probe = setInterval(() => (heap = Math.max(heap, process.memoryUsage().heapUsed)), 50)
    const t0 = performance.now()
    const cpu0 = process.cpuUsage()
    const first = await importWordPress(options)
    const firstMs = performance.now() - t0
    const cpu = process.cpuUsage(cpu0)
    const firstCpuMs = (cpu.user + cpu.system) / 1000
    const t1 = performance.now()
    await importWordPress(options)
    const rerunMs = performance.now() - t1
    clearInterval(probe)
    // What the import keeps (the site model, the report), as opposed to garbage not yet collected.
    gc?.()
    const retainedMb = (process.memoryUsage().heapUsed - baseline) / 1e6
    if (!first.report.balanced || first.report.files !== posts)
      throw new Error(
        `the import did not account for every item:\n${first.report.format({ imageHosts: [], out: '' })}`,
      )
    return {
      posts,
      exportMb: bytes / 1e6,
      firstMs,
      firstPostsPerSecond: posts / (firstMs / 1000),
      firstPostsPerCpuSecond: posts / (firstCpuMs / 1000),
      rerunMs,
      rerunPostsPerSecond: posts / (rerunMs / 1000),
      heapMb: (heap - baseline) / 1e6,
      retainedMb,
    }
  })
}
