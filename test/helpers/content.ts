import { buildIndexes, indexEntry } from '../../src/listing/build'
import { writeIndex } from '../../src/listing/read'
import { buildArticle, PLACEHOLDER_ORIGIN } from '../../src/pipeline'
import { internalStore } from '../../src/source/internal'
import { kvDriver } from '../../src/source/kv'
import type { IndexEntry } from '../../src/schema/listing'

// Every file in content/, as the publisher wrote it (Vite reads them at test build time).
const files = import.meta.glob('../../content/**/*.{md,html}', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>

export interface ContentFixture {
  /** `ko/2024-06-20-seoul-heatwave.md` */
  path: string
  /** `ko/seoul-heatwave` */
  key: string
  text: string
}

export const CONTENT: ContentFixture[] = Object.entries(files).map(([file, text]) => {
  const path = file.replace('../../content/', '')
  const key = path.replace(/\.[^.]+$/, '').replace(/\/\d{4}-\d{2}-\d{2}-/, '/')
  return { path, key, text }
})

/** Puts a source into KV the way content:push does, with its metadata. */
export async function putKv(
  kv: KVNamespace,
  key: string,
  text: string,
  fileName = `${key}.html`,
  uploaded = '2024-06-19T05:00:00.000Z',
) {
  await kv.put(key, text, {
    metadata: {
      fileName: encodeURI(fileName),
      format: fileName.endsWith('.md') ? 'md' : 'html',
      uploaded,
      firstUploaded: uploaded,
    },
  })
}

/** Puts articles into KV and writes the language indexes from them, with the code content:push uses. */
export async function putSiteWithIndexes(
  kv: KVNamespace,
  files: ContentFixture[] = CONTENT,
  languages = ['ko', 'en', 'ja'],
) {
  const SITE = PLACEHOLDER_ORIGIN
  const uploaded = '2024-06-19T05:00:00.000Z'
  const entries = new Map<string, IndexEntry>()
  for (const file of files) {
    await putKv(kv, file.key, file.text, file.path, uploaded)
    const bytes = new TextEncoder().encode(file.text).buffer as ArrayBuffer
    const source = {
      key: file.key,
      bytes,
      etag: 'test',
      store: 'kv' as const,
      fileName: file.path,
      uploaded: new Date(uploaded),
      firstUploaded: new Date(uploaded),
    }
    const article = buildArticle(source, { baseUrl: SITE, timeZone: 'Asia/Seoul' })
    if (article.published) entries.set(file.key, indexEntry(article, SITE))
  }
  for (const index of buildIndexes(entries, languages))
    await writeIndex(internalStore(kvDriver(kv)), index)
}
