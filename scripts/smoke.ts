/**
 * npm run smoke -- <origin> [--article /ko/some-slug] [--lang ko]
 *
 * Checks a running site from outside, the way only a real deployment can be checked: each page kind
 * answers with its type, a second request is a cache HIT, Cache-Tag never reaches clients, the
 * security headers are there. With ADMIN_TOKEN set it also writes: it publishes a throwaway article
 * (`smoke-check-<time>`, live for a few seconds), changes it, and checks that the page and its
 * listing turn into a MISS showing the change, that its share card is a PNG, and that deleting it
 * answers 404. One line per check; exit code 1 if any failed.
 *
 * The cache's verdict is read from `cf-cache-status` (Workers Cache, in production) or, where that is
 * absent, from the Worker's own `x-cache` (its in-Worker Cache API, under npm start). This script
 * deliberately shares no code with the Worker: it checks what the site answers, not what it meant.
 */
import { commandLine, usageError } from './lib/args'
import { isMain } from './lib/is-main'

export interface SmokeOptions {
  origin: string
  /** An article path to check; default: the first URL of the sitemap. */
  article?: string
  /** The language of the throwaway article; default: the checked article's. */
  lang?: string
  /** The admin token for the write half; without it only reads are checked. */
  token?: string
  /** How long a change may take to show (propagation of a purge). */
  settleMs?: number
  log?: (line: string) => void
}

type Report = (ok: boolean | null, line: string) => void

interface Check {
  ok: boolean
  line: string
}

export async function smoke(options: SmokeOptions): Promise<{ passed: number; failed: number }> {
  const log = options.log ?? console.log
  const origin = options.origin.replace(/\/+$/, '')
  const settleMs = options.settleMs ?? 15_000
  const results: Check[] = []
  /** A check's verdict, or (`null`) a note that counts for nothing. */
  const report: Report = (ok, line) => {
    if (ok === null) return log(`· ${line}`)
    results.push({ ok, line })
    log(`${ok ? '✓' : '✗'} ${line}`)
  }
  const get = (path: string, init?: RequestInit) =>
    fetch(new URL(path, origin), { redirect: 'manual', ...init })

  const article = options.article ?? (await firstArticle(get).catch(() => undefined))
  if (!article) {
    report(false, `no article to check: ${origin}/sitemap.xml lists none (pass --article /ko/slug)`)
    return summary(results, log)
  }
  const lang = options.lang ?? article.split('/')[1] ?? 'ko'
  const [, , slug] = article.split('/')
  const pages: [kind: string, path: string, type: RegExp][] = [
    ['article', article, /^text\/html; charset=utf-8$/i],
    ['JSON API', `/api/articles/${lang}/${slug}`, /^application\/json; charset=utf-8$/i],
    ['listing', `/${lang}/`, /^text\/html; charset=utf-8$/i],
  ]
  for (const [kind, path, type] of pages) {
    const first = await get(path)
    const body = await first.text()
    const contentType = first.headers.get('content-type') ?? '(none)'
    report(
      first.status === 200 && type.test(contentType),
      `${kind} ${path}: ${first.status} ${contentType}`,
    )
    report(
      !first.headers.has('cache-tag'),
      `${kind}: no Cache-Tag header reaches clients${first.headers.has('cache-tag') ? ` (got "${first.headers.get('cache-tag')}")` : ''}`,
    )
    const second = await get(path)
    await second.arrayBuffer()
    const [before, after] = [cacheState(first), cacheState(second)]
    report(
      after.state === 'HIT',
      `${kind}: ${before.state} then ${after.state} (${after.header})${before.state === 'HIT' ? ', already cached' : ''}`,
    )
    if (kind === 'article') {
      checkSecurityHeaders(first, origin, report)
      await checkImage(get, { page: { html: body, origin }, report })
    }
  }

  if (options.token) await writeHalf({ get, origin, lang, token: options.token, settleMs, report })
  else report(null, 'ADMIN_TOKEN not set: publishing and purging not checked')
  return summary(results, log)
}

