/**
 * A stand-in for a WordPress uploads host on 127.0.0.1 (no network): every image path answers with a
 * real JPEG (made by sharp, as wide and high as a `-300x200` suffix says, else 1600×900), except
 * `…/missing.jpg` (404), `…/slow.jpg` (headers after 30 s), `…/not-an-image.jpg` (an HTML error page
 * with status 200), `…/huge.jpg` (3 MB of JPEG-looking bytes) and `…/moved.jpg` (a 302 to
 * `…/moved-640x480.jpg`). Each image takes 20 ms, so fetches overlap; the server records every path
 * asked for and the most requests it had open at once.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import sharp from 'sharp'

export async function imageServer() {
  const requested: string[] = []
  const load = { open: 0, most: 0 }
  const made = new Map<string, Buffer>()
  const jpeg = async (width: number, height: number) => {
    const key = `${width}x${height}`
    let bytes = made.get(key)
    if (!bytes) {
      bytes = await sharp({ create: { width, height, channels: 3, background: '#3a6' } })
        .jpeg()
        .toBuffer()
      made.set(key, bytes)
    }
    return bytes
  }
  const timers = new Set<NodeJS.Timeout>()
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
    requested.push(path)
    load.most = Math.max(load.most, ++load.open)
    res.on('close', () => load.open--)
    const name = path.slice(path.lastIndexOf('/') + 1)
    if (name === 'missing.jpg' || !/\.(jpe?g|png|gif)$/i.test(name)) {
      res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not Found</h1>')
    } else if (name === 'slow.jpg') {
      const timer = setTimeout(() => {
        timers.delete(timer)
        void jpeg(10, 10).then((b) => res.writeHead(200, { 'content-type': 'image/jpeg' }).end(b))
      }, 30_000)
      timers.add(timer)
    } else if (name === 'not-an-image.jpg') {
      res
        .writeHead(200, { 'content-type': 'image/jpeg' })
        .end('<!doctype html><title>Error establishing a database connection</title>')
    } else if (name === 'moved.jpg') {
      res.writeHead(302, { location: path.replace('moved.jpg', 'moved-640x480.jpg') }).end()
    } else if (name === 'huge.jpg') {
      // No content-length: the limit must hold while reading, not only on the header.
      res.writeHead(200, { 'content-type': 'image/jpeg', 'transfer-encoding': 'chunked' })
      const chunk = Buffer.alloc(64 * 1024, 0xff)
      for (let i = 0; i < 48; i++) res.write(chunk)
      res.end()
    } else {
      const size = /-(\d+)x(\d+)\.[a-z]+$/i.exec(name)
      const timer = setTimeout(() => {
        timers.delete(timer)
        void jpeg(size ? Number(size[1]) : 1600, size ? Number(size[2]) : 900).then((bytes) =>
          res.writeHead(200, { 'content-type': 'image/jpeg' }).end(bytes),
        )
      }, 20)
      timers.add(timer)
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    requested,
    load,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer)
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
