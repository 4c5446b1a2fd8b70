import type { FastifyPluginAsync } from 'fastify'
import type { ScheduleEntry, ScheduleHistoryResponse, SchedulePreview, SchedulePreviewRequest, ScheduleRequest, SchedulesResponse } from '../../core/scheduleProtocol.js'
import type { AppContext } from '../app-context.js'
import { adminScope, targetDistrict } from '../auth/admin-scope.js'
import { authenticate, signedInUser } from '../auth/authenticate.js'
import { requireRole } from '../auth/roles.js'
import { districtSchools, listSchedules, previewRule, scheduleHistory } from '../services/schedules/list-schedules.js'
import { changeSchedule, checkRuleForDistrict, createSchedule, retireSchedule } from '../services/schedules/save-schedule.js'

const id = { type: 'string', minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9._-]+$' } as const
const idParams = { type: 'object', required: ['id'], properties: { id } } as const
const day = { type: ['string', 'null'], maxLength: 10 } as const
const text = {
  type: 'object', required: ['zh', 'en'], additionalProperties: false,
  properties: { zh: { type: 'string', minLength: 1, maxLength: 100 }, en: { type: 'string', minLength: 1, maxLength: 100 } },
} as const
const list = (item: object) => ({ type: 'array', maxItems: 500, items: item }) as const
const month = { type: 'integer' } as const

/** The shape only: core checkScheduleRule judges the values and says what is wrong in Chinese and English. */
const rule = {
  type: 'object', required: ['formId', 'formVersion', 'recurrence', 'due', 'audience', 'validFrom', 'validTo'], additionalProperties: false,
  properties: {
    formId: id,
    formVersion: { type: ['integer', 'null'], minimum: 1 },
    pledgeId: id,
    recurrence: {
      type: 'object', required: ['kind'], additionalProperties: false,
      properties: {
        kind: { type: 'string', enum: ['once', 'weekly', 'monthly', 'termly', 'yearly'] },
        period: { type: 'string', maxLength: 8 },
        months: { type: 'object', required: ['from', 'to'], additionalProperties: false, properties: { from: month, to: month } },
      },
    },
    due: {
      type: 'object', required: ['kind'], additionalProperties: false,
      properties: { kind: { type: 'string', enum: ['day_of_next_month', 'days_after_end', 'days_after_start', 'date'] }, day: { type: 'integer' }, days: { type: 'integer' }, date: { type: 'string', maxLength: 10 } },
    },
    audience: {
      type: 'object', required: ['kinds', 'townships', 'schoolIds'], additionalProperties: false,
      properties: { kinds: list({ type: 'string', maxLength: 32 }), townships: list({ type: 'string', maxLength: 50 }), schoolIds: list(id) },
    },
    validFrom: day,
    validTo: day,
  },
} as const

const schemas = {
  save: { body: { type: 'object', required: ['title', 'rule'], additionalProperties: false, properties: { title: text, rule, districtId: id } } },
  change: { params: idParams, body: { type: 'object', required: ['title', 'rule'], additionalProperties: false, properties: { title: text, rule } } },
  preview: { body: { type: 'object', required: ['rule'], additionalProperties: false, properties: { rule, districtId: id } } },
  one: { params: idParams },
} as const

/**
 * What schools owe: /api/v1/schedules. The bureau (and admin) writes its own district's;
 * inspectors read them; school accounts get 403. Every save is a new version, audited.
 */
export const schedulesRoutes: FastifyPluginAsync<AppContext> = async (app, ctx) => {
  app.addHook('onRequest', authenticate(ctx))
  // Roles before the body's schema: a school account learns nothing from a validation error.
  const readers = requireRole('inspector', 'bureau')
  const writers = requireRole('bureau')
  const context = (request: { ip: string }, user: ReturnType<typeof signedInUser>) => ({ user, now: ctx.now(), ip: request.ip })

  app.get('/schedules', { preValidation: readers }, async (request): Promise<SchedulesResponse> => listSchedules(ctx.db, signedInUser(request), ctx.now()))

  app.get<{ Params: { id: string } }>('/schedules/:id', { schema: schemas.one, preValidation: readers }, async (request): Promise<ScheduleHistoryResponse> => ({
    versions: await scheduleHistory(ctx.db, signedInUser(request), request.params.id),
  }))

  app.post<{ Body: ScheduleRequest }>('/schedules', { schema: schemas.save, preValidation: writers }, async (request, reply): Promise<{ schedule: ScheduleEntry }> => {
    const schedule = await createSchedule(ctx.db, request.body, context(request, signedInUser(request)))
    reply.code(201)
    return { schedule }
  })

  app.put<{ Params: { id: string }; Body: ScheduleRequest }>('/schedules/:id', { schema: schemas.change, preValidation: writers }, async (request): Promise<{ schedule: ScheduleEntry }> => ({
    schedule: await changeSchedule(ctx.db, request.params.id, request.body, context(request, signedInUser(request))),
  }))

  app.delete<{ Params: { id: string } }>('/schedules/:id', { schema: schemas.one, preValidation: writers }, async (request): Promise<{ schedule: ScheduleEntry }> => ({
    schedule: await retireSchedule(ctx.db, request.params.id, context(request, signedInUser(request))),
  }))

  app.post<{ Body: SchedulePreviewRequest }>('/schedules/preview', { schema: schemas.preview, preValidation: writers }, async (request): Promise<SchedulePreview> => {
    const user = signedInUser(request)
    const districtId = targetDistrict(adminScope(user), request.body.districtId)
    const rule = await checkRuleForDistrict(ctx.db, districtId, request.body.rule)
    return previewRule(rule, await districtSchools(ctx.db, districtId), ctx.now())
  })
}
