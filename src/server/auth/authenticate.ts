import type { FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify'
import type { User } from '../../core/protocol.js'
import { ApiHttpError } from '../api-error.js'
import type { AppContext } from '../app-context.js'
import { userForToken } from './sessions.js'

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the authenticate hook on every route that requires sign-in. */
    user: User | null
    token: string | null
  }
}

const bearer = /^Bearer ([A-Za-z0-9_-]{16,128})$/

/** onRequest hook: runs before the body is read, so an unauthenticated upload costs nothing. */
export function authenticate(ctx: Pick<AppContext, 'db' | 'now'>): onRequestHookHandler {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    const match = bearer.exec(request.headers.authorization ?? '')
    const token = match?.[1]
    if (token === undefined) throw new ApiHttpError('unauthorized', 'Sign in first')
    const user = await userForToken(ctx.db, token, ctx.now())
    if (!user) throw new ApiHttpError('unauthorized', 'Your session has ended; sign in again')
    request.user = user
    request.token = token
  }
}

/** The signed-in user of a route behind authenticate. */
export function signedInUser(request: FastifyRequest): User {
  if (!request.user) throw new ApiHttpError('unauthorized', 'Sign in first')
  return request.user
}
