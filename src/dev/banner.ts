/**
 * Development only (DEV_TOOLS, which only `npm start` sets): on an article address, a banner with
 * the error of the article's last failed save, and a link to its link-preview inspector. Added to
 * the response after the cache, never into it, and the response is marked no-store, so no cached
 * copy carries it. Production never reads the failure records.
 */
import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../env'
import { fill, messages } from '../i18n'
import { internalOf } from '../source'
import { articleAddress, articleKey } from '../source/keys'
import { escapeText } from '../transform/serialize'
import { readFailure, type SaveFailure } from './failures'

const BOX =
  'margin:0 0 1.5rem;padding:.75rem 1rem;border-radius:.5rem;font:.9rem/1.5 system-ui,sans-serif'

export const devTools: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next()
  // HEAD too (Hono answers it with the GET's response, body dropped): both get the same headers.
  if (!c.env.DEV_TOOLS || (c.req.method !== 'GET' && c.req.method !== 'HEAD')) return
  if (!c.res.headers.get('content-type')?.startsWith('text/html')) return
  const address = articleAddress(c.req.path, c.get('config').languages)
  if (!address) return
  const { lang, slug } = address
  const failure = await readFailure(internalOf(c.env, 'kv'), articleKey(lang, slug)).catch(
    () => null,
  )
  if (!failure && c.res.status !== 200) return
  const link = `<p style="${BOX};background:#eef3f8;color:#1b1d21"><a href="/preview/${lang}/${encodeURIComponent(slug)}">${escapeText(messages(lang).preview.devLink)}</a></p>`
  let article = false // only an article page (not the search page, say) gets the inspector link
  const rewritten = new HTMLRewriter()
    .on('meta[property="og:type"][content="article"]', {
      element() {
        article = true
      },
    })
    .on('main#content', {
      element(main) {
        const html = (failure ? banner(failure, lang) : '') + (article ? link : '')
        if (html) main.prepend(html, { html: true })
      },
    })
    .transform(c.res)
  // Only the body and the cache headers change: the response is built from the old one (status,
  // Content-Type with its charset, CSP, Link, Vary, every other header). Hono's setter would copy the
  // old headers onto a bare Response too, but never Content-Type: the page then shows as source text.
  c.res = new Response(rewritten.body, c.res)
  c.res.headers.delete('content-length')
  c.res.headers.set('cache-control', 'no-store')
  c.res.headers.set('cloudflare-cdn-cache-control', 'no-store')
  // The body is no longer the cached one: no validator may claim it is.
  c.res.headers.delete('etag')
  c.res.headers.delete('last-modified')
}

function banner(failure: SaveFailure, lang: string): string {
  const t = messages(lang).preview
  return (
    `<div role="alert" style="${BOX};background:#fdecea;color:#611a15;border:1px solid #f5c2c0">` +
    `<strong>${escapeText(fill(t.devFailed, { file: failure.file }))}</strong>` +
    `<pre style="white-space:pre-wrap;margin:.5rem 0;font-size:.85rem">${escapeText(failure.message)}</pre>` +
    `${escapeText(failure.previousServed ? t.devOlder : t.devNotServed)}</div>`
  )
}
