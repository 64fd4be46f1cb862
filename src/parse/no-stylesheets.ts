/**
 * Stands in for linkedom's CSS parser (`cssomnom`, a fifth of the bundle): sanitized bodies have no
 * `<style>` elements and nothing here reads `HTMLStyleElement.sheet`. Wired in by `[alias]` in
 * wrangler.toml, for the deployed bundle only.
 */
export function parse(): never {
  throw new Error('stylesheets are not parsed at the edge')
}
