import type { FastifyPluginAsync } from 'fastify'
import type { InspectionsResponse } from '../../core/protocol.js'
import type { AppContext } from '../app-context.js'
import { authenticate, signedInUser } from '../auth/authenticate.js'
import { narrowToSchool } from '../auth/scope.js'
import { listInspections } from '../services/list-inspections.js'

type Query = { schoolId?: string; limit: number }

const schema = {
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: {
      schoolId: { type: 'string', minLength: 1, maxLength: 64 },
      limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
    },
  },
} as const

export const inspectionsRoutes: FastifyPluginAsync<AppContext> = async (app, ctx) => {
  app.addHook('onRequest', authenticate(ctx))

  app.get<{ Querystring: Query }>('/inspections', { schema }, async (request): Promise<InspectionsResponse> => {
    const { schoolId, limit } = request.query
    const scope = await narrowToSchool(ctx.db, signedInUser(request), schoolId)
    return { inspections: await listInspections(ctx.db, { scope, limit }) }
  })
}
