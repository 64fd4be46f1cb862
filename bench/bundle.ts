/** The Worker bundle as `wrangler deploy` would upload it: size raw and gzipped. */
import { execFileSync } from 'node:child_process'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { withTempDir } from './temp'

export async function benchBundle(): Promise<{ rawBytes: number; gzipBytes: number }> {
  return withTempDir('edge-bundle-', async (outdir) => {
    execFileSync('wrangler', ['deploy', '--dry-run', '--outdir', outdir], {
      stdio: 'pipe',
      env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
    })
    const files = (await readdir(outdir)).filter((f) => f.endsWith('.js'))
    const bytes = Buffer.concat(await Promise.all(files.map((f) => readFile(join(outdir, f)))))
    return { rawBytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length }
  })
}
