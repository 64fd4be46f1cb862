/**
 * npm start: push content/ to the local KV/R2, then serve it with `wrangler dev` on port 8787.
 * Offline-quiet: no Request.cf download, no telemetry.
 */
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdir, writeFile } from 'node:fs/promises'
import { push, PushError } from './content-push'
import { DEV_TOKEN_FILE } from './lib/purge'

const quiet = { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false' }

try {
  await push({ dir: 'content', remote: false })
} catch (error) {
  console.error(error instanceof PushError ? error.message : error)
  process.exit(1)
}

// A fresh admin token per run: content:push uses it to purge the dev server's cache after a change.
const token = randomBytes(24).toString('base64url')
await mkdir('.wrangler', { recursive: true })
await writeFile(DEV_TOKEN_FILE, token, { mode: 0o600 })

const dev = spawn('wrangler', ['dev', '--var', `ADMIN_TOKEN:${token}`, ...process.argv.slice(2)], { stdio: 'inherit', env: quiet })
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => dev.kill(signal))
dev.on('exit', (code) => process.exit(code ?? 0))
