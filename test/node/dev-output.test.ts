/** What `npm start` prints of wrangler's output: one short line per event, no JSON, no stacks. */
import { describe, expect, it } from 'vitest'
import { devOutputLine } from '../../scripts/lib/dev-output'

describe('npm start output', () => {
  it('turns the Worker’s warning and error log lines into one short line, even behind wrangler’s prefix', () => {
    const warn =
      '{"level":"warn","time":"2026-11-26T23:57:18.284Z","requestId":"2a2c","method":"GET","path":"/en/markdown-showcase","event":"neighbours-unavailable","message":"StorageError: [d1] an article’s neighbours failed"}'
    const expected =
      '⚠ GET /en/markdown-showcase — neighbours-unavailable: StorageError: [d1] an article’s neighbours failed'
    expect(devOutputLine(warn)).toBe(expected)
    expect(
      devOutputLine(`\x1b[33m▲ \x1b[43;33m[\x1b[43;30mWARNING\x1b[43;33m]\x1b[0m ${warn}`),
    ).toBe(expected)
    expect(devOutputLine(`✘ [ERROR] ${warn.replace('"warn"', '"error"')}`)).toBe(
      expected.replace('⚠', '✗'),
    )
    expect(devOutputLine('{"level":"info","event":"article-updated"}')).toBeNull()
    expect(devOutputLine('▲ [WARNING] {"level":"info","event":"cache-purged"}')).toBeNull()
  })

  it('shows a workerd internal error as one line, without its stack of addresses', () => {
    expect(
      devOutputLine(
        '✘ [ERROR] e = workerd/util/sqlite.c++:1827: failed: SQLite failed; dbErrorMessage(err, db) = database is locked: SQLITE_BUSY; sentryErrorContext = jsgInternalError; wdErrId = c4n99; sentryTag = NOSENTRY',
      ),
    ).toBe('✗ workerd: SQLite failed; dbErrorMessage(err, db) = database is locked: SQLITE_BUSY')
    expect(
      devOutputLine(
        '  stack: /work/node_modules/@cloudflare/workerd-linux-64/bin/workerd@3fdbce7 /work/node_modules/@cloudflare/workerd-linux-64/bin/workerd@3fedb04',
      ),
    ).toBeNull()
  })

  it('shows only failed requests and leaves the ready line to npm start', () => {
    expect(devOutputLine('[wrangler:info] GET /ko/x 200 OK (12ms)')).toBeNull()
    expect(devOutputLine('[wrangler:error] GET /ko/x 500 Internal Server Error (12ms)')).toBe(
      '✗ GET /ko/x 500',
    )
    expect(devOutputLine('[wrangler:info] Ready on http://127.0.0.1:8787')).toBeNull()
  })

  it('says a taken port once, without pointing at wrangler’s debug log', () => {
    const taken =
      '✘ [ERROR] Address already in use (127.0.0.1:8787). Please check that you are not already running a server on this address or specify a different port with --port.'
    expect(devOutputLine(taken)).toBe(taken)
    expect(
      devOutputLine(
        '🪵  Logs were written to "/root/.config/.wrangler/logs/wrangler-2026-11-27_00-12-39_312.log"',
      ),
    ).toBeNull()
  })
})
