import type { FastifyPluginAsync } from 'fastify'
import type { SchoolsResponse } from '../../core/protocol.js'
import type { AppContext } from '../app-context.js'
import { authenticate, signedInUser } from '../auth/authenticate.js'
import { readScope, schoolIdInScope } from '../auth/scope.js'

export const schoolsRoutes: FastifyPluginAsync<AppContext> = async (app, ctx) => {
  app.addHook('onRequest', authenticate(ctx))

  app.get('/schools', async (request): Promise<SchoolsResponse> => {
    // By district in the query: a district's school ids as parameters would grow with it.
    const rows = await ctx.db.selectFrom('schools').selectAll().where(schoolIdInScope('id', readScope(signedInUser(request)), 'district_id')).orderBy('id').execute()
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
