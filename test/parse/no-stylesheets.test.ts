/**
 * The tests run the code the deployed bundle runs: linkedom's stylesheet parser resolves to the same
 * stand-in (wrangler.toml [alias]) here as in production, so reading a <style>'s sheet throws.
 */
import { parseHTML } from 'linkedom'
import { describe, expect, it } from 'vitest'

describe('linkedom inside the tests', () => {
  it("uses the deployed bundle's stand-in for its stylesheet parser", () => {
    const { document } = parseHTML('<html><head><style>p { color: red }</style></head></html>')
    const style = document.querySelector('style') as unknown as { sheet: unknown }
    expect(() => style.sheet).toThrow('stylesheets are not parsed at the edge')
  })
})
