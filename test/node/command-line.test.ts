/**
 * Every publisher's command reads its command line one way (scripts/lib/args.ts): a misspelt option
 * or a wrong value is one line saying what is wrong, then the usage, exit code 2 — never Node's
 * stack trace, and never a silent default (`--store xx` does not pull from the default store).
 */
import { describe, expect, it } from 'vitest'
import { npmRun } from './helpers/npm-run'

const npm = (script: string, args: string[]) => npmRun([script, '--', ...args])

const COMMANDS = [
  'content:push',
  'content:pull',
  'content:check',
  'import:wordpress',
  'new',
  'smoke',
] as const

// Each run is a separate process that mostly waits on loading its modules: run them side by side.
describe.concurrent("the publisher's commands", () => {
  it.each(COMMANDS)('%s: an unknown option is one line and the usage, exit 2', async (command) => {
    const run = await npm(command, ['--frobnicate'])
    expect(run.status).toBe(2)
    const lines = run.stderr.trim().split('\n')
    expect(lines[0]).toBe("✗ Unknown option '--frobnicate'")
    expect(lines[1]).toMatch(new RegExp(`^usage: npm run ${command} `))
    expect(run.stderr).not.toMatch(/^\s+at /m) // no stack trace
  })

  it.each(COMMANDS)('%s: --help prints the usage and exits 0', async (command) => {
    const run = await npm(command, ['--help'])
    expect(run.status).toBe(0)
    expect(run.stdout).toMatch(new RegExp(`^usage: npm run ${command} `))
    expect(run.stderr).toBe('')
  })

  it.each(['content:push', 'content:pull'])(
    '%s: a misspelt --store is refused, not replaced by the default store',
    async (command) => {
      const run = await npm(command, ['--store', 'r3'])
      expect(run.status).toBe(2)
      expect(run.stderr.split('\n')[0]).toBe('✗ --store must be kv or r2, got r3')
    },
  )
})
