/**
 * A stand-in for Workers Cache, the tiered cache Cloudflare runs in front of the Worker in production
 * (`[cache] enabled = true`). Nothing of it exists locally: under Miniflare `ctx.cache` is undefined.
 * So tests of the production path put this in front of the app.
 *
 * Every rule below comes from Cloudflare's documentation of Workers Cache, not from this project's
 * code, and quotes the sentence it implements (developers.cloudflare.com/workers/cache/ and its
 * pages configuration, cache-keys, purge, limitations; the changelog of 2026-09-29 for invalidate;
 * /cache/how-to/purge-cache/ for the rate limit). Where the documentation says nothing, the rule
 * follows RFC 9111 and says so. docs/caching.md lists the rules and what the stand-in leaves out.
 *
 * Time is the stand-in's own clock (`advance(seconds)`), so a test moves past a freshness window
 * without waiting; background revalidations are awaited with `settled()`, never with a sleep.
 */

/** The Worker behind the cache: one invocation per request it is given. */
export type Origin = (request: Request) => Promise<Response>

export interface StandInOptions {
  /**
   * "The Worker version, by default. Each deployed version has its own cache, so a new deployment
   * does not serve responses written by a previous version." (cache-keys)
   */
  version?: string
  /** "You can turn this off with `cache.cross_version_cache`" (cache-keys). */
  crossVersionCache?: boolean
}

/** What a request brings to its key. `cacheKey` is `cf.cacheKey` set by a calling entrypoint. */
export interface KeyedRequest {
  url: string
  headers: Headers
  entrypoint: string
  version: string | undefined
  cacheKey?: string
  props?: unknown
}

/**
 * "As anti-cache-poisoning measures, the key also includes: The `x-http-method-override`,
 * `x-http-method`, and `x-method-override` request headers. The `x-forwarded-host`, `x-host`,
 * `x-forwarded-scheme` (unless its value is `http` or `https`), `x-original-url`, `x-rewrite-url`,
 * and `forwarded` request headers. The value of the `Cloudflare-Workers-Version-Key` request
 * header." (cache-keys)
 */
const POISONING_HEADERS = [
  'x-http-method-override',
  'x-http-method',
  'x-method-override',
  'x-forwarded-host',
  'x-host',
  'x-forwarded-scheme',
  'x-original-url',
  'x-rewrite-url',
  'forwarded',
  'cloudflare-workers-version-key',
]

/**
 * The part of the key that names the resource: "the path and query string of the request URL" (not
 * the host: "The cache key does not include the host"), which "A custom cache key replaces", and
 * "Set `cf.cacheKey` to an empty string, or omit it, to fall back to the default URL-derived key."
 * (cache-keys). Exported so a canonicalizing caller can be modelled by passing `cacheKey`.
 */
export function resourceKey(request: Pick<KeyedRequest, 'url' | 'cacheKey'>): string {
  if (request.cacheKey) return request.cacheKey
  const { pathname, search } = new URL(request.url)
  // "Query parameter order matters … Trailing slashes matter too": the raw path and query, as sent.
  return pathname + search
}

/**
 * The whole key. "Workers Caching keys responses by: The target entrypoint … The path and query
 * string … The Worker version, by default … The invocation's `ctx.props`" (cache-keys). Notably not
 * "The HTTP method. `GET` and `HEAD` requests for the same URL share a single cache entry."
 */
export function cacheKeyOf(request: KeyedRequest): string {
  const poisoning = POISONING_HEADERS.map((name) => {
    const value = request.headers.get(name)
    if (name === 'x-forwarded-scheme' && (value === 'http' || value === 'https')) return null
    return value
  })
  return JSON.stringify([
    request.entrypoint,
    resourceKey(request),
    request.version ?? null,
    request.props ?? null,
    poisoning,
  ])
}

/** A response's caching rule, read from the header that wins. */
interface Rule {
  /** Seconds fresh. */
  ttl: number
  /** Seconds a stale copy may be served while it revalidates in the background. */
  swr: number
  /** Seconds a stale copy may stand in for a failing Worker (Infinity: the documented default). */
  sie: number
  /** Revalidate before every use (`no-cache`). */
  noCache: boolean
}

