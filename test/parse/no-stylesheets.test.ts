/**
 * The tests run the code the deployed bundle runs: linkedom's stylesheet parser resolves to the same
 * stand-in (wrangler.toml [alias]) here as in production, so reading a <style>'s sheet throws.
 */
import { parseHTML } from 'linkedom'
import { describe, expect, it } from 'vitest'

describe('linkedom inside the tests', () => {
  it("uses the deployed bundle's stand-in for its stylesheet parser", () => {
    // linkedom's types need the DOM library, which the Worker's tsconfig does not load.
    const window = parseHTML('<html><head><style>p { color: red }</style></head></html>') as unknown
    const { document } = window as { document: { querySelector(s: string): { sheet: unknown } } }
    const style = document.querySelector('style')
    expect(() => style.sheet).toThrow('stylesheets are not parsed at the edge')
  })
})
