import type { FastifyPluginAsync } from 'fastify'
import type { OutboundMessageEntry, ReminderSettings, RemindersResponse, SendRemindersRequest, SendRemindersResponse } from '../../core/reminders.js'
import type { AppContext } from '../app-context.js'
import { authenticate, signedInUser } from '../auth/authenticate.js'
import { requireRole } from '../auth/roles.js'
import { listReminders, retryMessage } from '../services/reminders/list-reminders.js'
import { checkReminderSettingsFor, getReminderSettings, putReminderSettings } from '../services/reminders/reminder-settings.js'
import { sendReminders } from '../services/reminders/send-reminders.js'
import { refuseInput } from './notices.js'

const id = { type: 'string', minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9._-]+$' } as const
const formId = { type: 'string', minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9._-]+$' } as const
const period = { type: 'string', minLength: 4, maxLength: 7, pattern: '^\\d{4}(-T[12]|-(0[1-9]|1[0-2]))?$' } as const

const schemas = {
  send: {
    body: {
      type: 'object', required: ['formId', 'period'], additionalProperties: false,
      properties: { formId, period, schoolIds: { type: 'array', minItems: 1, maxItems: 1000, items: id }, districtId: id },
    },
  },
  list: { querystring: { type: 'object', additionalProperties: false, properties: { formId, period } } },
  // No body, or an empty one: the message's id says everything.
  retry: { params: { type: 'object', required: ['id'], properties: { id: { type: 'string', minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9-]+$' } } }, body: { type: ['object', 'null'], additionalProperties: false, properties: {} } },
  settingsQuery: { querystring: { type: 'object', additionalProperties: false, properties: { districtId: id } } },
  // The body is checked by core (checkReminderSettings), so the bureau's screen and the server say the same words.
  settings: {
    querystring: { type: 'object', additionalProperties: false, properties: { districtId: id } },
    body: { type: 'object', maxProperties: 8 },
  },
} as const

/**
 * 催报 and what became of it (issue 14): the bureau reminds the schools that have not filed,
 * watches delivery, retries dead letters and sets the automatic reminders. District-scoped.
 */
export const remindersRoutes: FastifyPluginAsync<AppContext> = async (app, ctx) => {
  app.addHook('onRequest', authenticate(ctx))
  app.addHook('preHandler', requireRole('bureau'))

  app.post<{ Body: SendRemindersRequest }>('/reminders', { schema: schemas.send }, async (request): Promise<SendRemindersResponse> =>
    sendReminders(ctx.db, signedInUser(request), request.body, ctx.now(), request.ip))

  app.get<{ Querystring: { formId?: string; period?: string } }>('/reminders', { schema: schemas.list }, async (request): Promise<RemindersResponse> =>
    listReminders(ctx.db, signedInUser(request), request.query))

  app.post<{ Params: { id: string } }>('/outbound-messages/:id/retry', { schema: schemas.retry }, async (request): Promise<OutboundMessageEntry> =>
    retryMessage(ctx.db, signedInUser(request), request.params.id, ctx.now()))

  app.get<{ Querystring: { districtId?: string } }>('/reminder-settings', { schema: schemas.settingsQuery }, async (request): Promise<ReminderSettings> =>
    getReminderSettings(ctx.db, signedInUser(request), request.query.districtId))

  app.put<{ Querystring: { districtId?: string }; Body: unknown }>('/reminder-settings', { schema: schemas.settings }, async (request): Promise<ReminderSettings> => {
    const user = signedInUser(request)
    const checked = await checkReminderSettingsFor(ctx.db, user, request.body, request.query.districtId)
    if (!checked.ok) refuseInput(checked.issues)
    return putReminderSettings(ctx.db, user, checked.value, request.query.districtId, ctx.now(), request.ip)
  })
}
