import type { FastifyPluginAsync } from 'fastify'
import type { User } from '../../core/protocol.js'
import type { AppContext } from '../app-context.js'
import { authenticate, signedInUser } from '../auth/authenticate.js'

export const meRoutes: FastifyPluginAsync<AppContext> = async (app, ctx) => {
  app.addHook('onRequest', authenticate(ctx))
  app.get('/me', async (request): Promise<User> => signedInUser(request))
}
