// `node --import ./test/node/helpers/no-wrangler.mjs …`: the command fails if it loads wrangler or
// Miniflare (each takes seconds to load), so a test can prove a small command does without them.
import { register } from 'node:module'

register(
  `data:text/javascript,${encodeURIComponent(`
    export async function resolve(specifier, context, next) {
      if (/^(wrangler|miniflare)(\\/|$)/.test(specifier))
        throw new Error(specifier + ' was loaded; this command must not need it')
      return next(specifier, context)
    }`)}`,
)
