/**
 * Everything the scripts take from wrangler, in one place. `getPlatformProxy` is wrangler's stable
 * way to reach local (Miniflare) or remote bindings from Node.
 */
import { existsSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { getPlatformProxy, unstable_dev, type PlatformProxy } from 'wrangler'
import { buildFonts } from '../../og/scripts/build-fonts'
import { readWranglerToml } from './config'
import { DEV_CONFIGS } from './og-build'

export async function platformProxy(options: {
  remote: boolean
  configPath?: string
  persistTo?: string
}): Promise<PlatformProxy<Env>> {
  if (options.remote) requireCredentials()
  const configPath = options.remote
    ? await remoteConfig(options.configPath ?? 'wrangler.toml')
    : (options.configPath ?? 'wrangler.toml')
  return getPlatformProxy<Env>({
    configPath,
    persist: options.remote ? false : options.persistTo ? { path: options.persistTo } : true,
    remoteBindings: options.remote,
    envFiles: [],
  })
}

/** A remote command run without Cloudflare credentials: one line to say so, not wrangler's trace. */
export class CredentialsMissing extends Error {
  constructor() {
    super(
      'no Cloudflare credentials: run `npx wrangler login`, or set CLOUDFLARE_API_TOKEN (and CLOUDFLARE_ACCOUNT_ID) in CI',
    )
    this.name = 'CredentialsMissing'
  }
}

/** An API token in the environment, or the OAuth login `wrangler login` keeps in its config folder. */
export function requireCredentials(env: NodeJS.ProcessEnv = process.env): void {
  if (env.CLOUDFLARE_API_TOKEN || env.CLOUDFLARE_API_KEY) return
  const configHome = env.XDG_CONFIG_HOME ?? join(homedir(), '.config')
  const logins = [
    join(configHome, '.wrangler/config/default.toml'),
    join(homedir(), '.wrangler/config/default.toml'),
  ]
  if (!logins.some((file) => existsSync(file))) throw new CredentialsMissing()
}

/** A copy of the config whose article bindings point at the deployed KV namespace and R2 bucket. */
async function remoteConfig(configPath: string): Promise<string> {
  const config = await readWranglerToml(configPath)
  const remote = {
    name: config.name,
    compatibility_date: config.compatibility_date,
    kv_namespaces: config.kv_namespaces?.map((kv) => ({ ...kv, remote: true })),
    r2_buckets: config.r2_buckets?.map((r2) => ({ ...r2, remote: true })),
    d1_databases: config.d1_databases?.map((d1) => ({ ...d1, remote: true })),
    vars: config.vars,
  }
  await mkdir('.wrangler', { recursive: true })
  const path = '.wrangler/content-push.remote.json'
  await writeFile(path, JSON.stringify(remote, null, 2))
  return path
}

/**
 * A `wrangler dev` server on a free loopback port, for tests and the benchmark, with the share-card
 * Worker beside the site. wrangler has no stable API for this that keeps state in a folder we choose
 * (createTestHarness does not), so the one unstable call the scripts make lives here.
 * Its `stop()` tears down every config's Worker only with patches/wrangler+*.patch: unstable_dev
 * stopped the first alone, and the card Worker's bundler and font-asset watchers kept Node running.
 */
export async function devServer(options: {
  persistTo: string
  vars: Record<string, string>
  inspectorPort?: number
}): Promise<{ address: string; port: number; stop(): Promise<void> }> {
  buildFonts({ quiet: true })
  return unstable_dev('src/index.ts', {
    // Several configs run as one multi-Worker dev server (the first is the one it serves); the
    // option's type does not say so, but `wrangler dev -c a -c b` is this same path.
    config: DEV_CONFIGS as unknown as string,
    persistTo: options.persistTo,
    ip: '127.0.0.1',
    port: 0,
    vars: options.vars,
    logLevel: 'error',
    inspect: options.inspectorPort !== undefined,
    ...(options.inspectorPort !== undefined && { inspectorPort: options.inspectorPort }),
    experimental: { disableExperimentalWarning: true, disableDevRegistry: true },
  })
}
