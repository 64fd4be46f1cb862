/**
 * Pictures pushed with the site (scripts/lib/media.ts, docs/images.md): content:push uploads the
 * files an article uses to R2 under their content hash (worked out here from the file), derives the
 * article with those addresses, republishes it when only its picture changed, and refuses an
 * article whose picture is missing, naming both.
 */
import { createHash } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import sharp from 'sharp'
import { getPlatformProxy } from 'wrangler'
import { describe, expect, it } from 'vitest'
import { imagesBindingWarnings } from '../../scripts/content-check'
import { push, PushError } from '../../scripts/content-push'
import { readSiteConfig } from '../../scripts/lib/config'
import { checkContent } from '../../scripts/lib/content'
import { quiet, useWorkspace } from './helpers/workspace'

const ws = useWorkspace('media-push-')
const PICTURE = 'media/seoul/heat-island.jpg'
const KEY = 'en/seoul-heat-island'

const hashOf = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex').slice(0, 16)

/** What local storage holds: the hosted pictures' keys and types, and the article's derived copy. */
async function stored() {
  const proxy = await getPlatformProxy<Env>({
    configPath: 'wrangler.toml',
    persist: { path: ws.state },
    envFiles: [],
  })
  try {
    const listed = await proxy.env.ARTICLES_R2.list({
      prefix: '_/media/',
      include: ['httpMetadata'],
    })
    return {
      media: listed.objects.map((o) => ({ key: o.key, type: o.httpMetadata?.contentType })),
      derived: (await proxy.env.ARTICLES_KV.get(`_/derived/${KEY}`)) ?? '',
    }
  } finally {
    await proxy.dispose()
  }
}

describe('content:push with pictures', () => {
  it('uploads a picture by its content hash; a replaced picture gives the article a new address', async () => {
    const file = join(ws.content, PICTURE)
    const before = hashOf(await readFile(file))
    await push({ dir: ws.content, remote: false, persistTo: ws.state, ...quiet })
    const first = await stored()
    expect(first.media).toEqual([{ key: `_/media/${before}/heat-island.jpg`, type: 'image/jpeg' }])
    expect(first.derived).toContain(`/media/${before}/heat-island.jpg`)

    // The same name, other bytes: only the picture changed.
    await writeFile(file, await sharp(file).flop().jpeg({ quality: 70 }).toBuffer())
    const after = hashOf(await readFile(file))
    const second = await push({ dir: ws.content, remote: false, persistTo: ws.state, ...quiet })
    expect(second.changed).toEqual([KEY])
    const later = await stored()
    expect(later.media.map((m) => m.key)).toContain(`_/media/${after}/heat-island.jpg`)
    expect(later.derived).toContain(`/media/${after}/heat-island.jpg`)
    expect(later.derived).not.toContain(before)

    // Nothing changed: nothing is pushed.
    const third = await push({ dir: ws.content, remote: false, persistTo: ws.state, ...quiet })
    expect(third.changed).toEqual([])
  }, 60_000)

  it('refuses an article whose picture is not in the folder, naming the file and the path', async () => {
    await writeFile(
      join(ws.content, 'en/missing-picture.md'),
      '---\ntitle: Missing\nimage:\n  url: ../media/nope.jpg\n  alt: Nothing\n---\nText.\n',
    )
    const attempt = push({ dir: ws.content, remote: false, persistTo: ws.state, ...quiet })
    await expect(attempt).rejects.toThrow(PushError)
    await expect(attempt).rejects.toThrow(/en\/missing-picture\.md.*media\/nope\.jpg is not in/)
  })
})

describe('content:check and the Images binding', () => {
  it('warns before a deploy whose wrangler.toml lost [images], when an article hosts a picture', async () => {
    const config = await readSiteConfig()
    const { files } = await checkContent(ws.content, config)
    expect(await imagesBindingWarnings(files)).toEqual([])
    const without = join(ws.work, 'wrangler.toml')
    await writeFile(
      without,
      (await readFile('wrangler.toml', 'utf8')).replace(/\[images\]\nbinding = "IMAGES"\n/, ''),
    )
    const [warning] = await imagesBindingWarnings(files, without)
    expect(warning).toMatch(/no \[images\] binding.*1 article\(s\) would be served at full size/)
  })
})
