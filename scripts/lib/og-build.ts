/**
 * Builds the share-card Worker (og/) the way `wrangler deploy` bundles it, for the tests (which run it
 * beside the main Worker) and the benchmark (which measures its size): fonts first, then
 * `wrangler deploy --dry-run`. Offline; takes about two seconds.
 */
import { execFileSync } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, relative, resolve } from 'node:path'
import { buildFonts } from '../../og/scripts/build-fonts.ts'

export const OG_CONFIG = 'og/wrangler.toml'

/** The Workers `wrangler dev` runs together: the site, then the card Worker its OG binding reaches. */
export const DEV_CONFIGS = ['wrangler.toml', OG_CONFIG]

export interface OgBuild {
  /** The folder wrangler wrote the bundle to. */
  dir: string
  /** The bundle and its wasm modules (names carry a content hash), paths relative to the repo. */
  script: string
  wasm: string[]
  /** Bytes of each module, for the benchmark. */
  sizes: Record<string, number>
}

export function buildOgWorker(outdir = 'og/dist'): OgBuild {
  buildFonts({ quiet: true })
  const dir = resolve(outdir)
  const wrangler = join(
    dirname(createRequire(import.meta.url).resolve('wrangler')),
    '../bin/wrangler.js',
  )
  // --outdir is taken relative to the config's folder: give it an absolute path.
  execFileSync(
    process.execPath,
    [wrangler, 'deploy', '--dry-run', '--outdir', dir, '-c', OG_CONFIG],
    { stdio: 'pipe', env: { ...process.env, WRANGLER_SEND_METRICS: 'false' } },
  )
  const files = readdirSync(dir)
  const rel = (name: string) => relative(process.cwd(), join(dir, name))
  return {
    dir,
    script: rel('index.js'),
    wasm: files.filter((f) => f.endsWith('.wasm')).map(rel),
    sizes: Object.fromEntries(
      files.filter((f) => /\.(js|wasm)$/.test(f)).map((f) => [f, statSync(join(dir, f)).size]),
    ),
  }
}
