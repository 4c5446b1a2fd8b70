import type { FastifyPluginAsync } from 'fastify'
import type { LoginRequest, LoginResponse } from '../../core/protocol.js'
import { ApiHttpError } from '../api-error.js'
import type { AppContext } from '../app-context.js'
import { authenticate } from '../auth/authenticate.js'
import { verifyPassword } from '../auth/passwords.js'
import { createSession, revokeSession, toUser } from '../auth/sessions.js'

const loginSchema = {
  body: {
    type: 'object',
    required: ['username', 'password'],
    additionalProperties: false,
    properties: {
      username: { type: 'string', minLength: 1, maxLength: 64 },
      password: { type: 'string', minLength: 1, maxLength: 256 },
    },
  },
} as const

export const authRoutes: FastifyPluginAsync<AppContext> = async (app, ctx) => {
  const { db, config, now } = ctx

  app.post<{ Body: LoginRequest }>(
    '/auth/login',
    {
      schema: loginSchema,
      config: {
        rateLimit: {
          max: config.loginMaxPerMinute,
          timeWindow: 60_000,
          // After validation, so the key can include the username: one user's typos do not lock out a school's shared IP.
          hook: 'preHandler',
          keyGenerator: (request) => `${request.ip}|${(request.body as LoginRequest).username.trim().toLowerCase()}`,
        },
      },
    },
    async (request): Promise<LoginResponse> => {
      const username = request.body.username.trim().toLowerCase()
      const row = await db
        .selectFrom('users')
        .selectAll()
        .where('username', '=', username)
        .where('disabled', '=', 0)
        .executeTakeFirst()
      const ok = await verifyPassword(row?.password_hash, request.body.password)
      if (!row || !ok) throw new ApiHttpError('unauthorized', 'Wrong username or password')
      const session = await createSession(db, row.id, config.sessionDays, now())
      return { token: session.token, expiresAt: session.expiresAt, user: toUser(row) }
    },
  )

  app.post('/auth/logout', { onRequest: authenticate(ctx) }, async (request, reply) => {
    if (request.token !== null) await revokeSession(db, request.token, now())
    return reply.code(204).send()
  })
}
