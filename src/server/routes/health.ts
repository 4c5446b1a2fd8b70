import type { FastifyPluginAsync } from 'fastify'
import { sql } from 'kysely'
import type { HealthResponse } from '../../core/protocol.js'
import type { AppContext } from '../app-context.js'

export const healthRoutes: FastifyPluginAsync<AppContext> = async (app, ctx) => {
  app.get('/health', async (): Promise<HealthResponse> => {
    await sql`select 1`.execute(ctx.db)
    return { ok: true, db: ctx.dialect }
  })
}
