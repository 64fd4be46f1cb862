/**
 * Writes an article file: YAML front matter in a fixed key order, then the HTML body. The same data
 * always gives the same bytes, so a re-import changes nothing.
 */
import { stringify } from 'yaml'

export type FrontMatterData = Record<string, unknown>

export function articleFile(data: FrontMatterData, body: string): string {
  const defined = Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined))
  // The project reads front matter with the YAML 1.2 core schema: write with the same, so a
  // string like `no` or `2024-06-19` is quoted only when it must be.
  const yaml = stringify(defined, { schema: 'core', lineWidth: 0, singleQuote: false })
  return `---\n${yaml}---\n${body}`
}
