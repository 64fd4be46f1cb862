import { realpathSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** Whether this module is the script Node was started with (paths with spaces and symlinks included). */
export function isMain(moduleUrl: string): boolean {
  const started = process.argv[1]
  if (!started) return false
  try {
    return realpathSync(fileURLToPath(moduleUrl)) === realpathSync(started)
  } catch {
    return false
  }
}
