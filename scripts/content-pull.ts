/**
 * npm run content:pull [-- <folder>] [--remote] [--store kv|r2] [--force]
 *
 * Writes what storage holds back into files, byte for byte, under the file names content:push
 * recorded (and author profiles as content/authors/<id>.yml), so an article created through the publishing API or by hand is never lost to a later
 * push. A local file that differs from storage is left alone (and reported) unless --force.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { readManifest } from '../src/media/manifest'
import { mediaKey } from '../src/media/urls'
import { splitArticleKey } from '../src/source/keys'
import { dirname, join, resolve, sep } from 'node:path'
import { commandLine, storeOption } from './lib/args'
import { readSiteConfig } from './lib/config'
import { isMain } from './lib/is-main'
import { CredentialsMissing } from './lib/wrangler'
import { openStorage } from './lib/storage'
import { profileFile, profileName } from '../src/authors/store'
import { AUTHOR_ID } from '../src/schema/article'

export interface PullResult {
  written: string[]
  unchanged: string[]
  /** Local file differs from storage; kept (use force to overwrite). */
  conflicts: string[]
}

export async function pull(options: {
  dir: string
  remote: boolean
  store?: 'kv' | 'r2'
  persistTo?: string
  force?: boolean
  log?: (line: string) => void
}): Promise<PullResult> {
  const log = options.log ?? console.log
  const config = await readSiteConfig()
  const storage = await openStorage(options.store ?? config.sources[0]!, config, {
    remote: options.remote,
    persistTo: options.persistTo,
  })
  const result: PullResult = { written: [], unchanged: [], conflicts: [] }
  try {
    /** Writes one file back under the content folder, as the rules above say. */
    const restore = async (name: string, key: string, read: () => Promise<Uint8Array | null>) => {
      const path = resolve(options.dir, name)
      // A file name from storage never writes outside the content folder.
      if (!path.startsWith(resolve(options.dir) + sep)) {
        log(`  ✗ /${key}: refusing file name ${name}`)
        return
      }
      const bytes = await read()
      if (!bytes) return
      const local = await readFile(path).catch(() => null)
      if (local && Buffer.compare(local, bytes) === 0) {
        result.unchanged.push(name)
        return
      }
      if (local && !options.force) {
        result.conflicts.push(name)
        return
      }
      await mkdir(dirname(path), { recursive: true })
      await writeFile(path, bytes)
      result.written.push(name)
    }
    const pictures = new Set<string>()
    for (const [key, { metadata }] of await storage.list()) {
      const name = metadata.fileName ?? `${key}.${metadata.format ?? 'html'}`
      await restore(name, key, () => storage.getBytes(key))
      // The pictures it uses come back at the paths it was pushed with (docs/images.md).
      const { lang, slug } = splitArticleKey(key)
      const media = await readManifest(storage.internal, lang, slug)
      for (const [path, hosted] of Object.entries(media ?? {})) {
        if (pictures.has(path)) continue
        pictures.add(path)
        await restore(path, key, () => storage.getMedia(mediaKey(hosted.hash, hosted.name)))
      }
    }
    // Author profiles, stored as their files were (content/authors/<id>.yml).
    for (const id of await storage.profileIds()) {
      if (!AUTHOR_ID.test(id)) continue
      await restore(profileFile(id), id, async () => {
        const stored = await storage.internal.get(profileName(id))
        return stored ? new Uint8Array(stored.bytes) : null
      })
    }
  } finally {
    await storage.close()
  }
  log(
    `${storage.description} → ${options.dir}: ${result.written.length} written, ${result.unchanged.length} unchanged, ${result.conflicts.length} differing (kept)`,
  )
  for (const name of result.written) log(`  ↓ ${join(options.dir, name)}`)
  for (const name of result.conflicts)
    log(`  ≠ ${join(options.dir, name)} differs from storage; --force overwrites it`)
  return result
}

if (isMain(import.meta.url)) {
  const help = {
    usage:
      'usage: npm run content:pull -- [<folder>] [--remote] [--store kv|r2] [--persist-to <dir>] [--force]',
  }
  const { values, positionals } = commandLine(
    {
      remote: { type: 'boolean', default: false },
      store: { type: 'string' },
      'persist-to': { type: 'string' },
      force: { type: 'boolean', default: false },
    },
    help,
  )
  // Like content:push: a misspelt store is an error, never a silent pull from the default one.
  const store = storeOption(values.store, help)
  pull({
    dir: positionals[0] ?? 'content',
    remote: values.remote,
    store,
    // As wrangler's own --persist-to: the folder that holds v3/.
    persistTo: values['persist-to'] && join(values['persist-to'], 'v3'),
    force: values.force,
  }).catch((error: unknown) => {
    console.error(error instanceof CredentialsMissing ? error.message : error)
    process.exit(1)
  })
}
