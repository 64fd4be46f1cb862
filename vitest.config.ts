import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parse } from 'smol-toml'
import { defineConfig } from 'vitest/config'
import { buildOgWorker } from './scripts/lib/og-build.ts'

/** `.yml` and `.css` import as text, as wrangler.toml's `rules` bundle them (sections.yml, the stylesheets). */
const textModules = {
  name: 'text-modules',
  transform: (code: string, id: string) =>
    /\.(yml|css)$/.test(id)
      ? { code: `export default ${JSON.stringify(code)}`, map: null }
      : undefined,
}

export default defineConfig(async () => {
  // The committed migrations, applied to each test file's fresh D1 by test/setup/migrate.ts.
  const migrations = await readD1Migrations('./migrations')
  // The share-card Worker as wrangler deploys it (fonts from the installed @fontsource packages):
  // the main Worker's tests reach it through the real service binding.
  const og = buildOgWorker()
  // wrangler.toml's [alias] (what the deployed bundle resolves), so the tests run the same code.
  const { alias = {} } = parse(readFileSync('wrangler.toml', 'utf8')) as {
    alias?: Record<string, string>
  }
  const bundleAliases = Object.fromEntries(
    Object.entries(alias).map(([from, to]) => [from, resolve(to)]),
  )
  return {
    test: {
      // The Worker's structured request logs are for operators; tests assert on responses instead.
      onConsoleLog: (log: string) => !log.startsWith('{"level"'),
      projects: [
        {
          // Inside workerd, against Miniflare's real KV, R2, D1 and Cache.
          plugins: [
            textModules,
            cloudflareTest({
              wrangler: { configPath: './wrangler.toml' },
              miniflare: {
                // DERIVED_KEY is a secret in production (docs/security.md); the tests use their own.
                bindings: {
                  TEST_MIGRATIONS: migrations,
                  DERIVED_KEY: 'test-derived-key-0123456789',
                },
                serviceBindings: { OG: 'og-card' },
                // Miniflare here takes an auxiliary Worker as explicit modules (no modulesRules), and
                // its assets need `has_user_worker`, or the asset router answers every request.
                workers: [
                  {
                    name: 'og-card',
                    compatibilityDate: '2026-11-01',
                    modulesRoot: og.dir,
                    modules: [
                      { type: 'ESModule', path: og.script },
                      ...og.wasm.map((path) => ({ type: 'CompiledWasm' as const, path })),
                    ],
                    assets: {
                      directory: './og/public',
                      binding: 'ASSETS',
                      routerConfig: { has_user_worker: true },
                    },
                  },
                ],
              },
            }),
          ],
          resolve: { alias: bundleAliases },
          test: {
            name: 'worker',
            testTimeout: 30_000,
            include: ['test/**/*.test.{ts,tsx}'],
            exclude: ['test/node/**'],
            setupFiles: ['./test/setup/migrate.ts'],
          },
        },
        {
          // The share-card Worker on its own, inside workerd from og/wrangler.toml (fonts as assets).
          plugins: [cloudflareTest({ wrangler: { configPath: './og/wrangler.toml' } })],
          test: {
            name: 'og',
            testTimeout: 60_000,
            include: ['og/test/**/*.test.ts'],
          },
        },
        {
          // In Node: the publisher's scripts, and real crawler parsers fed our pages.
          test: {
            name: 'node',
            include: ['test/node/**/*.test.ts'],
            environment: 'node',
            testTimeout: 60_000,
            hookTimeout: 180_000,
          },
        },
      ],
    },
  }
})