type Directives = Map<string, string>

/** RFC 9111 §5.2: comma-separated directives, names case-insensitive, values maybe quoted. */
function parseDirectives(value: string): Directives {
  const out: Directives = new Map()
  for (const part of value.split(',')) {
    const [name = '', ...rest] = part.split('=')
    const key = name.trim().toLowerCase()
    if (key) out.set(key, rest.join('=').trim().replace(/^"|"$/g, ''))
  }
  return out
}

const seconds = (d: Directives, name: string): number | undefined => {
  if (!d.has(name)) return undefined
  const n = Number(d.get(name))
  return Number.isFinite(n) && n >= 0 ? n : 0
}

/**
 * "When multiple cache headers are present, the most specific wins: 1. `cloudflare-cdn-cache-control`
 * … 2. `cdn-cache-control` … 3. `Cache-Control`" (configuration, Header precedence).
 */
function winningRule(headers: Headers): Directives | undefined {
  for (const name of ['cloudflare-cdn-cache-control', 'cdn-cache-control', 'cache-control']) {
    const value = headers.get(name)
    if (value !== null) return parseDirectives(value)
  }
  return undefined
}

/**
 * "If your Worker returns a response with **no** `Cache-Control` header (and no `Expires` header),
 * Cloudflare applies RFC 9111 heuristic freshness using the table below. Responses whose status is
 * not in the table are not cached by default." (configuration)
 */
const HEURISTIC_SECONDS: Record<number, number> = {
  200: 7200,
  203: 7200,
  204: 7200,
  300: 1200,
  301: 1200,
  404: 180,
  405: 60,
  410: 180,
  414: 60,
  501: 60,
}

type Verdict = { store: true; rule: Rule; stripSetCookie: boolean } | { store: false; why: string }

/** Whether a response to a request may be kept, and by which rule. */
function verdict(request: Request, response: Response): Verdict {
  const { status, headers } = response
  // "Workers Caching never stores the following responses, even with explicit `Cache-Control`
  // directives: `520`–`526` … `206 Partial Content`" (limitations).
  if ((status >= 520 && status <= 526) || status === 206)
    return { store: false, why: `status ${status}` }
  // "`Vary: *` disables caching." (configuration, Vary)
  if (
    headers
      .get('vary')
      ?.split(',')
      .some((v) => v.trim() === '*')
  )
    return { store: false, why: 'Vary: *' }
  const d = winningRule(headers)
  const expires = headers.get('expires')
  if (!d) {
    if (expires !== null) {
      const left = (Date.parse(expires) - Date.parse(headers.get('date') ?? '')) / 1000
      const ttl = Number.isFinite(left) && left > 0 ? left : 0
      return { store: true, rule: plainRule(ttl), stripSetCookie: false }
    }
    const heuristic = HEURISTIC_SECONDS[status]
    if (heuristic === undefined) return { store: false, why: `no rule for status ${status}` }
    if (headers.has('set-cookie')) return { store: false, why: 'Set-Cookie' }
    if (request.headers.has('authorization')) return { store: false, why: 'Authorization' }
    return { store: true, rule: plainRule(heuristic), stripSetCookie: false }
  }
  // "The response `Cache-Control` header includes `private` or `no-store`." (configuration,
  // Automatic bypass conditions). `private="set-cookie"` is not a bypass, see below.
  if (d.has('no-store')) return { store: false, why: 'no-store' }
  const privateValue = d.get('private')
  if (privateValue !== undefined && !/^set-cookie$/i.test(privateValue))
    return { store: false, why: 'private' }
  // "The response includes a `Set-Cookie` header (unless `Cache-Control` includes
  // `private="set-cookie"` or `no-cache="set-cookie"`, in which case the `Set-Cookie` is stripped
  // from the cached copy)." (configuration)
  const cookieExempt = /^set-cookie$/i.test(privateValue ?? d.get('no-cache') ?? '')
  if (headers.has('set-cookie') && !cookieExempt) return { store: false, why: 'Set-Cookie' }
  // "The request includes an `Authorization` header. The response is only stored if
  // `Cache-Control` includes `public`, `must-revalidate`, or `s-maxage`" (configuration).
  if (
    request.headers.has('authorization') &&
    !(d.has('public') || d.has('must-revalidate') || d.has('s-maxage'))
  )
    return { store: false, why: 'Authorization' }
  // RFC 9111 §5.2.2.10: a shared cache takes s-maxage over max-age.
  const ttl = seconds(d, 's-maxage') ?? seconds(d, 'max-age') ?? 0
  // "If your response includes any of `s-maxage`, `must-revalidate`, or `proxy-revalidate`, the
  // stale-serving behavior is disabled … The same is true for `stale-if-error`." (configuration)
  const noStale = d.has('s-maxage') || d.has('must-revalidate') || d.has('proxy-revalidate')
  // "If you do not set `stale-if-error` explicitly, and your response does not carry `s-maxage`,
  // `must-revalidate`, or `proxy-revalidate`, Cloudflare's default behavior is to serve stale
  // responses on Worker error indefinitely" (configuration).
  const sie = noStale ? 0 : (seconds(d, 'stale-if-error') ?? Infinity)
  const swr = noStale ? 0 : (seconds(d, 'stale-while-revalidate') ?? 0)
  // "`Cache-Control: no-cache` does not bypass the cache. The response is stored, but the cached
  // entry is treated as stale immediately" (configuration).
  const noCache = d.has('no-cache') && !cookieExempt
  return { store: true, rule: { ttl, swr, sie, noCache }, stripSetCookie: cookieExempt }
}

