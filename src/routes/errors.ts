import type { ErrorHandler, NotFoundHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { AppEnv } from '../env'
import { AppError, isStorageFailure, type ErrorCode } from '../errors'
import { log } from '../log'
import { errorResponse } from '../render/error-response'
import { oldAddress } from './old-address'

/** Hono's own middleware (bearer-auth, body-limit) throw plain HTTPExceptions: these are their codes. */
const HTTP_CODES: Partial<Record<number, ErrorCode>> = {
  400: 'UNAUTHORIZED', // a malformed Authorization header
  401: 'UNAUTHORIZED',
  404: 'NOT_FOUND',
  413: 'SOURCE_TOO_LARGE',
}

/** Every failure becomes a clear, localized page (or JSON under /api/), never a stack trace. */
export const onError: ErrorHandler<AppEnv> = async (err, c) => {
  const error = asAppError(err)
  if (error.status === 404) {
    const moved = await oldAddress(c)
    if (moved) return moved
  }
  log(c, error.status >= 500 ? 'error' : 'info', {
    code: error.code,
    message: error.describe(),
    ...(error.code === 'INTERNAL' && { stack: err.stack }),
  })
  return errorResponse(c, error)
}

export function asAppError(err: unknown): AppError {
  if (err instanceof AppError) return err
  if (isStorageFailure(err))
    return new AppError('STORAGE_UNAVAILABLE', err.message, {}, { cause: err })
  if (err instanceof HTTPException && HTTP_CODES[err.status])
    return new AppError(HTTP_CODES[err.status]!, err.message, {}, { cause: err })
  return new AppError('INTERNAL', String(err), {}, { cause: err })
}

export const notFound: NotFoundHandler<AppEnv> = async (c) =>
  (await oldAddress(c)) ?? errorResponse(c, new AppError('NOT_FOUND', `no route for ${c.req.path}`))
