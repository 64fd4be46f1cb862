/**
 * The secret derived articles are signed with on this machine (DERIVED_KEY; src/articles/derived.ts).
 * In production it is a Worker secret (`wrangler secret put DERIVED_KEY`). Locally nobody should have
 * to set anything: the first `npm start` or `content:push` makes a random one in .wrangler/ (never
 * committed), and both the dev server and the scripts use it, so what a push derives is what the
 * server trusts. DERIVED_KEY in the environment wins over the file.
 */
import { randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'

export const DEV_DERIVED_KEY_FILE = '.wrangler/derived-key'

export function devDerivedKey(): string {
  if (process.env.DERIVED_KEY) return process.env.DERIVED_KEY
  try {
    const key = readFileSync(DEV_DERIVED_KEY_FILE, 'utf8').trim()
    if (key) return key
  } catch {
    // none yet: made below
  }
  const key = randomBytes(32).toString('base64url')
  mkdirSync('.wrangler', { recursive: true })
  writeFileSync(DEV_DERIVED_KEY_FILE, key, { mode: 0o600 })
  return key
}