const plainRule = (ttl: number): Rule => ({ ttl, swr: 0, sie: Infinity, noCache: false })

/**
 * "Tag values must be printable ASCII (`0x21`–`0x7E`) — no spaces, no Unicode, no control
 * characters. Each tag is at most 1024 characters long. A response can carry up to 1000 tags for
 * purge purposes. Tag matching at purge time is case-insensitive. … Invalid tags (over-length,
 * containing spaces, or containing non-ASCII characters) are silently dropped during cache storage"
 * (configuration, Cache-Tag).
 */
export function storedTags(header: string | null): string[] {
  return (header ?? '')
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => /^[\x21-\x7e]{1,1024}$/.test(tag))
    .slice(0, 1000)
    .map((tag) => tag.toLowerCase())
}

/**
 * "`cloudflare-cdn-cache-control` — … Consumed by Cloudflare and stripped from the response returned
 * to clients." "Cloudflare consumes this [`Cache-Tag`] header and strips it before the response
 * reaches the client." (configuration). `cdn-cache-control` is "passed through to downstream CDNs".
 */
function clientHeaders(headers: Headers): Headers {
  const out = new Headers(headers)
  out.delete('cloudflare-cdn-cache-control')
  out.delete('cache-tag')
  return out
}

interface Variant {
  entrypoint: string
  resource: string
  /** The request path, which `pathPrefixes` purges match. */
  path: string
  /** The request's values of the headers the response varies on. */
  varyOn: [string, string | null][]
  status: number
  /** As the Worker sent them (the rule is re-read from them on revalidation). */
  headers: Headers
  body: ArrayBuffer
  /** `cf.cacheKey` it was stored under, if any. */
  cacheKey?: string
  tags: string[]
  rule: Rule
  /** Clock time the copy was stored or last revalidated. */
  storedAt: number
  /** Clock time it stops being fresh (earlier after `invalidate()`). */
  freshUntil: number
}

export type CacheStatus =
  'HIT' | 'MISS' | 'EXPIRED' | 'REVALIDATED' | 'UPDATING' | 'STALE' | 'BYPASS'

