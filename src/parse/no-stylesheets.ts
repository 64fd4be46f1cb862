/**
 * Stands in for linkedom's CSS parser (`cssomnom`, a fifth of the bundle): sanitized bodies have no
 * `<style>` elements and nothing here reads `HTMLStyleElement.sheet`. Wired in by `[alias]` in
 * wrangler.toml, for the deployed bundle and (vitest.config.ts reads the same table) the tests.
 */
export function parse(): never {
  throw new Error('stylesheets are not parsed at the edge')
}
