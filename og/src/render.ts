// Card → SVG (satori) → PNG (resvg). Runtime-neutral: the caller hands over the two wasm modules
// (workerd: module imports, see wasm.ts; Node: file bytes) and a way to read font files.
import satori, { init as initSatori } from 'satori/standalone'
import { initWasm as initResvg, Resvg } from '@resvg/resvg-wasm'
import { cardTree, fit, FAMILIES, HEIGHT, texts, WIDTH, type CardInput } from './card'
import { loadFonts, type ReadFile } from './fonts'

// BufferSource spelled out: Node's types (bench/, og/scripts/) have no such global.
type WasmInput = WebAssembly.Module | ArrayBuffer | ArrayBufferView<ArrayBuffer>
let ready: Promise<unknown> | undefined

/** Call once per isolate (module scope is fine) before renderCard. */
export function initRenderer(yoga: WasmInput, resvg: WasmInput): Promise<unknown> {
  return (ready ??= Promise.all([initSatori(yoga), initResvg(resvg)]))
}

export interface RenderStats {
  fontSize: number
  lines: number
  truncated: boolean
  /** Font subset files used, their total size, and how many were read from storage this time. */
  fontFiles: number
  fontBytes: number
  fontFetched: number
  /** Wall-clock ms per stage (in deployed workerd the clock only moves on I/O: use them locally). */
  ms: { fonts: number; satori: number; resvg: number }
}

export async function renderCard(
  input: CardInput,
  read: ReadFile,
): Promise<{ png: Uint8Array; stats: RenderStats }> {
  if (!ready) throw new Error('initRenderer() was not called')
  await ready
  const t0 = performance.now()
  const fitted = fit(input)
  const fonts = await loadFonts(texts(input, fitted), FAMILIES[input.lang], read)
  const t1 = performance.now()
  const svg = await satori(cardTree(input, fitted, fonts), {
    width: WIDTH,
    height: HEIGHT,
    fonts: fonts.fonts,
  })
  const t2 = performance.now()
  // resvg-wasm objects live in wasm memory and have no finalizer: free them, or each card leaks its
  // 3 MB pixmap and the isolate runs out of its 128 MB after a few dozen cards.
  const resvg = new Resvg(svg)
  const image = resvg.render()
  const png = image.asPng()
  image.free()
  resvg.free()
  const t3 = performance.now()
  return {
    png,
    stats: {
      fontSize: fitted.fontSize,
      lines: fitted.lines.length,
      truncated: fitted.truncated,
      fontFiles: fonts.fonts.length,
      fontBytes: fonts.bytes,
      fontFetched: fonts.fetched,
      ms: { fonts: t1 - t0, satori: t2 - t1, resvg: t3 - t2 },
    },
  }
}
