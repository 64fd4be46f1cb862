/**
 * The site settings from wrangler.toml's [vars], checked by the same schema the Worker uses. Read
 * with a small TOML parser rather than wrangler, so commands that need only the settings start fast.
 */
import { readFile } from 'node:fs/promises'
import { parse } from 'smol-toml'
import { SiteConfig } from '../../src/config'

export type ScriptConfig = SiteConfig & { devPort: number }

/** The parts of wrangler.toml the scripts read. */
export interface WranglerToml {
  name?: string
  compatibility_date?: string
  vars?: Record<string, string>
  dev?: { port?: number }
  /** Module aliases for the bundle (`"cssomnom/parse" = "./src/parse/no-stylesheets.ts"`). */
  alias?: Record<string, string>
  kv_namespaces?: { binding: string; id?: string }[]
  r2_buckets?: { binding: string; bucket_name?: string }[]
  /** The Images binding hosted pictures' variants need (docs/images.md). */
  images?: { binding?: string }
  d1_databases?: {
    binding: string
    database_name?: string
    database_id?: string
    migrations_dir?: string
  }[]
}

export async function readWranglerToml(configPath = 'wrangler.toml'): Promise<WranglerToml> {
  return parse(await readFile(configPath, 'utf8'))
}

export async function readSiteConfig(configPath = 'wrangler.toml'): Promise<ScriptConfig> {
  const toml = await readWranglerToml(configPath)
  const result = SiteConfig.safeParse(toml.vars ?? {})
  if (!result.success) {
    throw new Error(
      `${configPath} [vars] are invalid: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    )
  }
  return { ...result.data, devPort: toml.dev?.port ?? 8787 }
}
