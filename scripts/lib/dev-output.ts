/**
 * What of `wrangler dev`'s output reaches the publisher's terminal under `npm start`: one readable
 * line per event. The Worker's JSON log lines (meant for Workers Logs) become a short line when
 * they report a problem and are dropped otherwise; wrangler's request lines show only failures.
 */

/** The line to print for one line of wrangler's output, or null to drop it. */
export function devOutputLine(line: string): string | null {
  // eslint-disable-next-line no-control-regex -- ESC starts the ANSI colour codes being removed
  const text = line.replace(/\x1b\[[0-9;]*m/g, '').trimEnd() // colour codes
  if (!text.trim()) return null
  if (text.startsWith('{')) return logLine(text)
  // `[wrangler:info] GET /ko/x 200 OK (12ms)`: only server errors are news.
  const request = /^\[wrangler:\w+\] (\w+) (\S+) (\d{3})/.exec(text)
  if (request)
    return Number(request[3]) >= 500 ? `✗ ${request[1]} ${request[2]} ${request[3]}` : null
  if (/^\[wrangler:info\] Ready on /.test(text)) return null // start.ts says it once the page answers
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
