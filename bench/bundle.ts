/**
 * The Worker bundle as `wrangler deploy` would upload it: size raw and gzipped, and where the bytes
 * come from (esbuild's metafile): each package's share, and any package bundled from more than one
 * folder (two versions of one library, each with its own copy of the same tables).
 */
import { execFileSync } from 'node:child_process'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { withTempDir } from './temp'

export interface BundleResult {
  rawBytes: number
  gzipBytes: number
  /** Bytes in the bundle by package (`src` for the project's own code), largest first. */
  packages: { name: string; bytes: number }[]
  /** Packages bundled from several folders, with each folder's bytes. */
  duplicates: { name: string; folders: { folder: string; bytes: number }[] }[]
}

interface Metafile {
  outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }>
}

export async function benchBundle(): Promise<BundleResult> {
  return withTempDir('edge-bundle-', async (outdir) => {
    const metafile = join(outdir, 'meta.json')
    execFileSync('wrangler', ['deploy', '--dry-run', '--outdir', outdir, '--metafile', metafile], {
      stdio: 'pipe',
      env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
    })
    const files = (await readdir(outdir)).filter((f) => f.endsWith('.js'))
    const bytes = Buffer.concat(await Promise.all(files.map((f) => readFile(join(outdir, f)))))
    const meta = JSON.parse(await readFile(metafile, 'utf8')) as Metafile
    const byFolder = new Map<string, { name: string; bytes: number }>()
    for (const output of Object.values(meta.outputs))
      for (const [path, input] of Object.entries(output.inputs)) {
        // The innermost node_modules folder a file is in names its package.
        const match = /^(.*node_modules\/((?:@[^/]+\/)?[^/]+))\//.exec(path)
        const [folder, name] = match ? [match[1]!, match[2]!] : ['src', 'src']
        const entry = byFolder.get(folder) ?? { name, bytes: 0 }
        entry.bytes += input.bytesInOutput
        byFolder.set(folder, entry)
      }
    const packages = new Map<string, { folder: string; bytes: number }[]>()
    for (const [folder, { name, bytes }] of byFolder)
      packages.set(name, [...(packages.get(name) ?? []), { folder, bytes }])
    const total = (folders: { bytes: number }[]) => folders.reduce((sum, f) => sum + f.bytes, 0)
    return {
      rawBytes: bytes.length,
      gzipBytes: gzipSync(bytes, { level: 9 }).length,
      packages: [...packages]
        .map(([name, folders]) => ({ name, bytes: total(folders) }))
        .sort((a, b) => b.bytes - a.bytes),
      duplicates: [...packages]
        .filter(([, folders]) => folders.length > 1)
        .map(([name, folders]) => ({ name, folders })),
    }
  })
}