function summary(results: Check[], log: (line: string) => void) {
  const failed = results.filter((r) => !r.ok).length
  const passed = results.length - failed
  log(`${passed} passed, ${failed} failed`)
  return { passed, failed }
}

/** The first article URL the sitemap (or its first part) lists. */
async function firstArticle(get: (path: string) => Promise<Response>): Promise<string | undefined> {
  let xml = await (await get('/sitemap.xml')).text()
  const part = /<sitemap>\s*<loc>([^<]+)<\/loc>/.exec(xml)?.[1]
  if (part) xml = await (await get(new URL(decodeXml(part)).pathname)).text()
  for (const [, loc] of xml.matchAll(/<url>\s*<loc>([^<]+)<\/loc>/g)) {
    const path = new URL(decodeXml(loc!)).pathname
    // An article is /<lang>/<slug>; the language homes are /<lang>/.
    if (/^\/[^/]+\/[^/]+$/.test(path)) return path
  }
  return undefined
}

const decodeXml = (text: string) =>
  text.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>')

function cacheState(res: Response): { state: string; header: string } {
  const cf = res.headers.get('cf-cache-status')
  if (cf) return { state: cf.toUpperCase(), header: 'cf-cache-status' }
  const own = res.headers.get('x-cache')
  if (own) return { state: own.toUpperCase(), header: 'x-cache' }
  return { state: 'NONE', header: 'no cache header' }
}

function checkSecurityHeaders(res: Response, origin: string, report: Report) {
  const csp = res.headers.get('content-security-policy') ?? ''
  report(
    /default-src 'none'/.test(csp) && !/script-src[^;]*'unsafe-inline'/.test(csp),
    `article: Content-Security-Policy forbids scripts (${csp ? "default-src 'none'" : 'missing'})`,
  )
  for (const [name, expected] of [
    ['x-content-type-options', /^nosniff$/i],
    ['referrer-policy', /./],
    ['x-frame-options', /./],
  ] as const)
    report(
      expected.test(res.headers.get(name) ?? ''),
      `article: ${name}: ${res.headers.get(name) ?? '(missing)'}`,
    )
  if (origin.startsWith('https:'))
    report(
      /max-age=\d+/.test(res.headers.get('strict-transport-security') ?? ''),
      `article: strict-transport-security: ${res.headers.get('strict-transport-security') ?? '(missing)'}`,
    )
}

/** og:image answers an image (a share card must be a PNG). */
async function checkImage(
  get: (path: string) => Promise<Response>,
  {
    page,
    report,
    label = 'og:image',
  }: {
    page: { html: string; origin: string }
    report: Report
    /** What the image is called in the report. */
    label?: string
  },
) {
  const { html } = page
  const url = /<meta property="og:image" content="([^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, '&')
  if (!url) return report(false, `${label}: the page has none`)
  try {
    const res = await get(url)
    const bytes = new Uint8Array(await res.arrayBuffer())
    const type = res.headers.get('content-type') ?? '(none)'
    const card = new URL(url).pathname.startsWith('/og/')
    const png = String.fromCharCode(...bytes.slice(1, 4)) === 'PNG'
    report(
      res.status === 200 && (card ? type === 'image/png' && png : type.startsWith('image/')),
      `${label} ${url}: ${res.status} ${type}${card ? (png ? ', a PNG' : ', not a PNG') : ''}`,
    )
  } catch (error) {
    const message = (error as Error).message
    // Another site's picture out of reach from here (a firewall, no network) is not the site's
    // failure: said, not counted. The site's own images and cards must answer.
    if (new URL(url).origin !== page.origin)
      return report(null, `${label} ${url}: not reachable from here (${message})`)
    report(false, `${label} ${url}: ${message}`)
  }
}