/**
 * The purge rate limit: "`ctx.cache.purge()` uses the same rate-limiting system as the zone purge
 * API. However, … Workers Caching always uses the Free tier limits" (limitations), which are
 * "Requests: 5 requests per minute; Bucket size: 25; Max operations per request: 100", and
 * "Cloudflare uses token bucket rate limiting" (/cache/how-to/purge-cache/).
 */
export const PURGE_LIMITS = { perMinute: 5, bucket: 25, operations: 100 }

export class FakeWorkersCache {
  /** Variants by key. */
  private readonly entries = new Map<string, Variant[]>()
  private readonly background = new Set<Promise<unknown>>()
  private clock = Date.now()
  private tokens = PURGE_LIMITS.bucket
  private tokensAt = this.clock
  /** The deployed version, part of every key unless cross-version caching is on. */
  version: string
  private readonly crossVersion: boolean
  /** Tags of each purge call that was accepted, in order (lower-cased, as matched). */
  readonly purges: string[][] = []
  /** Responses not kept, and the documented reason (for a test's failure message). */
  readonly bypassed: { url: string; why: string }[] = []
  /** Requests the cache itself sent the Worker to revalidate a copy (conditional ones). */
  readonly revalidations: Request[] = []

  constructor(options: StandInOptions = {}) {
    this.version = options.version ?? 'version-1'
    this.crossVersion = options.crossVersionCache ?? false
  }

  /** Moves the cache's clock on, as if `seconds` passed. */
  advance(seconds: number) {
    this.clock += seconds * 1000
  }

  /** A new deployment: "A new deployment starts from a cold cache" (cache-keys). */
  deploy(version: string) {
    this.version = version
  }

  /** Background revalidations still running, awaited (an event, not a sleep). */
  async settled(): Promise<void> {
    while (this.background.size) await Promise.allSettled([...this.background])
  }

  /**
   * `ctx.cache` of one entrypoint. "Within a Worker, purges are further scoped to the entrypoint
   * that called `purge()`." (purge)
   */
  contextFor(entrypoint = 'default'): CacheContext {
    return {
      purge: (options) => this.purge(entrypoint, options, 'purge'),
      invalidate: (options) => this.purge(entrypoint, options, 'invalidate'),
    }
  }

  get context(): CacheContext {
    return this.contextFor('default')
  }

  /** The resource part (path + query, or `cf.cacheKey`) of every copy held. */
  keys(): string[] {
    return [...this.entries.values()].flatMap((variants) => variants.map((v) => v.resource))
  }

  private takeToken(): boolean {
    const refill = ((this.clock - this.tokensAt) / 60_000) * PURGE_LIMITS.perMinute
    this.tokens = Math.min(PURGE_LIMITS.bucket, this.tokens + refill)
    this.tokensAt = this.clock
    if (this.tokens < 1) return false
    this.tokens -= 1
    return true
  }

  private purge(
    entrypoint: string,
    { tags = [], pathPrefixes = [], purgeEverything = false }: CachePurgeOptions,
    mode: 'purge' | 'invalidate',
  ): Promise<CachePurgeResult> {
    const fail = (code: number, message: string) =>
      Promise.resolve({ success: false, errors: [{ code, message }] })
    if (tags.length + pathPrefixes.length > PURGE_LIMITS.operations)
      return fail(400, `more than ${PURGE_LIMITS.operations} operations in one purge request`)
    // "When the purge is rate-limited, `success` is `false` and `errors` contains an entry
    // describing the rejection." (purge; the code and wording are not documented)
    if (!this.takeToken()) return fail(429, 'purge rate limit exceeded')
    const wanted = new Set(tags.map((t) => t.toLowerCase()))
    this.purges.push([...wanted])
    // "the fields are unioned, not intersected" (purge)
    const matches = (v: Variant) =>
      v.entrypoint === entrypoint &&
      (purgeEverything ||
        v.tags.some((t) => wanted.has(t)) ||
        pathPrefixes.some((prefix) => v.path.startsWith(prefix)))
    for (const [key, variants] of this.entries) {
      // "Variants share a single purge identity. Purging by tag or path prefix invalidates every
      // variant of a URL together." (configuration, Vary)
      if (!variants.some(matches)) continue
      // "purge() deletes matching cached responses, so the next request is a cache miss.
      // invalidate() keeps them but marks them stale" (changelog 2026-09-29).
      if (mode === 'purge') this.entries.delete(key)
      else for (const v of variants) v.freshUntil = Math.min(v.freshUntil, this.clock)
    }
    // "Purges … propagate globally": one cache here, so at once.
    return Promise.resolve({ success: true, errors: [] })
  }

