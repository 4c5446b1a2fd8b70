import type { FastifyPluginAsync } from 'fastify'
import type { CanteenGradesResponse } from '../../core/protocol.js'
import { ApiHttpError } from '../api-error.js'
import type { AppContext } from '../app-context.js'
import { authenticate, signedInUser } from '../auth/authenticate.js'
import { readScope, visibleSchoolIds } from '../auth/scope.js'
import { listCanteenGrades } from '../services/list-canteen-grades.js'

const schema = {
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: { schoolId: { type: 'string', minLength: 1, maxLength: 64 } },
  },
} as const

/** Canteen grade history as the server graded it; a school sees its own, the bureau its district. */
export const canteenGradesRoutes: FastifyPluginAsync<AppContext> = async (app, ctx) => {
  app.addHook('onRequest', authenticate(ctx))

  app.get<{ Querystring: { schoolId?: string } }>('/reports/canteen-grades', { schema }, async (request): Promise<CanteenGradesResponse> => {
    const { schoolId } = request.query
    const user = signedInUser(request)
    if (schoolId === undefined) return listCanteenGrades(ctx.db, readScope(user))
    const scope = await visibleSchoolIds(ctx.db, user)
    if (scope !== 'all' && !scope.includes(schoolId)) throw new ApiHttpError('forbidden', 'You may not see this school')
    return listCanteenGrades(ctx.db, { kind: 'school', schoolId })
  })
}
