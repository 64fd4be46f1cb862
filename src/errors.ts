/** Every error a reader, a crawler or a publisher can meet, with a stable code. */
export const ERROR_STATUS = {
  /** The slug or language in the URL is malformed; refused before any storage read. */
  SLUG_INVALID: 400,
  /** An admin request without the right token. */
  UNAUTHORIZED: 401,
  /** An admin request whose body is not what the endpoint takes. */
  REQUEST_INVALID: 422,
  /** A source handed to the publishing API is bigger than MAX_SOURCE_BYTES. */
  SOURCE_TOO_LARGE: 413,
  /** The publishing API refused a source: same checks and messages as content:push. */
  SOURCE_REJECTED: 422,
  /** Too many failed admin logins from one client. */
  TOO_MANY_ATTEMPTS: 429,
  /** No article at that language and slug. */
  ARTICLE_NOT_FOUND: 404,
  /** The source exists but cannot be parsed or validated (broken YAML, missing title, bad UTF-8…). */
  SOURCE_INVALID: 500,
  /** KV or R2 failed or timed out and nothing cached could stand in. */
  STORAGE_UNAVAILABLE: 503,
  /** A bug on our side; logged with its stack, never shown. */
  INTERNAL: 500,
} as const

export type ErrorCode = keyof typeof ERROR_STATUS

/** Where in a source file a problem is, so a publisher can go straight to it. */
export interface SourceLocation {
  /** Storage key or file path, e.g. `ko/putin-kim-pact.html`. */
  file?: string
  /** Front matter key path, e.g. `image.width`. */
  key?: string
  /** 1-based line in the source file. */
  line?: number
}

export class ArticleError extends Error {
  readonly code: ErrorCode
  readonly status: (typeof ERROR_STATUS)[ErrorCode]
  readonly location: SourceLocation

  constructor(
    code: ErrorCode,
    message: string,
    location: SourceLocation = {},
    options?: ErrorOptions,
  ) {
    super(message, options)
    this.name = 'ArticleError'
    this.code = code
    this.status = ERROR_STATUS[code]
    this.location = location
  }

  /** `ko/a.html:4 → image: expected a URL, got 42` */
  describe(): string {
    const { file, key, line } = this.location
    const where = [file && (line ? `${file}:${line}` : file), key].filter(Boolean).join(' → ')
    return where ? `${where}: ${this.message}` : this.message
  }
}