  /**
   * What the cache in front does with a request: its copy, or the Worker's answer (kept if it may
   * be). `entrypoint` and `cacheKey` model a call through `ctx.exports` with `cf.cacheKey`.
   */
  async serve(
    request: Request,
    worker: Origin,
    {
      entrypoint = 'default',
      cacheKey,
      props,
    }: { entrypoint?: string; cacheKey?: string; props?: unknown } = {},
  ): Promise<Response> {
    const method = request.method.toUpperCase()
    // "Only `GET` and `HEAD` requests are cached." "WebSocket upgrade requests (`GET` with
    // `Upgrade: websocket`) bypass the cache" (limitations).
    if (
      (method !== 'GET' && method !== 'HEAD') ||
      request.headers.get('upgrade')?.toLowerCase() === 'websocket'
    )
      return passThrough(await worker(request))
    const key = cacheKeyOf({
      url: request.url,
      headers: request.headers,
      entrypoint,
      version: this.crossVersion ? undefined : this.version,
      cacheKey,
      props,
    })
    const variant = this.entries.get(key)?.find((v) => matchesVary(v, request.headers))
    if (!variant) return this.fill(key, request, worker, { entrypoint, cacheKey })

    const fresh = this.clock < variant.freshUntil && !variant.rule.noCache
    if (fresh) return this.answer(request, variant, 'HIT')
    const staleFor = (this.clock - variant.freshUntil) / 1000
    // "When a cached response becomes stale, `stale-while-revalidate` lets Cloudflare return the
    // stale response immediately and refresh it in the background" (configuration).
    if (staleFor < variant.rule.swr) {
      const refresh = this.revalidate(key, variant, request, worker).catch(() => undefined)
      this.background.add(refresh)
      void refresh.finally(() => this.background.delete(refresh))
      return this.answer(request, variant, 'UPDATING')
    }
    // Otherwise "Cloudflare will block on a fresh revalidation when the response expires".
    const outcome = await this.revalidate(key, variant, request, worker)
    if (outcome.kind === 'kept') return this.answer(request, outcome.variant, outcome.status)
    // "When the Worker fails while refreshing an expired entry, Cloudflare serves the last
    // successful cached response (with `Cf-Cache-Status: STALE`) for up to the `stale-if-error`
    // window." (configuration)
    if (outcome.kind === 'failed' && staleFor < variant.rule.sie)
      return this.answer(request, variant, 'STALE')
    if (outcome.kind === 'failed' && outcome.error !== undefined)
      throw outcome.error instanceof Error
        ? outcome.error
        : new Error('the Worker failed', { cause: outcome.error })
    return outcome.response
  }

  /** A miss: the Worker runs, and its response is kept if it may be. */
  private async fill(
    key: string,
    request: Request,
    worker: Origin,
    where: { entrypoint: string; cacheKey?: string },
  ): Promise<Response> {
    // "A `HEAD` request on a cold cache is converted to a `GET` internally so the full asset is
    // fetched and stored" (cache-keys). The client's own conditional headers are not sent: the
    // cache fills with the full response and answers the condition itself (RFC 9111 §4.3.2).
    const headers = new Headers(request.headers)
    for (const name of ['if-none-match', 'if-modified-since']) headers.delete(name)
    const response = await worker(new Request(request.url, { method: 'GET', headers }))
    const judged = verdict(request, response)
    const body = await response.arrayBuffer()
    if (!judged.store) {
      const out = clientHeaders(response.headers)
      out.set('cf-cache-status', 'BYPASS')
      this.bypassed.push({ url: request.url, why: judged.why })
      return new Response(request.method === 'HEAD' || isNullBody(response.status) ? null : body, {
        status: response.status,
        headers: out,
      })
    }
    const variant = this.store(key, request, response, body, judged, where)
    return this.answer(request, variant, 'MISS')
  }

