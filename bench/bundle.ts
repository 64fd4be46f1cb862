/** The Worker bundle as `wrangler deploy` would upload it: size raw and gzipped. */
import { execFileSync } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

export async function benchBundle(): Promise<{ rawBytes: number; gzipBytes: number }> {
  const outdir = await mkdtemp(join(tmpdir(), 'edge-bundle-'))
  try {
    execFileSync('wrangler', ['deploy', '--dry-run', '--outdir', outdir], { stdio: 'pipe', env: { ...process.env, WRANGLER_SEND_METRICS: 'false' } })
    const files = (await readdir(outdir)).filter((f) => f.endsWith('.js'))
    const bytes = Buffer.concat(await Promise.all(files.map((f) => readFile(join(outdir, f)))))
    return { rawBytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length }
  } finally {
    await rm(outdir, { recursive: true, force: true })
  }
}
