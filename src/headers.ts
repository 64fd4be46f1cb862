/**
 * Security headers on every response. Pages need no script at all, so the policy can forbid it
 * outright; the one inline stylesheet is allowed by its hash, images only from the site and
 * IMAGE_HOSTS. Style attributes stay allowed: the sanitizer keeps only `color` in them.
 */
import type { MiddlewareHandler } from 'hono'
import { secureHeaders } from 'hono/secure-headers'
import type { AppEnv } from './env'
import { styles } from './render/styles'

let styleHash: Promise<string> | undefined
/** `'sha256-…'` of the inlined stylesheet, computed once per isolate. */
function stylesheetHash(): Promise<string> {
  styleHash ??= crypto.subtle.digest('SHA-256', new TextEncoder().encode(styles)).then((digest) => `'sha256-${btoa(String.fromCharCode(...new Uint8Array(digest)))}'`)
  return styleHash
}

export const securityHeaders: MiddlewareHandler<AppEnv> = async (c, next) => {
  const https = new URL(c.req.url).protocol === 'https:'
  const hash = await stylesheetHash()
  const headers = secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'none'"],
      imgSrc: ["'self'", 'data:', ...c.get('config').imageHosts],
      styleSrcElem: [hash],
      styleSrcAttr: ["'unsafe-inline'"],
      baseUri: ["'none'"],
      formAction: ["'none'"],
      frameAncestors: ["'none'"],
      ...(https && { upgradeInsecureRequests: [] }),
    },
    referrerPolicy: 'strict-origin-when-cross-origin',
    strictTransportSecurity: https ? 'max-age=31536000; includeSubDomains' : false,
    // Feeds, the JSON API and oEmbed are read by other sites' code.
    crossOriginResourcePolicy: /^\/(api\/|oembed|sitemap|robots|[^/]+\/feed\.xml)/.test(c.req.path) ? 'cross-origin' : 'same-origin',
    permissionsPolicy: { camera: [], microphone: [], geolocation: [], browsingTopics: [] },
  })
  return headers(c, next)
}
