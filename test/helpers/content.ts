// Every file in content/, as the publisher wrote it (Vite reads them at test build time).
const files = import.meta.glob('../../content/**/*.{md,html}', { query: '?raw', import: 'default', eager: true }) as Record<string, string>

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
export async function putKv(kv: KVNamespace, key: string, text: string, fileName = `${key}.html`, uploaded = '2024-06-19T05:00:00.000Z') {
  await kv.put(key, text, { metadata: { fileName: encodeURI(fileName), format: fileName.endsWith('.md') ? 'md' : 'html', uploaded, firstUploaded: uploaded } })
}
