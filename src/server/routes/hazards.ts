import type { FastifyPluginAsync } from 'fastify'
import type { Hazard, HazardStatus } from '../../core/protocol.js'
import { ApiHttpError } from '../api-error.js'
import type { AppContext } from '../app-context.js'
import { authenticate, signedInUser } from '../auth/authenticate.js'
import { visibleSchoolIds } from '../auth/scope.js'
import { listHazards } from '../services/list-hazards.js'

type Query = { status?: HazardStatus; schoolId?: string }

const schema = {
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: {
      status: { type: 'string', enum: ['open', 'rectified', 'closed'] },
      schoolId: { type: 'string', minLength: 1, maxLength: 64 },
    },
  },
} as const

export const hazardsRoutes: FastifyPluginAsync<AppContext> = async (app, ctx) => {
  app.addHook('onRequest', authenticate(ctx))

  app.get<{ Querystring: Query }>('/hazards', { schema }, async (request): Promise<{ hazards: Hazard[] }> => {
    const { status, schoolId } = request.query
    const scope = await visibleSchoolIds(ctx.db, signedInUser(request))
    if (schoolId !== undefined && scope !== 'all' && !scope.includes(schoolId)) {
      throw new ApiHttpError('forbidden', 'You may not see this school')
    }
    const schoolIds = schoolId === undefined ? scope : [schoolId]
    const hazards = await listHazards(ctx.db, status === undefined ? { schoolIds } : { schoolIds, status })
    return { hazards }
  })
}