  private store(
    key: string,
    request: Request,
    response: Response,
    body: ArrayBuffer,
    judged: Extract<Verdict, { store: true }>,
    where: { entrypoint: string; cacheKey?: string },
  ): Variant {
    const headers = new Headers(response.headers)
    if (judged.stripSetCookie) headers.delete('set-cookie')
    const varyNames = (response.headers.get('vary') ?? '')
      .split(',')
      .map((n) => n.trim().toLowerCase())
      .filter(Boolean)
    const variant: Variant = {
      entrypoint: where.entrypoint,
      resource: resourceKey({ url: request.url, cacheKey: where.cacheKey }),
      cacheKey: where.cacheKey,
      path: new URL(request.url).pathname,
      // "Values are compared verbatim." (configuration, Vary)
      varyOn: varyNames.map((name) => [name, request.headers.get(name)]),
      status: response.status,
      headers,
      body,
      tags: storedTags(response.headers.get('cache-tag')),
      rule: judged.rule,
      storedAt: this.clock,
      freshUntil: this.clock + judged.rule.ttl * 1000,
    }
    // "Cloudflare stores a separate cached variant per distinct combination of the listed request
    // header values" (configuration, Vary).
    const others = (this.entries.get(key) ?? []).filter((v) => !sameVariant(v, variant))
    this.entries.set(key, [...others, variant])
    return variant
  }

  /**
   * Revalidation: "the cache sends your Worker a conditional request built from the validators
   * stored with it — for example, If-None-Match carrying the cached ETag. If your Worker answers
   * 304 Not Modified, the cache keeps the stored body. If your Worker answers with a full 200
   * response, that response replaces the cached one." (changelog 2026-09-29) "If your Worker returns
   * `304 Not Modified` for a conditional request, `Cf-Cache-Status` is `REVALIDATED` … If your
   * Worker returns a fresh `200`, `Cf-Cache-Status` is `EXPIRED`" (configuration, no-cache).
   */
  private async revalidate(
    key: string,
    variant: Variant,
    request: Request,
    worker: Origin,
  ): Promise<
    | { kind: 'kept'; variant: Variant; status: CacheStatus }
    | { kind: 'failed'; error?: unknown; response: Response }
    | { kind: 'uncacheable'; response: Response }
  > {
    const headers = new Headers(request.headers)
    for (const name of ['if-none-match', 'if-modified-since']) headers.delete(name)
    const etag = variant.headers.get('etag')
    const lastModified = variant.headers.get('last-modified')
    if (etag) headers.set('if-none-match', etag)
    if (lastModified) headers.set('if-modified-since', lastModified)
    const conditional = new Request(request.url, { method: 'GET', headers })
    this.revalidations.push(conditional.clone())
    let response: Response
    try {
      response = await worker(conditional)
    } catch (error) {
      return { kind: 'failed', error, response: new Response(null, { status: 500 }) }
    }
    // "for example, when it throws, times out, or returns a `5xx` response" (configuration).
    if (response.status >= 500) {
      const body = await response.arrayBuffer()
      const out = clientHeaders(response.headers)
      out.set('cf-cache-status', 'EXPIRED')
      return {
        kind: 'failed',
        response: new Response(body, { status: response.status, headers: out }),
      }
    }
    if (response.status === 304) {
      // RFC 9111 §4.3.4: the stored headers are updated with those of the 304; the body stays.
      const merged = new Headers(variant.headers)
      for (const [name, value] of response.headers)
        if (name !== 'content-length' && name !== 'content-type') merged.set(name, value)
      const judged = verdict(
        request,
        new Response(null, { status: variant.status, headers: merged }),
      )
      if (!judged.store) {
        this.entries.delete(key)
        return { kind: 'uncacheable', response: passThrough(response) }
      }
      const tags = response.headers.has('cache-tag')
        ? storedTags(response.headers.get('cache-tag'))
        : variant.tags
      const renewed: Variant = {
        ...variant,
        headers: merged,
        tags,
        rule: judged.rule,
        storedAt: this.clock,
        freshUntil: this.clock + judged.rule.ttl * 1000,
      }
      this.replace(key, variant, renewed)
      return { kind: 'kept', variant: renewed, status: 'REVALIDATED' }
    }
    const judged = verdict(request, response)
    const body = await response.arrayBuffer()
    if (!judged.store) {
      this.entries.delete(key)
      const out = clientHeaders(response.headers)
      out.set('cf-cache-status', 'BYPASS')
      return {
        kind: 'uncacheable',
        response: new Response(body, { status: response.status, headers: out }),
      }
    }
    const renewed = this.store(key, request, response, body, judged, {
      entrypoint: variant.entrypoint,
      cacheKey: variant.cacheKey,
    })
    return { kind: 'kept', variant: renewed, status: 'EXPIRED' }
  }

