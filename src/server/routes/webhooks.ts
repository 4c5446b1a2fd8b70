import type { FastifyPluginAsync } from 'fastify'
import { WEBHOOK_CHANNELS, type WebhookEntry, type WebhookRequest } from '../../core/reminders.js'
import type { AppContext } from '../app-context.js'
import { authenticate, signedInUser } from '../auth/authenticate.js'
import { requireRole } from '../auth/roles.js'
import { listWebhooks, removeWebhook, setWebhook } from '../services/reminders/webhooks.js'

const id = { type: 'string', minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9._-]+$' } as const

const schemas = {
  set: {
    body: {
      type: 'object', required: ['channel', 'url'], additionalProperties: false,
      properties: {
        channel: { type: 'string', enum: [...WEBHOOK_CHANNELS] },
        url: { type: 'string', minLength: 10, maxLength: 500 },
        secret: { type: 'string', maxLength: 200 },
        schoolId: id,
        districtId: id,
      },
    },
  },
  remove: { params: { type: 'object', required: ['id'], properties: { id: { type: 'string', minLength: 1, maxLength: 80, pattern: '^(district|school):[A-Za-z0-9._-]+$' } } } },
} as const

/**
 * The group robots (企业微信, 钉钉) that carry 催报 to a district's or a school's group. Their
 * addresses and secrets go in and never come out: replies show a mask.
 */
export const webhooksRoutes: FastifyPluginAsync<AppContext> = async (app, ctx) => {
  app.addHook('onRequest', authenticate(ctx))
  app.addHook('preHandler', requireRole('bureau'))

  app.get('/webhooks', async (request): Promise<{ webhooks: WebhookEntry[] }> => ({ webhooks: await listWebhooks(ctx.db, signedInUser(request)) }))

  app.put<{ Body: WebhookRequest }>('/webhooks', { schema: schemas.set }, async (request): Promise<WebhookEntry> =>
    setWebhook(ctx.db, signedInUser(request), request.body, ctx.config.webhookExtraOrigins, ctx.now(), request.ip))

  app.delete<{ Params: { id: string } }>('/webhooks/:id', { schema: schemas.remove }, async (request, reply) => {
    await removeWebhook(ctx.db, signedInUser(request), request.params.id, ctx.now(), request.ip)
    return reply.code(204).send()
  })
}
