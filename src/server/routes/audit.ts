import type { FastifyPluginAsync } from 'fastify'
import type { AuditPage } from '../../core/protocol.js'
import { ApiHttpError } from '../api-error.js'
import type { AppContext } from '../app-context.js'
import { authenticate, signedInUser } from '../auth/authenticate.js'
import { requireRole } from '../auth/roles.js'
import { listAudit } from '../services/record-audit.js'

type Query = { action?: string; before?: string; limit: number }

const schema = {
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: {
      action: { type: 'string', minLength: 1, maxLength: 64, pattern: '^[a-z_]+$' },
      before: { type: 'string', pattern: '^[0-9a-f-]{36}$' },
      limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
    },
  },
} as const

/** The audit log for the bureau (its own district) and the admin (everything). */
export const auditRoutes: FastifyPluginAsync<AppContext> = async (app, ctx) => {
  app.addHook('onRequest', authenticate(ctx))

  app.get<{ Querystring: Query }>('/audit', { schema, preHandler: requireRole('bureau') }, async (request): Promise<AuditPage> => {
    const user = signedInUser(request)
    const districtId = user.role === 'admin' ? 'all' : user.districtId
    if (districtId === null) throw new ApiHttpError('forbidden', 'This account belongs to no district')
    const { action, before, limit } = request.query
    return listAudit(ctx.db, {
      districtId,
      limit,
      ...(action === undefined ? {} : { action }),
      ...(before === undefined ? {} : { before }),
    })
  })
}
