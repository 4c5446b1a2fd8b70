import type { FastifyPluginAsync } from 'fastify'
import { HAZARD_PAGE_MAX, type Hazard, type HazardStatus, type HazardsPage, type VerifyHazardRequest, type VerifyHazardResponse } from '../../core/protocol.js'
import { ApiHttpError } from '../api-error.js'
import type { AppContext } from '../app-context.js'
import { authenticate, signedInUser } from '../auth/authenticate.js'
import { requireRole } from '../auth/roles.js'
import { narrowToSchool, visibleSchoolIds } from '../auth/scope.js'
import { findHazard, listHazards } from '../services/list-hazards.js'
import { verifyHazard } from '../services/verify-hazard.js'

type Query = { status?: HazardStatus; schoolId?: string; cursor?: string; limit: number }
type Params = { id: string }

const schema = {
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: {
      status: { type: 'string', enum: ['open', 'rectified', 'closed'] },
      schoolId: { type: 'string', minLength: 1, maxLength: 64 },
      cursor: { type: 'string', minLength: 1, maxLength: 512 },
      limit: { type: 'integer', minimum: 1, maximum: HAZARD_PAGE_MAX, default: HAZARD_PAGE_MAX },
    },
  },
} as const

const params = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', minLength: 1, maxLength: 200 } },
} as const

const verifySchema = {
  params,
  body: {
    type: 'object',
    required: ['action'],
    additionalProperties: false,
    properties: {
      action: { type: 'string', enum: ['close', 'reopen'] },
      reason: { type: 'string', maxLength: 500 },
      deadline: { type: 'string', minLength: 10, maxLength: 10 },
    },
  },
} as const

export const hazardsRoutes: FastifyPluginAsync<AppContext> = async (app, ctx) => {
  app.addHook('onRequest', authenticate(ctx))

  app.get<{ Querystring: Query }>('/hazards', { schema }, async (request): Promise<HazardsPage> => {
    const { status, schoolId, cursor, limit } = request.query
    const scope = await narrowToSchool(ctx.db, signedInUser(request), schoolId)
    return listHazards(ctx.db, { scope, limit, ...(status === undefined ? {} : { status }), ...(cursor === undefined ? {} : { cursor }) })
  })

  app.get<{ Params: Params }>('/hazards/:id', { schema: { params } }, async (request): Promise<{ hazard: Hazard }> => {
    const hazard = await findHazard(ctx.db, request.params.id)
    const scope = await visibleSchoolIds(ctx.db, signedInUser(request))
    // Another school's hazard looks exactly like no hazard.
    if (!hazard || (scope !== 'all' && !scope.includes(hazard.schoolId))) throw new ApiHttpError('not_found', 'No such hazard')
    return { hazard }
  })

  // A school never verifies its own hazard: only the bureau's people (and admins) may.
  app.post<{ Params: Params; Body: VerifyHazardRequest }>(
    '/hazards/:id/verify',
    { schema: verifySchema, preHandler: requireRole('inspector', 'bureau') },
    async (request): Promise<VerifyHazardResponse> => {
      const hazard = await verifyHazard(ctx.db, signedInUser(request), request.params.id, request.body, ctx.now())
      return { hazard }
    },
  )
}
