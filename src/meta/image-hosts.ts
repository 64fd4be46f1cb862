/**
 * Whether a browser will load an image under the page's CSP `img-src 'self' data: <IMAGE_HOSTS>`
 * (src/headers.ts), with CSP's own source matching: an origin matches its scheme and host (default
 * port), `https:` any https URL, `https://*.example.com` the subdomains of example.com only.
 */
export function cspAllowsImage(url: string, pageOrigin: string, imageHosts: string[]): boolean {
  let target: URL
  try {
    target = new URL(url, pageOrigin)
  } catch {
    return false
  }
  if (target.protocol === 'data:') return true
  if (target.origin === new URL(pageOrigin).origin) return true
  return imageHosts.some((source) => matches(target, source))
}

function matches(target: URL, source: string): boolean {
  if (source === 'https:') return target.protocol === 'https:'
  const m = /^https:\/\/(\*\.)?([^:/]+)(?::(\d+))?$/i.exec(source)
  if (!m || target.protocol !== 'https:') return false
  const [, wildcard, host, port = ''] = m
  if (target.port !== (port === '443' ? '' : port)) return false
  const hostname = target.hostname.toLowerCase()
  return wildcard ? hostname.endsWith(`.${host!.toLowerCase()}`) : hostname === host!.toLowerCase()
}

/** The `src` of every `<img>` in sanitized body HTML (our serializer always double-quotes). */
export function bodyImageUrls(html: string): string[] {
  return [...html.matchAll(/<img\b[^>]*?\ssrc="([^"]*)"/gi)].map((m) =>
    m[1]!.replaceAll('&amp;', '&').replaceAll('&quot;', '"'),
  )
}
