/**
 * Hosted pictures (`npm run bench -- images`), against `wrangler dev` serving content/ (the sample
 * article en/seoul-heat-island and its 2400×1600 JPEG, docs/images.md):
 *
 * - The hero's bytes for a 375 px phone: the variant a browser picks from the page's own srcset and
 *   sizes (335 CSS px wide, at 2× and 3× density) in AVIF, WebP and JPEG, against the original.
 * - A variant's first request (a MISS: read from R2, transformed by the Images binding, cached):
 *   wall time, and workerd's CPU (the Worker's own; locally Miniflare runs Sharp in wrangler's Node
 *   process, so the wall time is what the transform costs here; on Cloudflare the Images binding's
 *   work is not the Worker's CPU).
 * - The same variant again (a HIT from the in-Worker cache): wall time and workerd CPU.
 */
import { startDevWorker } from '../scripts/lib/dev-worker'
import { cpuNs, workerdPids } from './workerd'

const ARTICLE = '/en/seoul-heat-island'
const PHONE_CSS_PX = 375 - 40 // calc(100vw - 2.5rem)
const HIT_ROUNDS = 20

export interface ImagesResult {
  originalBytes: number
  phone: { density: number; width: number; avif: number; webp: number; jpeg: number }[]
  miss: { format: string; wallMs: number; cpuMs: number }[]
  hit: { wallMsP50: number; cpuMsP50: number }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

export async function benchImages(): Promise<ImagesResult> {
  const worker = await startDevWorker()
  try {
    const page = await (await worker.get(ARTICLE)).text()
    const img = /<img src="([^"]+)" srcset="([^"]+)"[^>]*fetchpriority="high"/.exec(page)
    if (!img) throw new Error(`${ARTICLE} has no hosted hero with a srcset`)
    const candidates = img[2]!.split(', ').map((c) => {
      const [url, w] = c.split(' ')
      return { path: new URL(url!).pathname, width: Number(w!.slice(0, -1)) }
    })
    const original = candidates[0]!.path.replace(/\/\d+\.jpeg\//, '/')
    const originalBytes = (await (await worker.get(original)).arrayBuffer()).byteLength
    const bytesOf = async (path: string) =>
      (await (await worker.get(path)).arrayBuffer()).byteLength
    const pids = workerdPids()

    // Misses first: every width × format is new to this server.
    const miss: ImagesResult['miss'] = []
    const phone: ImagesResult['phone'] = []
    for (const density of [2, 3]) {
      const need = PHONE_CSS_PX * density
      const chosen = candidates.find((c) => c.width >= need) ?? candidates.at(-1)!
      const sizes: Record<string, number> = {}
      for (const format of ['avif', 'webp', 'jpeg']) {
        const path = chosen.path.replace(/\.jpeg\//, `.${format}/`)
        const cpu = cpuNs(pids)
        const started = performance.now()
        sizes[format] = await bytesOf(path)
        if (!miss.some((m) => m.format === `${chosen.width}.${format}`))
          miss.push({
            format: `${chosen.width}.${format}`,
            wallMs: performance.now() - started,
            cpuMs: (cpuNs(pids) - cpu) / 1e6,
          })
      }
      phone.push({
        density,
        width: chosen.width,
        avif: sizes.avif!,
        webp: sizes.webp!,
        jpeg: sizes.jpeg!,
      })
    }
    // Hits: the same variant again and again.
    const hitPath = candidates[0]!.path.replace(/\.jpeg\//, '.avif/')
    await bytesOf(hitPath)
    const walls: number[] = []
    const cpus: number[] = []
    for (let i = 0; i < HIT_ROUNDS; i++) {
      const cpu = cpuNs(pids)
      const started = performance.now()
      await bytesOf(hitPath)
      walls.push(performance.now() - started)
      cpus.push((cpuNs(pids) - cpu) / 1e6)
    }
    return { originalBytes, phone, miss, hit: { wallMsP50: median(walls), cpuMsP50: median(cpus) } }
  } finally {
    await worker.stop()
  }
}
