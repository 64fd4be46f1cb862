// Node's side of wrangler.toml's Text rule: a `.yml` or `.css` import (sections.yml, the stylesheets) is its text, as
// in the Worker, so Node code that renders pages (the benchmarks) loads the same modules.
// Used with `node --import ./scripts/lib/text-modules.mjs`.
import { register } from 'node:module'

register('./text-modules-hooks.mjs', import.meta.url)
