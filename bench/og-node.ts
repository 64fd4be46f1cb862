/**
 * The share-card Worker's render code (og/src) in Node, as the benchmark runs it: its two wasm
 * modules from node_modules, its font subsets from og/public/fonts (what the Worker's ASSETS
 * binding serves), and the titles measured.
 */
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { parse } from 'yaml'
import { initRenderer } from '../og/src/render'
import type { CardInput } from '../og/src/card'
import { EN, JA, LONG_KO } from '../og/test/titles'
import { readWranglerToml } from '../scripts/lib/config'

export const SEED_FILE = 'content/ko/2024-06-19-putin-kim-pact.html'

export interface CardCase {
  name: string
  input: CardInput
}

/** The seed's own title, as its front matter gives it, then a long Korean, a Japanese and an English one. */
export async function cardCases(): Promise<CardCase[]> {
  const seed = await readFile(SEED_FILE, 'utf8')
  const front = parse(/^---\n([\s\S]*?)\n---\n/.exec(seed)![1]!) as { title: string }
  const site = (await readWranglerToml()).vars?.SITE_NAME ?? 'Edge Press'
  const date = '2024-06-19'
  return [
    {
      name: 'ko short (seed)',
      input: { title: front.title, section: 'News', date, site, lang: 'ko' },
    },
    {
      name: 'ko long (90 chars)',
      input: { title: LONG_KO, section: '경제', date, site, lang: 'ko' },
    },
    { name: 'ja', input: { title: JA, section: '経済', date, site, lang: 'ja' } },
    { name: 'en', input: { title: EN, section: 'World', date, site, lang: 'en' } },
  ]
}

const require = createRequire(import.meta.url)
const wasm = async (specifier: string) => new Uint8Array(await readFile(require.resolve(specifier)))

/** Instantiates satori's yoga and resvg from their .wasm files (once per process). */
export async function initOgNode(): Promise<void> {
  // @resvg/resvg-wasm's exports map does not list its wasm file: resolve it from the package's main.
  const resvgDir = require.resolve('@resvg/resvg-wasm').replace(/[^/]+$/, '')
  await initRenderer(
    await wasm('satori/yoga.wasm'),
    new Uint8Array(await readFile(`${resvgDir}index_bg.wasm`)),
  )
}

/** Reads a font subset as the Worker's ASSETS binding would serve it. */
export async function readOgFont(path: string): Promise<ArrayBuffer> {
  const bytes = await readFile(`og/public/${path}`)
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)
}
