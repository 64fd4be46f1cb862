/**
 * npm start: push content/ to the local KV/R2, serve it with `wrangler dev` on port 8787 (with the
 * share-card Worker og/ beside it), and keep pushing every saved change (live editing).
 * Offline-quiet: no Request.cf download, no telemetry.
 */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { mkdir, writeFile } from 'node:fs/promises'
import { push, PushError } from './content-push'
import { buildFonts } from '../og/scripts/build-fonts'
import { DEV_TOKEN_FILE } from './lib/purge'
import { DEV_CONFIGS } from './lib/og-build'
import { watchContent } from './lib/watch'

const DEV_ENV_FILE = '.wrangler/dev-admin.env'

const quiet = {
  ...process.env,
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  WRANGLER_SEND_METRICS: 'false',
}

try {
  await push({ dir: 'content', remote: false, warnings: 'count' })
} catch (error) {
  console.error(error instanceof PushError ? error.message : error)
  process.exit(1)
}

// A fresh admin token per run: pushes use it to purge the dev server's cache after a change. It goes
// to wrangler in a private env file, never on the command line, where `ps` would show it to anyone.
const token = randomBytes(24).toString('base64url')
await mkdir('.wrangler', { recursive: true })
await writeFile(DEV_TOKEN_FILE, token, { mode: 0o600 })
await writeFile(DEV_ENV_FILE, `ADMIN_TOKEN=${token}\n`, { mode: 0o600 })
// The publisher's own .dev.vars still apply; ours comes last, so its token wins.
const envFiles = [...(existsSync('.dev.vars') ? ['.dev.vars'] : []), DEV_ENV_FILE].flatMap(
  (file) => ['--env-file', file],
)

// The share-card Worker runs beside the site (its fonts come from the installed @fontsource packages).
buildFonts()
const configs = DEV_CONFIGS.flatMap((file) => ['-c', file])
const dev = spawn('wrangler', ['dev', ...configs, ...envFiles, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: quiet,
})
const watcher = await watchContent({
  dir: 'content',
  log: (line) => console.log(`[content] ${line}`),
})
console.log('[content] watching content/ — saved files go live on the next request')

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    dev.kill(signal)
    void watcher.close()
  })
}
dev.on('exit', async (code) => {
  await watcher.close()
  process.exit(code ?? 0)
})
