/**
 * Exports the importer has not seen: WXR 1.0 without CDATA, other namespace prefixes, a byte order
 * mark, missing fields, a custom post type. Each still imports, and every item is accounted for.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runImport } from '../../../scripts/import-wordpress'
import { unserialize } from '../../../scripts/lib/wordpress/php'

let dir = ''
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wxr-'))
})
afterEach(() => rm(dir, { recursive: true, force: true }))

// WXR 1.0: no CDATA (content entity-escaped), `wordpress:` as the prefix, no excerpt namespace.
const OLD = `\uFEFF<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wordpress="http://wordpress.org/export/1.0/">
<channel>
<title>Old &amp; Gold</title>
<link>http://old.example.com</link>
<language>en-US</language>
<wordpress:wxr_version>1.0</wordpress:wxr_version>
<item>
<title>Tom &amp;amp; Jerry&#8217;s &#8220;day&#8221;</title>
<link>http://old.example.com/2008/01/02/tom-and-jerry/</link>
<dc:creator>admin</dc:creator>
<content:encoded>&lt;p&gt;Hello]]&gt; world&lt;/p&gt;

See &lt;a href="http://old.example.com/?p=2"&gt;the other one&lt;/a&gt;.</content:encoded>
<wordpress:post_id>1</wordpress:post_id>
<wordpress:post_date>2008-01-02 03:04:05</wordpress:post_date>
<wordpress:post_name>tom-and-jerry</wordpress:post_name>
<wordpress:status>publish</wordpress:status>
<wordpress:post_type>post</wordpress:post_type>
<category><![CDATA[Cartoons]]></category>
<category domain="tag" nicename="cats">Cats</category>
</item>
<item>
<title></title>
<wordpress:post_id>2</wordpress:post_id>
<content:encoded><![CDATA[No title, no name, no date, no status: a post all the same. Split ]]]]><![CDATA[> CDATA.]]></content:encoded>
</item>
<item>
<title>A product</title>
<wordpress:post_id>3</wordpress:post_id>
<wordpress:post_type>product</wordpress:post_type>
</item>
<item>
<title>Nothing to name it by</title>
</item>
</channel>
</rss>
`

describe('exports the importer has not seen', () => {
  it('reads WXR 1.0 with other prefixes, no CDATA, a BOM and missing fields', async () => {
    const file = join(dir, 'old.xml')
    await writeFile(file, OLD)
    const { ok, text } = await runImport({ file, out: join(dir, 'out'), log: () => {} })
    expect(text).toContain('4 item(s) in the export, 2 file(s) written to')
    expect(text).toContain('product 3 "A product": custom post type "product" is not imported')
    expect(text).toContain('post ? "Nothing to name it by": no wp:post_id')
    expect(text).toContain('✓ every item accounted for (4 of 4)')
    expect(ok).toBe(true)
    expect((await readdir(join(dir, 'out', 'en'))).sort()).toEqual([
      'post-2.html',
      'tom-and-jerry.html',
    ])
    const first = await readFile(join(dir, 'out', 'en', 'tom-and-jerry.html'), 'utf8')
    expect(first).toContain('title: Tom & Jerry’s “day”\n')
    expect(first).toContain('categories:\n  - Cartoons\n')
    expect(first).toContain('tags:\n  - Cats\n') // WXR 1.0's domain="tag"
    expect(first).toContain('<p>Hello]]> world</p>')
    expect(first).toContain('<a href="/en/post-2">the other one</a>')
    expect(first).toContain('redirect_from:\n  - /2008/01/02/tom-and-jerry/\n  - /?p=1\n')
    const second = await readFile(join(dir, 'out', 'en', 'post-2.html'), 'utf8')
    expect(second).toContain('title: post-2\n')
    expect(second).toContain('Split ]]> CDATA.')
  })

  it('fails clearly on a file that is not there', async () => {
    await expect(
      runImport({ file: join(dir, 'missing.xml'), out: join(dir, 'out'), log: () => {} }),
    ).rejects.toThrow(/ENOENT/)
  })
})

describe("PHP's serialize format of attachment metadata", () => {
  it('counts string lengths in UTF-8 bytes, so Hangul file names read right', () => {
    const name = '평양-거리.jpg'
    const text = `a:2:{s:5:"width";i:1200;s:4:"file";s:${Buffer.byteLength(name)}:"${name}";}`
    expect(unserialize(text)).toEqual({ width: 1200, file: name })
    expect(unserialize('a:1:{s:5:"width";i:')).toBeUndefined()
  })
})
