/**
 * Prepares the card Worker's fonts from the installed @fontsource packages (no download). Run by
 * `npm install` (postinstall), and again by start, test and bench when the output is missing or was
 * made from other package versions.
 *
 * 1. Copies the Noto Sans KR / JP unicode-range subsets (WOFF: satori 0.32 cannot read WOFF2) for the
 *    weights the card uses into og/public/fonts/, served as Workers static assets, never bundled.
 * 2. Writes og/src/generated/fonts.ts: each family's subset ranges (from the @fontsource CSS), so the
 *    Worker knows which few files a title needs, and the advance widths of every glyph that is not
 *    1 em wide, so the Worker can wrap and size titles before satori runs.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { isMain } from '../../scripts/lib/is-main.ts'

const require = createRequire(import.meta.url)

const FAMILIES = { kr: '@fontsource/noto-sans-kr', jp: '@fontsource/noto-sans-jp' } as const
const WEIGHTS = [400, 700] as const
const METRICS_WEIGHT = 700 // titles are bold; other text is one line, clipped by satori
const OG = join(dirname(fileURLToPath(import.meta.url)), '..')
const OUT = join(OG, 'public/fonts')
const GENERATED = join(OG, 'src/generated/fonts.ts')
const STAMP = join(OG, 'src/generated/.built-from')

interface OpenType {
  unitsPerEm: number
  tables: { cmap: { glyphIndexMap: Record<string, number> } }
  glyphs: { get(id: number): { advanceWidth: number } }
}

const packageDir = (pkg: string) => dirname(require.resolve(`${pkg}/package.json`))

/** What the output is made from: the two packages' versions and this script's settings. */
function sourceStamp(): string {
  const versions = Object.values(FAMILIES).map(
    (pkg) =>
      `${pkg}@${(JSON.parse(readFileSync(join(packageDir(pkg), 'package.json'), 'utf8')) as { version: string }).version}`,
  )
  return `${versions.join(' ')} weights=${WEIGHTS.join(',')} metrics=${METRICS_WEIGHT}\n`
}

type Face = { subset: string; file: string; ranges: [number, number][] }

function parseCss(css: string): Face[] {
  const faces: Face[] = []
  for (const block of css.split('@font-face').slice(1)) {
    const file = /url\(\.\/files\/([^)]+\.woff)\)/.exec(block)![1]!
    const subset = file.replace(/^noto-sans-[a-z]+-/, '').replace(/-\d00-normal\.woff$/, '')
    const ranges = /unicode-range:\s*([^;]+);/
      .exec(block)![1]!
      .split(',')
      .map((r) => {
        const [a, b = a] = r.trim().replace(/^U\+/i, '').split('-')
        return [parseInt(a!, 16), parseInt(b!, 16)] as [number, number]
      })
    faces.push({ subset, file, ranges })
  }
  return faces
}

/** Builds the fonts unless they are already built from the same packages; returns whether it did. */
export function buildFonts(options: { force?: boolean; quiet?: boolean } = {}): boolean {
  const stamp = sourceStamp()
  if (
    !options.force &&
    existsSync(GENERATED) &&
    existsSync(STAMP) &&
    readFileSync(STAMP, 'utf8') === stamp
  )
    return false
  // A dependency of satori, listed in our devDependencies for this script.
  const opentype = require('@shuding/opentype.js') as { parse(b: ArrayBuffer): OpenType }
  rmSync(OUT, { recursive: true, force: true })
  mkdirSync(OUT, { recursive: true })
  mkdirSync(dirname(GENERATED), { recursive: true })

  let bytes = 0
  let files = 0
  const ranges: Record<string, { subsets: string[]; ranges: number[] }> = {}
  const metrics: Record<string, number[]> = {}
  for (const [family, pkg] of Object.entries(FAMILIES)) {
    const dir = packageDir(pkg)
    let faces: Face[] = []
    for (const weight of WEIGHTS) {
      faces = parseCss(readFileSync(join(dir, `${weight}.css`), 'utf8'))
      for (const face of faces) {
        const src = join(dir, 'files', face.file)
        copyFileSync(src, join(OUT, `${family}-${face.subset}-${weight}.woff`))
        bytes += readFileSync(src).length
        files++
      }
    }
    // Ranges are the same for every weight: [first, last, subsetIndex, ...] sorted by first. When
    // unicode-ranges overlap, CSS tries the face declared last first, so later faces win here too.
    const owner = new Map<number, number>()
    faces.forEach((f, i) =>
      f.ranges.forEach(([a, b]) => {
        for (let c = a; c <= b; c++) owner.set(c, i)
      }),
    )
    const flat: number[] = []
    for (const c of [...owner.keys()].sort((x, y) => x - y)) {
      const i = owner.get(c)!
      const n = flat.length
      if (n && flat[n - 2] === c - 1 && flat[n - 1] === i) flat[n - 2] = c
      else flat.push(c, c, i)
    }
    ranges[family] = { subsets: faces.map((f) => f.subset), ranges: flat }

    // Advance widths at METRICS_WEIGHT of every covered code point whose glyph is not 1 em wide.
    const widths = new Map<number, number>()
    for (const face of faces) {
      const name = face.file.replace(/-\d00-normal/, `-${METRICS_WEIGHT}-normal`)
      const buf = readFileSync(join(dir, 'files', name))
      const font = opentype.parse(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength))
      for (const [cp, gid] of Object.entries(font.tables.cmap.glyphIndexMap)) {
        const advance = font.glyphs.get(gid).advanceWidth / font.unitsPerEm
        if (Math.abs(advance - 1) > 1e-6 && owner.has(+cp))
          widths.set(+cp, Math.round(advance * 1000))
      }
    }
    // Runs of consecutive code points with the same width: [first, last, width in 1/1000 em, ...].
    const runs: number[] = []
    for (const cp of [...widths.keys()].sort((x, y) => x - y)) {
      const w = widths.get(cp)!
      const n = runs.length
      if (n && runs[n - 2] === cp - 1 && runs[n - 1] === w) runs[n - 2] = cp
      else runs.push(cp, cp, w)
    }
    metrics[family] = runs
  }

  writeFileSync(
    GENERATED,
    '// Generated by og/scripts/build-fonts.ts from @fontsource/noto-sans-kr and -jp. Do not edit.\n' +
      `export const WEIGHTS = ${JSON.stringify(WEIGHTS)} as const\n` +
      `export const METRICS_WEIGHT = ${METRICS_WEIGHT}\n` +
      '/** Per family: subset names, and [first, last, subset index] triples sorted by first code point. */\n' +
      `export const RANGES: Record<'kr' | 'jp', { subsets: string[]; ranges: number[] }> = ${JSON.stringify(ranges)}\n` +
      '/** Per family: [first, last, advance in 1/1000 em] runs of the code points whose glyph is not 1 em wide. */\n' +
      `export const WIDTHS: Record<'kr' | 'jp', number[]> = ${JSON.stringify(metrics)}\n`,
  )
  writeFileSync(STAMP, stamp)
  if (!options.quiet)
    console.log(
      `og fonts: ${files} WOFF subsets (${(bytes / 1024 / 1024).toFixed(1)} MiB) → og/public/fonts/; ` +
        Object.entries(ranges)
          .map(([f, r]) => `${f}: ${r.subsets.length} subsets, ${r.ranges.length / 3} ranges`)
          .join('; '),
    )
  return true
}

if (isMain(import.meta.url)) buildFonts({ force: process.argv.includes('--force') })
