// Which @fontsource subset files a text needs, loading them, and glyph advance widths.
// Works the same in workerd and Node: the caller passes how to read a file (ASSETS binding or fs).
import { RANGES, WIDTHS } from './generated/fonts'

export type Family = 'kr' | 'jp'
export type Weight = 400 | 700
export type ReadFile = (path: string) => Promise<ArrayBuffer>
/** The shape satori expects in its `fonts` option. */
export interface SatoriFont {
  name: string
  data: ArrayBuffer
  weight: Weight
  style: 'normal'
}

/** Value of the [first, last, value] triple covering cp (triples sorted by first), or -1. */
function lookup(triples: number[], cp: number): number {
  let lo = 0,
    hi = triples.length / 3 - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (cp < triples[mid * 3]!) hi = mid - 1
    else if (cp > triples[mid * 3 + 1]!) lo = mid + 1
    else return triples[mid * 3 + 2]!
  }
  return -1
}

/** The first family, in order, whose unicode-ranges cover cp, and its subset name. */
function cover(
  cp: number,
  families: readonly Family[],
): { family: Family; subset: string } | undefined {
  for (const family of families) {
    const i = lookup(RANGES[family].ranges, cp)
    if (i >= 0) return { family, subset: RANGES[family].subsets[i]! }
  }
  return undefined
}

/** Advance width of cp in em, from the family that will draw it (1em when unknown: CJK-wide). */
export function advance(cp: number, families: readonly Family[]): number {
  const family = cover(cp, families)?.family ?? families[0]!
  const w = lookup(WIDTHS[family], cp)
  return w < 0 ? 1 : w / 1000
}

/** Paths (under the assets root) of the subset files that draw `text`, in first-use order. */
export function fontFiles(text: string, families: readonly Family[], weight: Weight): string[] {
  const files = new Set<string>()
  for (const ch of text) {
    const c = cover(ch.codePointAt(0)!, families)
    if (c) files.add(`fonts/${c.family}-${c.subset}-${weight}.woff`)
  }
  return [...files]
}

// Isolate-wide cache of font bytes: a subset is read once per isolate, then reused by every card.
// Only finished reads are shared: a pending read belongs to the request that started it (workerd
// drops promises settled after their request ended), so concurrent cold requests may read twice.
const cache = new Map<string, ArrayBuffer>()
let cachedBytes = 0
const CACHE_LIMIT = 32 * 1024 * 1024 // of the isolate's 128 MB

async function readCached(path: string, read: ReadFile): Promise<ArrayBuffer> {
  const hit = cache.get(path)
  if (hit) return hit
  const data = await read(path)
  if (cachedBytes + data.byteLength > CACHE_LIMIT) clearFontCache()
  cache.set(path, data)
  cachedBytes += data.byteLength
  return data
}

export interface LoadedFonts {
  fonts: SatoriFont[]
  /** Font family list per weight, for the `fontFamily` style. */
  families: Record<Weight, string>
  bytes: number
  /** Files read from storage for this call (the rest came from the isolate cache). */
  fetched: number
}

/** Loads the subsets that draw each text at its weight. */
export async function loadFonts(
  texts: { text: string; weight: Weight }[],
  families: readonly Family[],
  read: ReadFile,
): Promise<LoadedFonts> {
  const wanted: { path: string; weight: Weight }[] = []
  for (const { text, weight } of texts) {
    for (const path of fontFiles(text, families, weight)) {
      if (!wanted.some((w) => w.path === path)) wanted.push({ path, weight })
    }
  }
  const fetched = wanted.filter(({ path }) => !cache.has(path)).length
  const datas = await Promise.all(wanted.map(({ path }) => readCached(path, read)))
  const fonts = wanted.map(({ path, weight }, i) => ({
    name: path.slice(6, -5), // "fonts/kr-57-700.woff" -> "kr-57-700"
    data: datas[i]!,
    weight,
    style: 'normal' as const,
  }))
  const names = (w: Weight) =>
    fonts
      .filter((f) => f.weight === w)
      .map((f) => f.name)
      .join(', ')
  return {
    fonts,
    families: { 400: names(400), 700: names(700) },
    bytes: datas.reduce((n, d) => n + d.byteLength, 0),
    fetched,
  }
}

/** Forgets the cached font bytes (benchmarks and tests measure cold loads with it). */
export function clearFontCache(): void {
  cache.clear()
  cachedBytes = 0
}
