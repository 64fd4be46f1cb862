/**
 * npm start: push content/ to the local KV/R2, serve it with `wrangler dev` (with the share-card
 * Worker og/ beside it), and publish every saved
 * file as it is saved (live editing). Quiet: one line per event, no banner, bindings table, update
 * check, telemetry or Request.cf download; the Worker's JSON logs are turned into short lines.
 */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { mkdir, writeFile } from 'node:fs/promises'
import { createInterface } from 'node:readline'
import { parseArgs } from 'node:util'
import { readSiteConfig } from './lib/config'
import { devOutputLine } from './lib/dev-output'
import { buildFonts } from '../og/scripts/build-fonts'
import { DEV_CONFIGS } from './lib/og-build'
import { DEV_TOKEN_FILE } from './lib/purge'
import { devDerivedKey } from './lib/derived-key'
import { watchContent } from './lib/watch'

const DEV_ENV_FILE = '.wrangler/dev-admin.env'

const quiet = {
  ...process.env,
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  WRANGLER_SEND_METRICS: 'false',
  // The banner is where wrangler checks the registry for updates; the log level hides the bindings
  // table and the per-request lines (devOutputLine keeps what matters).
  WRANGLER_HIDE_BANNER: 'true',
  WRANGLER_LOG: process.env.WRANGLER_LOG ?? 'warn',
}

const config = await readSiteConfig()
const port = Number(argValue('--port') ?? config.devPort)

// A fresh admin token per run: pushes use it to purge the dev server's cache after a change. It goes
// to wrangler in a private env file, never on the command line, where `ps` would show it to anyone.
// DEV_TOOLS turns on what only the publisher should see: the failed-save banner, the inspector link.
const token = randomBytes(24).toString('base64url')
await mkdir('.wrangler', { recursive: true })
await writeFile(DEV_TOKEN_FILE, token, { mode: 0o600 })
// The dev server signs and trusts derived articles with the same key content:push uses.
await writeFile(
  DEV_ENV_FILE,
  `ADMIN_TOKEN=${token}\nDEV_TOOLS=1\nDERIVED_KEY=${devDerivedKey()}\n`,
  { mode: 0o600 },
)
// The publisher's own .dev.vars still apply; ours comes last, so its token wins.
const envFiles = [...(existsSync('.dev.vars') ? ['.dev.vars'] : []), DEV_ENV_FILE].flatMap(
  (file) => ['--env-file', file],
)

let watcher: Awaited<ReturnType<typeof watchContent>>
try {
  watcher = await watchContent({ dir: 'content', log: (line) => console.log(line) })
} catch (error) {
  console.error(`✗ ${(error as Error).message}`)
  process.exit(1)
}

// The share-card Worker runs beside the site (its fonts come from the installed @fontsource packages).
buildFonts()
const configs = DEV_CONFIGS.flatMap((file) => ['-c', file])
// --test-scheduled: the cron can be run by hand at /__scheduled, and wrangler does not warn that
// it will not run by itself.
const args = ['dev', ...configs, '--test-scheduled', ...envFiles, ...process.argv.slice(2)]
const dev = spawn('wrangler', args, {
  stdio: ['inherit', 'pipe', 'pipe'],
  env: quiet,
})
for (const stream of [dev.stdout, dev.stderr]) {
  createInterface({ input: stream }).on('line', (line) => {
    const shown = devOutputLine(line)
    if (shown !== null) console.log(shown)
  })
}
void announceWhenReady()

// Ctrl-C (SIGINT) and an editor's stop button or a process manager (SIGTERM) stop everything, in
// order: wrangler dev (and its workerd) first, then the watcher's own local storage. The watcher's
// in-process Miniflare installs exit-hook, whose handler calls process.exit at once: npm start then
// ended with wrangler and workerd still holding the port. Its handlers are replaced by ours.
let stopping = false
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.removeAllListeners(signal)
  process.on(signal, () => {
    if (stopping) return
    stopping = true
    dev.kill(signal)
    // A wrangler that does not stop in time is not left behind.
    setTimeout(() => dev.kill('SIGKILL'), 10_000).unref()
  })
}
dev.on('exit', (code, signal) => {
  void watcher.close().then(() => process.exit(code ?? (signal ? 0 : 1)))
})

/** One line once a page answers, with how long the start took. */
async function announceWhenReady() {
  const home = `http://127.0.0.1:${port}/${config.defaultLang}/`
  for (;;) {
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (res) => res.ok,
      () => false,
    )
    if (ok) break
    if (dev.exitCode !== null) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  console.log(
    `✓ ${home} is ready (${process.uptime().toFixed(1)} s) — saves in content/ go live as you save; Ctrl-C stops`,
  )
  // wrangler dev runs no Cron Trigger by itself: fire the every-minute one, as Cloudflare would, so
  // scheduled and embargoed articles go live on time here too.
  setInterval(() => {
    fetch(`http://127.0.0.1:${port}/__scheduled?cron=${encodeURIComponent('* * * * *')}`).catch(
      () => undefined,
    )
  }, 60_000).unref()
}

/** One of wrangler dev's options, read the way node:util reads every script's arguments. */
function argValue(name: string): string | undefined {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { [name.replace(/^--/, '')]: { type: 'string' } },
    strict: false,
    allowPositionals: true,
  })
  const value = values[name.replace(/^--/, '')]
  return typeof value === 'string' ? value : undefined
}
