import { env } from 'cloudflare:workers'
import { buildOrigin } from '../../src/articles/derived'
import { siteConfig } from '../../src/config'
import { indexDb } from '../../src/listing/db'
import { slugFromFileName } from '../../src/parse/date'
import { writeArticles } from '../../src/publish/write'
import { parseProfile } from '../../src/authors/parse'
import { storeProfile } from '../../src/authors/publish'
import { internalStore } from '../../src/source/internal'
import { kvDriver } from '../../src/source/kv'
import { sourceStore } from '../../src/source/store'

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
  const key = `${path.slice(0, path.indexOf('/'))}/${slugFromFileName(path)}`
  return { path, key, text }
})

// The sample author profiles (content/authors/<id>.yml).
const profileFiles = import.meta.glob('../../content/authors/*.yml', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>

/** Stores content/authors' profiles through the write path content:push and the API use. */
export async function putProfiles() {
  const config = siteConfig(env)
  const target = {
    internal: internalStore(kvDriver(env.ARTICLES_KV), undefined, env.DERIVED_KEY),
    db: indexDb(env),
    languages: config.languages,
  }
  for (const [file, text] of Object.entries(profileFiles))
    await storeProfile(
      target,
      parseProfile(text, file.replace('../../content/', '')),
      new TextEncoder().encode(text),
    )
}

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

/**
 * Publishes files the way content:push and the publishing API do, with the same writer: the derived
 * article, the source in KV with its metadata, and the index row. (No cache purge: as if the purge
 * had not reached this data centre.)
 */
export async function putSiteWithIndexes(
  kv: KVNamespace,
  files: ContentFixture[] = CONTENT,
  uploaded = '2024-06-19T05:00:00.000Z',
) {
  const config = siteConfig(env)
  const driver = kvDriver(kv)
  const target = {
    stores: [
      {
        store: sourceStore(driver, { maxBytes: config.maxSourceBytes }),
        internal: internalStore(driver, undefined, env.DERIVED_KEY),
      },
    ],
    db: indexDb(env),
    origin: buildOrigin(config),
  }
  await writeArticles({
    target,
    config,
    now: new Date(uploaded),
    // Uploaded in the past, published as of today: an article dated after its upload is not held back.
    clock: new Date(),
    changes: files.map((file) => ({
      kind: 'publish' as const,
      key: file.key,
      bytes: new TextEncoder().encode(file.text),
      fileName: file.path,
    })),
  })
}

/** One source published through the writer, by key and text. */
export const publishSource = (
  key: string,
  text: string,
  fileName = `${key}.html`,
  uploaded?: string,
) => putSiteWithIndexes(env.ARTICLES_KV, [{ key, path: fileName, text }], uploaded)
