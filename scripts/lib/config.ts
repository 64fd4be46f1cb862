import { unstable_readConfig } from 'wrangler'
import { SiteConfig } from '../../src/config'

/** The site settings from wrangler.toml's [vars], checked by the same schema the Worker uses. */
export type ScriptConfig = SiteConfig & { devPort: number }

export function readSiteConfig(configPath = 'wrangler.toml'): ScriptConfig {
  const config = unstable_readConfig({ config: configPath })
  return { ...SiteConfig.parse(config.vars), devPort: config.dev.port ?? 8787 }
}
