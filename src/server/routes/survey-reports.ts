import type { FastifyPluginAsync } from 'fastify'
import { canonicalJson, sha256Hex } from '../../core/digest.js'
import type { FormTemplate } from '../../core/forms/types.js'
import { PERIOD_PATTERN, periodFitsForm, periodMismatch } from '../../core/completenessState.js'
import { isPeriod } from '../../core/periods.js'
import type { CompletenessResponse, Deadline, DeadlineRequest, LatestReportsResponse } from '../../core/protocol.js'
import { ApiHttpError, bilingual } from '../api-error.js'
import type { AppContext } from '../app-context.js'
import { authenticate, signedInUser } from '../auth/authenticate.js'
import { requireRole } from '../auth/roles.js'
import { readScope } from '../auth/scope.js'
import { ownerReached, templateReach, type TemplateReach } from '../auth/template-owner.js'
import { computeCompleteness } from '../services/compute-completeness.js'
import { latestSurveyReports } from '../services/latest-survey-reports.js'
import { setDeadline } from '../services/set-deadline.js'

const formId = { type: 'string', minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9._-]+$' } as const
const period = { type: 'string', minLength: 4, maxLength: 7, pattern: '^\\d{4}(-T[12]|-(0[1-9]|1[0-2]))?$' } as const

const completenessSchema = {
  querystring: {
    type: 'object',
    required: ['formId', 'period'],
    additionalProperties: false,
    // Any form, any kind of period: an inspection's completeness can be asked by week, month, term or year.
    properties: { formId, period: { type: 'string', minLength: 4, maxLength: 8, pattern: PERIOD_PATTERN } },
  },
} as const

const deadlineSchema = {
  body: {
    type: 'object',
    required: ['formId', 'period', 'dueAt'],
    additionalProperties: false,
    properties: {
      formId,
      period,
      dueAt: { type: 'string', minLength: 10, maxLength: 40, format: 'date-time' },
      districtId: { type: 'string', minLength: 1, maxLength: 64 },
    },
  },
} as const

function matchesEtag(header: string | undefined, etag: string): boolean {
  return header !== undefined && header.split(',').some((tag) => tag.trim() === etag || tag.trim() === `W/${etag}`)
}

/** Survey reports: the phone's pull of its latest reports, and the bureau's completeness and deadlines. */
export const surveyReportsRoutes: FastifyPluginAsync<AppContext> = async (app, ctx) => {
  app.addHook('onRequest', authenticate(ctx))

  /** `reach`: whose forms count; another district's form is answered as no such form. */
  async function periodicTemplate(id: string, value: string, reach: TemplateReach): Promise<FormTemplate> {
    const row = await ctx.db.selectFrom('forms').select('template').where('id', '=', id).where(ownerReached(reach)).orderBy('version', 'desc').executeTakeFirst()
    if (!row) throw new ApiHttpError('not_found', 'No such form')
    const template = JSON.parse(row.template) as FormTemplate
    if (template.period !== undefined && !isPeriod(value, template.period)) {
      throw new ApiHttpError('bad_request', `This form is reported per ${template.period}`)
    }
    return template
  }

  // Only a school's own phone prefills from it: a district's every current report (all periods
  // of every school) is what once blocked the server for seconds at every bureau sign-in.
  app.get('/reports/latest', { preHandler: requireRole('staff', 'principal') }, async (request, reply) => {
    const { schoolId } = signedInUser(request)
    const body: LatestReportsResponse = schoolId === null ? { reports: [] } : await latestSurveyReports(ctx.db, schoolId)
    const json = canonicalJson(body)
    const etag = `"${await sha256Hex(json)}"`
    reply.header('etag', etag).header('cache-control', 'private, no-cache')
    if (matchesEtag(request.headers['if-none-match'], etag)) return reply.code(304).send()
    return reply.type('application/json; charset=utf-8').send(json)
  })

  app.get<{ Querystring: { formId: string; period: string } }>(
    '/reports/completeness',
    { schema: completenessSchema, preHandler: requireRole('inspector', 'bureau') },
    async (request): Promise<CompletenessResponse> => {
      const { formId: id, period: value } = request.query
      const user = signedInUser(request)
      const row = await ctx.db.selectFrom('forms').select('template').where('id', '=', id).where(ownerReached(templateReach(user))).orderBy('version', 'desc').executeTakeFirst()
      if (!row) throw new ApiHttpError('not_found', bilingual({ zh: '没有这个表单', en: 'No such form' }))
      const template = JSON.parse(row.template) as FormTemplate
      if (!periodFitsForm(value, template.period)) throw new ApiHttpError('bad_request', bilingual(periodMismatch(template.period)))
      return computeCompleteness(ctx.db, { scope: readScope(user), formId: id, period: value, now: ctx.now() })
    },
  )

  app.put<{ Body: DeadlineRequest }>(
    '/reports/deadlines',
    { schema: deadlineSchema, preHandler: requireRole('bureau') },
    async (request): Promise<{ deadline: Deadline }> => {
      const user = signedInUser(request)
      const { formId: id, period: value, dueAt, districtId } = request.body
      // A bureau sets deadlines for its own district only; an admin must say which district.
      const district = user.role === 'admin' ? districtId : user.districtId
      if (district === undefined || district === null) throw new ApiHttpError('bad_request', 'Name the district')
      if (user.role !== 'admin' && districtId !== undefined && districtId !== user.districtId) {
        throw new ApiHttpError('forbidden', 'You may not set deadlines for another district')
      }
      const known = await ctx.db.selectFrom('districts').select('id').where('id', '=', district).executeTakeFirst()
      if (!known) throw new ApiHttpError('not_found', 'No such district')
      // The form must be one the district's schools file: global or that district's own.
      await periodicTemplate(id, value, { kind: 'district', districtId: district })
      const deadline = await setDeadline(ctx.db, { districtId: district, formId: id, period: value, dueAt }, user.id, ctx.now())
      return { deadline }
    },
  )
}
