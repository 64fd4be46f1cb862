/**
 * Width, height and type of an article's main image, read from its first bytes (the header is
 * enough for JPEG, PNG, WebP and GIF), with a short timeout. Used by content:push so og:image:width
 * and height appear without the author writing them.
 */
import { imageSize } from 'image-size'

export interface ImageFacts {
  width: number
  height: number
  type: string
}

const MAX_BYTES = 256 * 1024
const MIME: Record<string, string> = {
  jpg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  avif: 'image/avif',
  svg: 'image/svg+xml',
}

export class ProbeError extends Error {
  /** The network itself is unreachable (offline), as opposed to this one image failing. */
  constructor(
    message: string,
    readonly offline: boolean,
  ) {
    super(message)
  }
}

export async function probeImage(url: string, timeoutMs = 3_000): Promise<ImageFacts> {
  let res: Response
  try {
    res = await fetch(url, {
      headers: {
        range: `bytes=0-${MAX_BYTES - 1}`,
        'user-agent': 'edge-article-renderer content:push',
      },
      signal: AbortSignal.timeout(timeoutMs),
    })
  } catch (error) {
    const code = (error as { cause?: { code?: string } }).cause?.code ?? ''
    throw new ProbeError(
      `${url}: ${(error as Error).name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : (error as Error).message + (code ? ` (${code})` : '')}`,
      /ENOTFOUND|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH/.test(code),
    )
  }
  if (!res.ok || !res.body) throw new ProbeError(`${url}: HTTP ${res.status}`, false)
  // Read just until the header parses.
  // A fetch body is bytes; the Workers types leave the chunks `any`.
  const reader = res.body.getReader() as ReadableStreamDefaultReader<Uint8Array>
  let buffer: Uint8Array = new Uint8Array(0)
  try {
    while (buffer.length < MAX_BYTES) {
      const { done, value } = await reader.read()
      if (value) buffer = concat(buffer, value)
      const facts = tryParse(buffer)
      if (facts) return facts
      if (done) break
    }
  } catch (error) {
    throw new ProbeError(
      `${url}: ${(error as Error).name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : (error as Error).message}`,
      false,
    )
  } finally {
    reader.cancel().catch(() => {})
  }
  throw new ProbeError(`${url}: not an image this probe can read`, false)
}

/** Width, height and type from a whole file's bytes (a picture pushed with the site), or undefined. */
export const imageFactsOf = (bytes: Uint8Array): ImageFacts | undefined => tryParse(bytes)

function tryParse(bytes: Uint8Array): ImageFacts | undefined {
  try {
    const { width, height, type } = imageSize(bytes)
    return width && height && type
      ? { width, height, type: MIME[type] ?? `image/${type}` }
      : undefined
  } catch {
    return undefined // not enough bytes yet, or not an image
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length)
  out.set(a)
  out.set(b, a.length)
  return out
}
