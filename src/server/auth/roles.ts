import type { FastifyRequest, preHandlerHookHandler } from 'fastify'
import type { Role } from '../../core/protocol.js'
import { ApiHttpError } from '../api-error.js'
import { signedInUser } from './authenticate.js'

/** preHandler that lets only the given roles through (admin always passes). */
export function requireRole(...roles: readonly Role[]): preHandlerHookHandler {
  return async (request: FastifyRequest) => {
    const { role } = signedInUser(request)
    if (role !== 'admin' && !roles.includes(role)) {
      throw new ApiHttpError('forbidden', 'Your role may not do this')
    }
  }
}
