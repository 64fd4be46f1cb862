/**
 * Security headers on every response. Pages need no script at all, so the policy can forbid it
 * outright; the inline stylesheets (the site's, and the inspector's own) are allowed by their hashes, images only from the site and
 * IMAGE_HOSTS. Style attributes stay allowed: the sanitizer keeps only `color` in them.
 */
import type { MiddlewareHandler } from 'hono'
import { secureHeaders } from 'hono/secure-headers'
import type { SiteConfig } from './config'
import type { AppEnv } from './env'
import { previewStyles, styles } from './render/styles'

const sha256 = (text: string) =>
  crypto.subtle
    .digest('SHA-256', new TextEncoder().encode(text))
    .then((digest) => `'sha256-${btoa(String.fromCharCode(...new Uint8Array(digest)))}'`)

let styleHashes: Promise<string[]> | undefined
/** `'sha256-…'` of each inlined stylesheet, computed once per isolate. */
function stylesheetHashes(): Promise<string[]> {
  styleHashes ??= Promise.all([styles, previewStyles].map(sha256))
  return styleHashes
}

/** Paths other sites' code reads or shows: feeds, the JSON API, oEmbed, sitemaps, share cards. */
const SHARED = /^\/(api\/|oembed|og\/|sitemap|robots|[^/]+\/feed\.xml)/

function policy(
  config: SiteConfig,
  {
    hashes,
    https,
    shared,
  }: {
    /** The inline stylesheets' hashes, the only styles allowed. */
    hashes: string[]
    /** The request came over HTTPS: HSTS, and insecure requests upgraded. */
    https: boolean
    /** The path is one other sites' code reads or shows (SHARED): readable cross-origin. */
    shared: boolean
  },
): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'none'"],
      imgSrc: ["'self'", 'data:', ...config.imageHosts],
      styleSrcElem: hashes,
      styleSrcAttr: ["'unsafe-inline'"],
      baseUri: ["'none'"],
      formAction: ["'self'"], // the search form
      frameAncestors: ["'none'"],
      ...(https && { upgradeInsecureRequests: [] }),
    },
    referrerPolicy: 'strict-origin-when-cross-origin',
    strictTransportSecurity: https ? 'max-age=31536000; includeSubDomains' : false,
    crossOriginResourcePolicy: shared ? 'cross-origin' : 'same-origin',
    permissionsPolicy: { camera: [], microphone: [], geolocation: [], browsingTopics: [] },
  })
}

/** The four variants per configuration, built once rather than on every request. */
const policies = new WeakMap<SiteConfig, Map<string, MiddlewareHandler>>()

export const securityHeaders: MiddlewareHandler<AppEnv> = async (c, next) => {
  const config = c.get('config')
  const https = new URL(c.req.url).protocol === 'https:'
  const shared = SHARED.test(c.req.path)
  let built = policies.get(config)
  if (!built) policies.set(config, (built = new Map<string, MiddlewareHandler>()))
  const key = `${https}/${shared}`
  let handler = built.get(key)
  if (!handler)
    built.set(key, (handler = policy(config, { hashes: await stylesheetHashes(), https, shared })))
  return handler(c, next)
}
