import type { FastifyPluginAsync } from 'fastify'
import type { SchoolsResponse } from '../../core/protocol.js'
import type { AppContext } from '../app-context.js'
import { authenticate, signedInUser } from '../auth/authenticate.js'
import { visibleSchoolIds } from '../auth/scope.js'

export const schoolsRoutes: FastifyPluginAsync<AppContext> = async (app, ctx) => {
  app.addHook('onRequest', authenticate(ctx))

  app.get('/schools', async (request): Promise<SchoolsResponse> => {
    const scope = await visibleSchoolIds(ctx.db, signedInUser(request))
    if (scope !== 'all' && scope.length === 0) return { schools: [] }
    let query = ctx.db.selectFrom('schools').selectAll().orderBy('id')
    if (scope !== 'all') query = query.where('id', 'in', [...scope])
    const rows = await query.execute()
    return {
      schools: rows.map((row) => ({
        id: row.id,
        name: row.name,
        districtId: row.district_id,
        kind: row.kind,
        township: row.township,
      })),
    }
  })
}
