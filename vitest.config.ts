import { cloudflareTest } from '@cloudflare/vitest-plugin'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    // The Worker's structured request logs are for operators; tests assert on responses instead.
    onConsoleLog: (log) => !log.startsWith('{"level"'),
    projects: [
      {
        // Inside workerd, against Miniflare's real KV, R2 and Cache.
        plugins: [cloudflareTest({ wrangler: { configPath: './wrangler.toml' } })],
        test: {
          name: 'worker',
          testTimeout: 30_000,
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: ['test/node/**'],
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
})
