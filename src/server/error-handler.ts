import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { ErrorBody } from '../core/protocol.js'
import { ApiHttpError, apiError, codeForStatus } from './api-error.js'

const fastifyCodes: Record<string, ErrorBody['error']['code']> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_request',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'bad_request',
  FST_ERR_CTP_INVALID_JSON_BODY: 'bad_request',
}

function toErrorBody(error: FastifyError | ApiHttpError): { status: number; body: ErrorBody } {
  if (error instanceof ApiHttpError) return { status: error.statusCode, body: { error: error.toApiError() } }
  if (error.validation) {
    return { status: 400, body: { error: apiError('bad_request', error.message) } }
  }
  const status = error.statusCode ?? 500
  if (status >= 500) return { status: 500, body: { error: apiError('internal', 'Something went wrong on the server') } }
  const code = fastifyCodes[error.code] ?? codeForStatus(status)
  return { status, body: { error: apiError(code, error.message) } }
}

/** Every error leaves as `{error: {code, message}}`; a 5xx never carries a stack or internal detail. */
export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler<FastifyError | ApiHttpError>((error, request, reply) => {
    const { status, body } = toErrorBody(error)
    if (status >= 500) request.log.error({ err: error }, 'request failed')
    // A route may have chosen its caching before it failed (a photo's private, no-cache): an error is never kept.
    reply.removeHeader('etag')
    return reply.header('cache-control', 'no-store').code(status).type('application/json; charset=utf-8').send(body)
  })
}

/**
 * Errors Fastify raises before any route runs (a URL that is not valid percent-encoding, a path
 * parameter over the router's length limit): the same `{error: {code, message}}` as the rest.
 */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const status = error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400
  void reply.code(status).type('application/json; charset=utf-8').send({ error: apiError(codeForStatus(status), error.message) })
}

export function notFoundBody(method: string, url: string): ErrorBody {
  return { error: apiError('not_found', `No route for ${method} ${url.split('?')[0] ?? ''}`) }
}
