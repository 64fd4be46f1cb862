/**
 * A remote command on a machine with no Cloudflare credentials (no `wrangler login`, no
 * CLOUDFLARE_API_TOKEN) says so in one line and exits 1: it once printed wrangler's stack trace.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const home = mkdtempSync(join(tmpdir(), 'no-credentials-'))
// (A plain record: the generated Worker types make process.env's type list the site's vars.)
const env: Record<string, string | undefined> = {
  ...process.env,
  HOME: home,
  XDG_CONFIG_HOME: join(home, '.config'),
}
delete env.CLOUDFLARE_API_TOKEN
delete env.CLOUDFLARE_API_KEY

describe('remote commands without credentials', () => {
  it.each([
    ['content:push', '--remote', '--dry-run'],
    ['content:pull', '--remote', join(home, 'pulled')],
  ])('npm run %s %s says what to do in one line', (script, ...args) => {
    const run = spawnSync('npm', ['run', '-s', script, '--', ...args], {
      env: env as NodeJS.ProcessEnv,
      encoding: 'utf8',
      timeout: 60_000,
    })
    const lines = `${run.stdout}${run.stderr}`.split('\n').filter(Boolean)
    expect(run.status).toBe(1)
    expect(lines).toEqual([
      'no Cloudflare credentials: run `npx wrangler login`, or set CLOUDFLARE_API_TOKEN (and CLOUDFLARE_ACCOUNT_ID) in CI',
    ])
  })
})
