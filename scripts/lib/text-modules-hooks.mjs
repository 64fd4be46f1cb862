// Loader hook for text-modules.mjs: `.yml` and `.css` files become a module whose default export is the text.
import { readFile } from 'node:fs/promises'
import { URL } from 'node:url'

export async function load(url, context, next) {
  if (!/\.(yml|css)$/.test(url)) return next(url, context)
  const text = await readFile(new URL(url), 'utf8')
  return { format: 'module', source: `export default ${JSON.stringify(text)}`, shortCircuit: true }
}
