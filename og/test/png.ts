/**
 * Reading PNGs in tests, independently of the code that makes them: upng-js (pure JS, runs in
 * workerd) decodes, and pixels are counted in boxes of the 1200×630 card.
 */
import UPNG from 'upng-js'

export interface Image {
  width: number
  height: number
  rgba: Uint8Array
}

/** [x, y, width, height] */
export type Box = readonly [number, number, number, number]

/** Where the title lines are drawn: the middle of the centred 630×630 square. */
export const TITLE_BOX: Box = [300, 170, 600, 300]

export function decode(png: ArrayBuffer | Uint8Array): Image {
  const bytes = png instanceof Uint8Array ? png.slice().buffer : png
  const img = UPNG.decode(bytes)
  return { width: img.width, height: img.height, rgba: new Uint8Array(UPNG.toRGBA8(img)[0]!) }
}

/** Pixels in the box clearly unlike the box's top-left pixel (the background): ink. */
export function inked(img: Image, [x0, y0, w, h]: Box): number {
  const at = (x: number, y: number) => (y * img.width + x) * 4
  const bg = at(x0, y0)
  let n = 0
  for (let y = y0; y < y0 + h; y++)
    for (let x = x0; x < x0 + w; x++) {
      const i = at(x, y)
      const d =
        Math.abs(img.rgba[i]! - img.rgba[bg]!) +
        Math.abs(img.rgba[i + 1]! - img.rgba[bg + 1]!) +
        Math.abs(img.rgba[i + 2]! - img.rgba[bg + 2]!)
      if (d > 48) n++
    }
  return n
}

/** Pixels in the box whose colour differs between two images of the same size. */
export function differing(a: Image, b: Image, [x0, y0, w, h]: Box = [0, 0, a.width, a.height]) {
  let n = 0
  for (let y = y0; y < y0 + h; y++)
    for (let x = x0; x < x0 + w; x++) {
      const i = (y * a.width + x) * 4
      if (
        a.rgba[i] !== b.rgba[i] ||
        a.rgba[i + 1] !== b.rgba[i + 1] ||
        a.rgba[i + 2] !== b.rgba[i + 2]
      )
        n++
    }
  return n
}
