/**
 * `content:push --media download`: the article files under a content folder whose images are remote
 * get them fetched into `<folder>/media/` and are rewritten in place to point at them. A file is
 * replaced whole (written beside it, then renamed) and only if nobody changed it meanwhile; a
 * reference whose fetch failed stays as written, so no run loses anything.
 */
import { readFile } from 'node:fs/promises'
import { relative, sep } from 'node:path'
import { formatOf } from '../../../src/parse/body'
import { walk } from '../content'
import { MediaFetcher, writeAtomically, type MediaOptions } from './fetch'
import { localizeArticle } from './rewrite'

/** Files read at once: an archive of thirty thousand articles is not held in memory. */
const BATCH = 64

export async function bringMedia(
  dir: string,
  options: Omit<MediaOptions, 'contentDir'>,
  log: (line: string) => void,
): Promise<{ fetcher: MediaFetcher; rewritten: string[] }> {
  const fetcher = new MediaFetcher({ ...options, contentDir: dir })
  const rewritten: string[] = []
  const files = (await walk(dir)).filter((file) => {
    const path = relative(dir, file).split(sep).join('/')
    return formatOf(path) && !path.startsWith('media/')
  })
  for (let i = 0; i < files.length; i += BATCH)
    await Promise.all(
      files.slice(i, i + BATCH).map(async (file) => {
        const path = relative(dir, file).split(sep).join('/')
        const text = await readFile(file, 'utf8')
        const localized = await localizeArticle(text, {
          file,
          where: path,
          format: formatOf(path)!,
          fetcher,
        })
        if (localized.text === text) return
        // Edited while the images came (an editor saving): the newer text wins, untouched.
        if ((await readFile(file, 'utf8')) !== text) {
          log(`  ⚠ ${path} changed while its images were fetched; not rewritten (run again)`)
          return
        }
        await writeAtomically(file, localized.text)
        rewritten.push(path)
        log(
          `  ✎ ${path}: ${localized.local} image reference(s) now point into media/ (file rewritten)`,
        )
      }),
    )
  return { fetcher, rewritten: rewritten.sort() }
}
