import type { FastifyPluginAsync } from 'fastify'
import { todayIso } from '../../core/dates.js'
import type { FormTemplate, PeriodKind } from '../../core/forms/types.js'
import { isPeriod, periodOf } from '../../core/periods.js'
import { HAZARD_BOARD_SORTS, type CanteenSummary, type CompletenessOverview, type HazardBoard, type HazardBoardPage, type HazardBoardQuery, type PledgeSummary, type SurveyTotals } from '../../core/protocol.js'
import { WARNING_LEVELS } from '../../core/warningLevel.js'
import { ApiHttpError } from '../api-error.js'
import type { AppContext } from '../app-context.js'
import { authenticate, signedInUser } from '../auth/authenticate.js'
import { requireRole } from '../auth/roles.js'
import { narrowToSchool, readScope } from '../auth/scope.js'
import { templateReach } from '../auth/template-owner.js'
import { formVersions } from '../services/export-form.js'
import { canteenSummary } from '../services/reports-canteen.js'
import { completenessOverview } from '../services/reports-completeness.js'
import { hazardBoard } from '../services/hazard-board-counts.js'
import { BOARD_PAGE_SIZE, hazardBoardPage } from '../services/reports-hazards.js'
import { pledgeSummary } from '../services/reports-pledges.js'
import { surveyTotals } from '../services/reports-surveys.js'

const period = { type: 'string', minLength: 4, maxLength: 7, pattern: '^\\d{4}(-T[12]|-(0[1-9]|1[0-2]))?$' } as const

const schemas = {
  canteen: { querystring: { type: 'object', additionalProperties: false, properties: { term: { type: 'string', pattern: '^\\d{4}-T[12]$' } } } },
  boardRows: {
    querystring: {
      type: 'object', additionalProperties: false,
      properties: {
        status: { type: 'string', enum: ['open', 'overdue', 'rectified', 'closed'] },
        level: { type: 'string', enum: [...WARNING_LEVELS] },
        schoolId: { type: 'string', minLength: 1, maxLength: 64 },
        formId: { type: 'string', minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9._-]+$' },
        sort: { type: 'string', enum: [...HAZARD_BOARD_SORTS] },
        page: { type: 'integer', minimum: 1, maximum: 100_000, default: 1 },
        pageSize: { type: 'integer', minimum: 1, maximum: 200, default: BOARD_PAGE_SIZE },
      },
    },
  },
  surveys: {
    querystring: {
      type: 'object', required: ['formId', 'period'], additionalProperties: false,
      properties: { formId: { type: 'string', minLength: 1, maxLength: 64, pattern: '^[a-z][a-z0-9-]{0,63}$' }, period },
    },
  },
} as const

/** The bureau's dashboards: completeness overview, hazards board, canteen grades, survey totals, pledges. */
export const reportsRoutes: FastifyPluginAsync<AppContext> = async (app, ctx) => {
  app.addHook('onRequest', authenticate(ctx))
  app.addHook('preHandler', requireRole('inspector', 'bureau'))

  app.get('/reports/overview', async (request): Promise<CompletenessOverview> => {
    const user = signedInUser(request)
    return completenessOverview(ctx.db, { schools: readScope(user), districtId: user.role === 'admin' ? null : user.districtId, reach: templateReach(user) }, ctx.now())
  })

  app.get('/reports/hazard-board', async (request): Promise<HazardBoard> =>
    hazardBoard(ctx.db, readScope(signedInUser(request)), todayIso(ctx.now())))

  app.get<{ Querystring: HazardBoardQuery }>('/reports/hazard-board/rows', { schema: schemas.boardRows }, async (request): Promise<HazardBoardPage> => {
    const { schoolId } = request.query
    const scope = await narrowToSchool(ctx.db, signedInUser(request), schoolId)
    return hazardBoardPage(ctx.db, scope, request.query, todayIso(ctx.now()))
  })

  app.get<{ Querystring: { term?: string } }>('/reports/canteen-summary', { schema: schemas.canteen }, async (request): Promise<CanteenSummary> => {
    return canteenSummary(ctx.db, readScope(signedInUser(request)), request.query.term ?? periodOf(ctx.now(), 'term'))
  })

  app.get<{ Querystring: { formId: string; period: string } }>('/reports/survey-totals', { schema: schemas.surveys }, async (request): Promise<SurveyTotals> => {
    const newest = (await formVersions(ctx.db, request.query.formId, templateReach(signedInUser(request)))).at(-1)
    if (!newest || newest.kind !== 'survey' || newest.period === undefined) throw new ApiHttpError('not_found', 'No such survey')
    if (!isPeriod(request.query.period, newest.period)) throw new ApiHttpError('bad_request', `This survey is reported per ${newest.period}`)
    return surveyTotals(ctx.db, newest as FormTemplate & { period: PeriodKind }, request.query.period, readScope(signedInUser(request)))
  })

  app.get('/reports/pledge-summary', async (request): Promise<PledgeSummary> => {
    const user = signedInUser(request)
    return pledgeSummary(ctx.db, templateReach(user), readScope(user), todayIso(ctx.now()))
  })
}
