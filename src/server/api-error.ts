import type { ApiError, ErrorCode } from '../core/protocol.js'
import type { Text } from '../core/text.js'
import type { ValidationIssue } from '../core/validate.js'

const statusOf: Record<ErrorCode, number> = {
  validation_failed: 400,
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_many_requests: 429,
  payload_too_large: 413,
  unsupported_media_type: 415,
  import_failed: 422,
  internal: 500,
}

/** Thrown by handlers and services; the error handler turns it into `{error: {code, message}}`. */
export class ApiHttpError extends Error {
  readonly code: ErrorCode
  readonly statusCode: number
  readonly issues: readonly ValidationIssue[] | undefined

  constructor(code: ErrorCode, message: string, issues?: readonly ValidationIssue[]) {
    super(message)
    this.name = 'ApiHttpError'
    this.code = code
    this.statusCode = statusOf[code]
    this.issues = issues
  }

  toApiError(): ApiError {
    return apiError(this.code, this.message, this.issues)
  }
}

export function apiError(code: ErrorCode, message: string, issues?: readonly ValidationIssue[]): ApiError {
  return issues === undefined ? { code, message } : { code, message, details: { issues } }
}

/** The code that matches an HTTP status Fastify or a plugin chose. */
export function codeForStatus(status: number): ErrorCode {
  const known = (Object.entries(statusOf) as [ErrorCode, number][]).find(
    ([code, value]) => value === status && code !== 'validation_failed',
  )
  if (known) return known[0]
  return status >= 500 ? 'internal' : 'bad_request'
}

/**
 * One `message` string for both readers: the Chinese first for the school's and bureau's
 * people, the English after it for logs and foreign tools. Stable text lives in core or beside
 * the caller; clients that know the code show their own translation instead.
 */
export function bilingual(text: Text): string {
  return `${text.zh} / ${text.en}`
}
