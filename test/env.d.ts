declare module '*?raw' {
  const text: string
  export default text
}
interface ImportMeta {
  glob(
    pattern: string | string[],
    options?: { query?: string; import?: string; eager?: boolean },
  ): Record<string, unknown>
}

declare namespace Cloudflare {
  interface Env {
    /** The committed migrations, read by vitest.config.ts and applied by test/setup/migrate.ts. */
    TEST_MIGRATIONS: import('cloudflare:test').D1Migration[]
    /** A secret in production; vitest.config.ts sets the tests' own. */
    DERIVED_KEY: string
  }
}
