/**
 * The one error model. Every failure a reader, a crawler or a publisher can meet is an `AppError`
 * with a stable code from the catalogue below; like Hono's HTTPException (which it extends) it knows
 * its status, and `routes/errors.ts` (with `render/error-response.tsx`) turns it into a localized page or JSON in one place.
 * Codes are permanent: clients and scripts match on them.
 */
import { HTTPException } from 'hono/http-exception'

interface CatalogueEntry {
  status: 400 | 401 | 404 | 413 | 422 | 429 | 500 | 501 | 503
  /** What a publisher or operator can do about it, where they can do something. */
  hint?: string
  /** Seconds a client should wait before trying again (`Retry-After`). */
  retryAfter?: number
}

export const ERRORS = {
  /** The slug or language in the URL is malformed; refused before any storage read. */
  SLUG_INVALID: {
    status: 400,
    hint: 'A slug has no slash, no "..", no control characters, and at most 200 bytes of UTF-8.',
  },
  /** An admin request without the right token. */
  UNAUTHORIZED: { status: 401, hint: 'Send the header `Authorization: Bearer <ADMIN_TOKEN>`.' },
  /** A request whose parameters or body are not what the endpoint takes. */
  REQUEST_INVALID: { status: 422 },
  /** A source handed to the publishing API or content:push is bigger than MAX_SOURCE_BYTES. */
  SOURCE_TOO_LARGE: {
    status: 413,
    hint: 'Split the article, move embedded images out of the file, or raise MAX_SOURCE_BYTES in wrangler.toml.',
  },
  /** The publishing API refused a source: same checks and messages as content:push. */
  SOURCE_REJECTED: {
    status: 422,
    hint: 'Fix the file at the place shown and send it again; nothing was changed, the previous version is still served.',
  },
  /** Too many failed admin logins from one client. */
  TOO_MANY_ATTEMPTS: { status: 429, retryAfter: 60 },
  /** No article at that language and slug (or it is a draft). */
  ARTICLE_NOT_FOUND: { status: 404 },
  /** Nothing at that address: no route, a page past the end, a language the site does not serve. */
  NOT_FOUND: { status: 404 },
  /** The source exists but cannot be rendered (broken YAML, missing title, bad UTF-8, over a limit…). */
  SOURCE_INVALID: {
    status: 500,
    hint: 'Fix the file at the place shown and push it again (npm run content:check shows every problem).',
  },
  /** A format this endpoint does not offer (oEmbed XML). */
  FORMAT_NOT_IMPLEMENTED: { status: 501 },
  /** KV, R2 or D1 failed or timed out and nothing cached could stand in. */
  STORAGE_UNAVAILABLE: { status: 503, retryAfter: 30 },
  /** The share-card Worker (service binding OG) is missing, failed or answered something else than a PNG. */
  SHARE_IMAGE_UNAVAILABLE: { status: 503, retryAfter: 30 },
  /** A bug on our side; logged with its stack, never shown. */
  INTERNAL: { status: 500 },
} as const satisfies Record<string, CatalogueEntry>

export type ErrorCode = keyof typeof ERRORS

/** Where in a source file a problem is, so a publisher can go straight to it. */
export interface SourceLocation {
  /** Storage key or file path, e.g. `ko/putin-kim-pact.html`. */
  file?: string
  /** Front matter key path, e.g. `image.width`. */
  key?: string
  /** 1-based line in the source file. */
  line?: number
  /** 1-based column on that line. */
  column?: number
}

export class AppError extends HTTPException {
  readonly code: ErrorCode
  readonly location: SourceLocation
  override readonly status: CatalogueEntry['status']

  constructor(
    code: ErrorCode,
    message: string,
    location: SourceLocation = {},
    options?: ErrorOptions,
  ) {
    const status = ERRORS[code].status
    super(status, { message, cause: options?.cause })
    this.name = 'AppError'
    this.code = code
    this.status = status
    this.location = location
  }

  get hint(): string | undefined {
    return (ERRORS[this.code] as CatalogueEntry).hint
  }

  /** `ko/a.html:4:7 → image: expected a URL, got 42` */
  describe(): string {
    const { file, key, line, column } = this.location
    const position = file && (line ? `${file}:${line}${column ? `:${column}` : ''}` : file)
    const where = [position, key].filter(Boolean).join(' → ')
    return where ? `${where}: ${this.message}` : this.message
  }

  /** The same problem under another code, e.g. a broken source refused at publish time. */
  as(code: ErrorCode): AppError {
    return code === this.code
      ? this
      : new AppError(code, this.message, this.location, { cause: this })
  }
}

/** A storage backend (KV, R2, D1) failed, timed out or returned damaged data: an outage, not a missing article. */
export class StorageError extends Error {
  constructor(store: string, message: string, options?: ErrorOptions) {
    super(`[${store}] ${message}`, options)
    this.name = 'StorageError'
  }
}

/**
 * The one storage deadline (STORAGE_TIMEOUT_MS) for KV, R2 and D1 alike: a store that does not
 * answer within `ms` is failing, so the reader gets stale-or-503 instead of a hung request.
 */
export function withTimeout<T>(
  work: Promise<T>,
  deadline: { ms: number | undefined; store: string; what: string },
): Promise<T> {
  const { ms, store, what } = deadline
  if (!ms) return work
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new StorageError(store, `no answer for ${what} within ${ms} ms`)),
      ms,
    )
  })
  return Promise.race([work, timeout]).finally(() => timer !== undefined && clearTimeout(timer))
}

/** The one test for "storage is failing", used by the cache (serve stale) and the error page (503). */
export const isStorageFailure = (error: unknown): error is StorageError =>
  error instanceof StorageError

/** Missing things whose answer is stable enough to cache briefly (a storm on a dead link reads storage once). */
export const isCacheableError = (error: AppError) =>
  error.code === 'ARTICLE_NOT_FOUND' || error.code === 'NOT_FOUND'
