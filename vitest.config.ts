import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin'
import { defineConfig } from 'vitest/config'

export default defineConfig(async () => {
  // The committed migrations, applied to each test file's fresh D1 by test/setup/migrate.ts.
  const migrations = await readD1Migrations('./migrations')
  return {
    test: {
      // The Worker's structured request logs are for operators; tests assert on responses instead.
      onConsoleLog: (log: string) => !log.startsWith('{"level"'),
      projects: [
        {
          // Inside workerd, against Miniflare's real KV, R2, D1 and Cache.
          plugins: [
            cloudflareTest({
              wrangler: { configPath: './wrangler.toml' },
              miniflare: { bindings: { TEST_MIGRATIONS: migrations } },
            }),
          ],
          test: {
            name: 'worker',
            testTimeout: 30_000,
            include: ['test/**/*.test.{ts,tsx}'],
            exclude: ['test/node/**'],
            setupFiles: ['./test/setup/migrate.ts'],
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
