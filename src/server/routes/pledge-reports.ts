import type { FastifyPluginAsync } from 'fastify'
import { todayIso } from '../../core/dates.js'
import type { PledgeReportResponse } from '../../core/protocol.js'
import { ApiHttpError } from '../api-error.js'
import type { AppContext } from '../app-context.js'
import { authenticate, signedInUser } from '../auth/authenticate.js'
import { requireRole } from '../auth/roles.js'
import { readScope } from '../auth/scope.js'
import { templateReach } from '../auth/template-owner.js'
import { pledgeReport } from '../services/pledge-report.js'

type Query = { versionId: string }

const schema = {
  querystring: {
    type: 'object',
    required: ['versionId'],
    additionalProperties: false,
    properties: { versionId: { type: 'string', minLength: 1, maxLength: 128, pattern: '^[A-Za-z0-9._-]+$' } },
  },
} as const

/** Who has signed which pledge: for the bureau side only, scoped to the caller's district. */
export const pledgeReportsRoutes: FastifyPluginAsync<AppContext> = async (app, ctx) => {
  app.addHook('onRequest', authenticate(ctx))

  app.get<{ Querystring: Query }>(
    '/reports/pledges',
    { schema, preHandler: requireRole('inspector', 'bureau') },
    async (request): Promise<PledgeReportResponse> => {
      const user = signedInUser(request)
      const report = await pledgeReport(ctx.db, templateReach(user), readScope(user), request.query.versionId, todayIso(ctx.now()))
      if (!report) throw new ApiHttpError('not_found', 'No such pledge version')
      return report
    },
  )
}
