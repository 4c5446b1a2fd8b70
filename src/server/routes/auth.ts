import type { FastifyPluginAsync } from 'fastify'
import type { LoginRequest, LoginResponse } from '../../core/protocol.js'
import { ApiHttpError } from '../api-error.js'
import type { AppContext } from '../app-context.js'
import { authenticate } from '../auth/authenticate.js'
import { verifyPassword } from '../auth/passwords.js'
import { createSession, revokeSession, toUser } from '../auth/sessions.js'
import { loginBlock, type LoginLimits } from '../services/login-throttle.js'
import { recordAudit } from '../services/record-audit.js'

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
  const limits: LoginLimits = {
    perAccount: config.loginMaxFailuresPerAccount,
    perAddress: config.loginMaxFailuresPerAddress,
    windowMinutes: config.loginFailureWindowMinutes,
  }

  app.post<{ Body: LoginRequest }>(
    '/auth/login',
    {
      schema: loginSchema,
      config: {
        // A per-instance flood guard that spares argon2 the CPU; the limits that hold across
        // instances are the failure counts in the database (loginBlock).
        rateLimit: {
          max: config.loginMaxPerMinute,
          timeWindow: 60_000,
          // After validation, so the key can include the username: one user's typos do not lock out a school's shared IP.
          hook: 'preHandler',
          keyGenerator: (request) => `${request.ip}|${(request.body as LoginRequest).username.trim().toLowerCase()}`,
        },
      },
    },
    async (request, reply): Promise<LoginResponse> => {
      const username = request.body.username.trim().toLowerCase()
      const at = now()
      const block = await loginBlock(db, { username, ip: request.ip }, limits, at)
      if (block) {
        const minutes = Math.ceil(block.retryAfterSeconds / 60)
        reply.header('retry-after', String(block.retryAfterSeconds))
        throw new ApiHttpError(
          'too_many_requests',
          block.scope === 'account'
            ? `Too many failed sign-ins for this account; try again in ${minutes} min`
            : `Too many failed sign-ins from this network address; try again in ${minutes} min`,
        )
      }
      const row = await db
        .selectFrom('users')
        .selectAll()
        .where('username', '=', username)
        .where('disabled', '=', 0)
        .executeTakeFirst()
      const ok = await verifyPassword(row?.password_hash, request.body.password)
      if (!row || !ok) {
        await recordAudit(db, {
          action: 'sign_in_failed',
          at,
          username,
          ip: request.ip,
          // A known account's bureau sees attempts on it; unknown names only the admin.
          schoolId: row?.school_id ?? null,
          districtId: row?.district_id ?? null,
          details: { reason: row ? 'wrong_password' : 'unknown_user' },
        })
        throw new ApiHttpError('unauthorized', 'Wrong username or password')
      }
      const user = toUser(row)
      const session = await createSession(db, row.id, config.sessionDays, at)
      await recordAudit(db, { action: 'sign_in', at, actor: user, ip: request.ip })
      return { token: session.token, expiresAt: session.expiresAt, user }
    },
  )

  // Sign-out takes no body; an empty JSON object or null is tolerated.
  const logoutSchema = { body: { type: ['object', 'null'], additionalProperties: false, properties: {} } } as const
  app.post('/auth/logout', { schema: logoutSchema, onRequest: authenticate(ctx) }, async (request, reply) => {
    if (request.token !== null) await revokeSession(db, request.token, now())
    await recordAudit(db, { action: 'sign_out', at: now(), actor: request.user, ip: request.ip })
    return reply.code(204).send()
  })
}