  private replace(key: string, old: Variant, renewed: Variant) {
    const variants = this.entries.get(key)
    if (!variants) return // purged meanwhile: a purge wins over a revalidation in flight
    this.entries.set(
      key,
      variants.map((v) => (v === old ? renewed : v)),
    )
  }

  /**
   * A stored copy to the client. "A `HEAD` request can be served from a `GET` fill (Cloudflare
   * returns the cached headers without the body)" (cache-keys). A client's own conditional request
   * is answered from the copy with 304 (RFC 9111 §4.3.2).
   */
  private answer(request: Request, variant: Variant, status: CacheStatus): Response {
    const headers = clientHeaders(variant.headers)
    headers.set('cf-cache-status', status)
    if (status !== 'MISS' && status !== 'EXPIRED' && status !== 'REVALIDATED')
      headers.set('age', String(Math.max(0, Math.floor((this.clock - variant.storedAt) / 1000))))
    if (variant.status === 200 && clientHasIt(request.headers, variant.headers)) {
      headers.delete('content-length')
      return new Response(null, { status: 304, headers })
    }
    const empty = request.method === 'HEAD' || isNullBody(variant.status)
    return new Response(empty ? null : variant.body.slice(0), { status: variant.status, headers })
  }
}

/** What an uncacheable method gets: the Worker's answer, minus what Cloudflare consumes. */
function passThrough(response: Response): Response {
  const headers = clientHeaders(response.headers)
  headers.set('cf-cache-status', 'DYNAMIC')
  return new Response(response.body, { status: response.status, headers })
}

const isNullBody = (status: number) =>
  status === 204 || status === 304 || (status >= 100 && status < 200)

function matchesVary(variant: Variant, headers: Headers): boolean {
  // "only returns a variant whose stored values match the incoming request" (configuration, Vary)
  return variant.varyOn.every(([name, value]) => headers.get(name) === value)
}

function sameVariant(a: Variant, b: Variant): boolean {
  return (
    a.varyOn.length === b.varyOn.length &&
    a.varyOn.every(([name, value]) => b.varyOn.some(([n, v]) => n === name && v === value))
  )
}

/** RFC 9110 §13.1.2 (weak comparison for If-None-Match), else §13.1.3 If-Modified-Since. */
function clientHasIt(request: Headers, stored: Headers): boolean {
  const ifNoneMatch = request.get('if-none-match')
  const etag = stored.get('etag')
  if (ifNoneMatch !== null) {
    if (!etag) return false
    const bare = (tag: string) => tag.trim().replace(/^W\//, '')
    return ifNoneMatch.trim() === '*' || ifNoneMatch.split(',').some((t) => bare(t) === bare(etag))
  }
  const since = Date.parse(request.get('if-modified-since') ?? '')
  const modified = Date.parse(stored.get('last-modified') ?? '')
  return !Number.isNaN(since) && !Number.isNaN(modified) && modified <= since
}
