/**
 * What of `wrangler dev`'s output reaches the publisher's terminal under `npm start`: one readable
 * line per event. The Worker's JSON log lines (meant for Workers Logs) become a short line when
 * they report a problem and are dropped otherwise, also when wrangler prefixes them with its own
 * `▲ [WARNING]` or `✘ [ERROR]`; wrangler's request lines show only failures; a workerd internal
 * error is one line, without its stack of addresses.
 */

/** The line to print for one line of wrangler's output, or null to drop it. */
export function devOutputLine(line: string): string | null {
  // eslint-disable-next-line no-control-regex -- ESC starts the ANSI colour codes being removed
  const text = line.replace(/\x1b\[[0-9;]*m/g, '').trimEnd() // colour codes
  if (!text.trim()) return null
  // `▲ [WARNING] {"level":"warn",…}`: wrangler's level prefix on the Worker's own log line.
  const message = text.replace(/^(?:▲ \[WARNING\]|✘ \[ERROR\]|X \[ERROR\]) /, '')
  if (message.startsWith('{')) return logLine(message)
  // `[wrangler:info] GET /ko/x 200 OK (12ms)`: only server errors are news.
  const request = /^\[wrangler:\w+\] (\w+) (\S+) (\d{3})/.exec(message)
  if (request)
    return Number(request[3]) >= 500 ? `✗ ${request[1]} ${request[2]} ${request[3]}` : null
  if (/^\[wrangler:info\] Ready on /.test(message)) return null // start.ts says it once the page answers
  if (/^🪵 +Logs were written to /.test(message)) return null // after an error that was already shown
  // `e = workerd/util/sqlite.c++:1827: failed: …; sentryErrorContext = …` and its `stack:` line.
  if (/^\s*stack: /.test(message)) return null
  const internal =
    /^e = workerd\/\S+ failed: (.*?)(?:; (?:stack|sentryErrorContext|wdErrId) = .*)?$/.exec(message)
  if (internal) return `✗ workerd: ${internal[1]}`
  return text
}

function logLine(text: string): string | null {
  let entry: Record<string, unknown>
  try {
    entry = JSON.parse(text) as Record<string, unknown>
  } catch {
    return text
  }
  if (entry.level !== 'error' && entry.level !== 'warn') return null
  const what = [entry.code, entry.event, entry.message].filter(Boolean).join(': ')
  const where = [entry.method, entry.path].filter(Boolean).join(' ')
  return `${entry.level === 'error' ? '✗' : '⚠'} ${where}${where ? ' — ' : ''}${what}`
}
