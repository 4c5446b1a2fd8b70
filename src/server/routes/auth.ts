import { createHash } from 'node:crypto'
import type { FastifyPluginAsync } from 'fastify'
import type { LoginRequest, LoginResponse } from '../../core/protocol.js'
import { ApiHttpError, bilingual } from '../api-error.js'
import type { AppContext } from '../app-context.js'
import { authenticate } from '../auth/authenticate.js'
import { findKnownDevice, rememberDevice } from '../auth/login-devices.js'
import { verifyPassword } from '../auth/passwords.js'
import { createSession, revokeSession, toUser } from '../auth/sessions.js'
import { loginBlock, loginBlockMessage, pruneLoginEvents, recordLoginEvent, type LoginLimits } from '../services/login-throttle.js'
import { recordAudit } from '../services/record-audit.js'

const loginSchema = {
  body: {
    type: 'object',
    required: ['username', 'password'],
    additionalProperties: false,
    properties: {
      username: { type: 'string', minLength: 1, maxLength: 64 },
      password: { type: 'string', minLength: 1, maxLength: 256 },
      // Issued by an earlier successful sign-in (43 base64url characters); room to change the format.
      deviceToken: { type: 'string', minLength: 1, maxLength: 128 },
    },
  },
} as const

export const authRoutes: FastifyPluginAsync<AppContext> = async (app, ctx) => {
  const { db, config, now } = ctx
  const limits: LoginLimits = {
    perAccount: config.loginMaxFailuresPerAccount,
    perAddress: config.loginMaxFailuresPerAddress,
    windowMinutes: config.loginFailureWindowMinutes,
    freeFailures: config.loginFreeFailures,
    firstDelaySeconds: config.loginFirstDelaySeconds,
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
          // The device token too (hashed: no secret kept in memory), so an attacker on the same
          // address and name does not use up the phone's share. A made-up token buys him a fresh
          // bucket but nothing more: the database's delays and locks still refuse him before argon2.
          keyGenerator: (request) => {
            const body = request.body as LoginRequest
            const device = body.deviceToken === undefined ? '' : createHash('sha256').update(body.deviceToken).digest('base64url').slice(0, 22)
            return `${request.ip}|${body.username.trim().toLowerCase()}|${device}`
          },
        },
      },
    },
    async (request, reply): Promise<LoginResponse> => {
      const username = request.body.username.trim().toLowerCase()
      const { deviceToken } = request.body
      const at = now()
      const deviceId = await findKnownDevice(db, username, deviceToken, at)
      // Refused before the password is checked: a held try tells nothing and costs no argon2.
      const block = await loginBlock(db, { username, ip: request.ip, deviceId }, limits, at)
      if (block) {
        reply.header('retry-after', String(block.retryAfterSeconds))
        throw new ApiHttpError('too_many_requests', bilingual(loginBlockMessage(block)))
      }
      const row = await db
        .selectFrom('users')
        .selectAll()
        .where('username', '=', username)
        .where('disabled', '=', 0)
        .executeTakeFirst()
      const ok = await verifyPassword(row?.password_hash, request.body.password)
      if (!row || !ok) {
        await recordLoginEvent(db, { kind: 'failed', username, ip: request.ip, deviceId }, at)
        await pruneLoginEvents(db, limits.windowMinutes, at)
        await recordAudit(db, {
          action: 'sign_in_failed',
          at,
          username,
          ip: request.ip,
          // A known account's bureau sees attempts on it; unknown names only the admin.
          schoolId: row?.school_id ?? null,
          districtId: row?.district_id ?? null,
          details: { reason: row ? 'wrong_password' : 'unknown_user', knownDevice: deviceId !== null },
        })
        throw new ApiHttpError('unauthorized', bilingual({ zh: '用户名或密码不正确', en: 'Wrong username or password' }))
      }
      const user = toUser(row)
      const session = await createSession(db, row.id, config.sessionDays, at)
      const device = await rememberDevice(db, row.id, deviceId === null || deviceToken === undefined ? null : { id: deviceId, token: deviceToken }, config.loginDeviceDays, at)
      // The place the attempt came from (this address when the device was unknown), whose delays it ends.
      await recordLoginEvent(db, { kind: 'signed_in', username, ip: request.ip, deviceId }, at)
      await recordAudit(db, { action: 'sign_in', at, actor: user, ip: request.ip, details: { knownDevice: deviceId !== null } })
      return { token: session.token, expiresAt: session.expiresAt, user, deviceToken: device.token }
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