/** Publish a throwaway article, change it, delete it; every step must show at once. */
async function writeHalf(w: {
  get: (path: string, init?: RequestInit) => Promise<Response>
  origin: string
  lang: string
  token: string
  settleMs: number
  report: Report
}) {
  const { get, lang, report } = w
  const slug = `smoke-check-${Date.now()}`
  const page = `/${lang}/${slug}`
  const listing = `/${lang}/`
  const auth = { authorization: `Bearer ${w.token}` }
  const source = (title: string) =>
    `---\ntitle: ${title}\ndescription: A throwaway article npm run smoke publishes and deletes.\n---\n<p>${title}.</p>\n`
  const put = (title: string) =>
    get(`/admin/articles/${lang}/${slug}`, {
      method: 'PUT',
      headers: { ...auth, 'content-type': 'text/html' },
      body: source(title),
    })

  const created = await put(`Smoke check ${slug}`)
  report(created.status === 201, `publish ${page}: ${created.status}`)
  await created.arrayBuffer()
  if (created.status !== 201) return
  try {
    const first = await until(
      w.settleMs,
      () => get(page),
      (res, text) => res.status === 200 && text.includes(slug),
    )
    report(first.ok, `${page} is served after publishing (${first.detail})`)
    const again = await get(page)
    await again.arrayBuffer()
    report(cacheState(again).state === 'HIT', `${page}: then ${cacheState(again).state}`)
    // Warm the listing, so the change below must purge it.
    for (let i = 0; i < 2; i++) await (await get(listing)).arrayBuffer()
    await checkImage(get, {
      page: { html: first.text, origin: w.origin },
      report,
      label: 'share card',
    })

    const changed = `Smoke check changed ${slug}`
    const updated = await put(changed)
    report(updated.status === 200, `update ${page}: ${updated.status}`)
    await updated.arrayBuffer()
    for (const [kind, path] of [
      ['page', page],
      ['listing', listing],
    ] as const) {
      const seen = await until(
        w.settleMs,
        () => get(path),
        (_res, text) => text.includes(changed),
      )
      report(
        seen.ok && seen.state !== 'HIT',
        `${kind} ${path} shows the change after ${seen.ms} ms (${seen.state})`,
      )
    }
  } finally {
    const deleted = await get(`/admin/articles/${lang}/${slug}`, {
      method: 'DELETE',
      headers: auth,
    })
    await deleted.arrayBuffer()
    report(deleted.status === 200, `delete ${page}: ${deleted.status}`)
    const gone = await until(
      w.settleMs,
      () => get(page),
      (res) => res.status === 404,
    )
    report(gone.ok, `${page} answers 404 after deleting (${gone.detail})`)
  }
}

/** Ask again until the answer is as expected or the time is up (a purge takes a moment to spread). */
async function until(
  ms: number,
  ask: () => Promise<Response>,
  done: (res: Response, text: string) => boolean,
) {
  const started = Date.now()
  for (;;) {
    const res = await ask()
    const text = await res.text()
    const state = cacheState(res).state
    const ok = done(res, text)
    if (ok || Date.now() - started > ms)
      return { ok, text, state, ms: Date.now() - started, detail: `${res.status}, ${state}` }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

if (isMain(import.meta.url)) {
  const help = {
    usage: `usage: npm run smoke -- https://your.site [--article /ko/slug] [--lang ko]
       ADMIN_TOKEN=… npm run smoke -- https://your.site   (also checks publishing)`,
  }
  const { values, positionals } = commandLine(
    { article: { type: 'string' }, lang: { type: 'string' } },
    help,
  )
  const origin = positionals[0]
  if (!origin || !/^https?:\/\//.test(origin))
    usageError(
      origin ? `${origin} is not an http(s) address` : 'which site? give its address',
      help,
    )
  const { failed } = await smoke({
    origin,
    article: values.article,
    lang: values.lang,
    token: process.env.ADMIN_TOKEN || undefined,
  })
  process.exit(failed ? 1 : 0)
}
