import type { FastifyPluginAsync } from 'fastify'
import { MAX_BATCH, type SubmissionsPage, type SubmitResponse } from '../../core/protocol.js'
import type { AppContext } from '../app-context.js'
import { authenticate, signedInUser } from '../auth/authenticate.js'
import { narrowToSchool } from '../auth/scope.js'
import { ingestBatch } from '../services/ingest.js'
import { listSubmissions, type SubmissionFilter } from '../services/list-submissions.js'

// Items are only required to be objects here: each is checked on its own by ingest, so one
// malformed report is rejected alone instead of failing the whole batch.
const postSchema = {
  body: {
    type: 'object',
    required: ['submissions'],
    additionalProperties: false,
    properties: {
      submissions: { type: 'array', minItems: 1, maxItems: MAX_BATCH, items: { type: 'object' } },
    },
  },
} as const

type ListQuery = { formId?: string; period?: string; schoolId?: string; cursor?: string; limit: number }

const listSchema = {
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: {
      formId: { type: 'string', minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9._-]+$' },
      period: { type: 'string', pattern: '^\\d{4}(-T[12]|-(0[1-9]|1[0-2]))?$' },
      schoolId: { type: 'string', minLength: 1, maxLength: 64 },
      cursor: { type: 'string', minLength: 1, maxLength: 512 },
      limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
    },
  },
} as const

export const submissionsRoutes: FastifyPluginAsync<AppContext> = async (app, ctx) => {
  app.addHook('onRequest', authenticate(ctx))

  app.post<{ Body: { submissions: unknown[] } }>(
    '/submissions',
    { schema: postSchema, bodyLimit: 8 * 1024 * 1024, config: { itemsCheckedAlone: true } },
    async (request): Promise<SubmitResponse> => {
      const results = await ingestBatch(ctx.db, signedInUser(request), request.body.submissions, ctx.now())
      return { results }
    },
  )

  app.get<{ Querystring: ListQuery }>('/submissions', { schema: listSchema }, async (request): Promise<SubmissionsPage> => {
    const { formId, period, schoolId, cursor, limit } = request.query
    const filter: SubmissionFilter = {
      scope: await narrowToSchool(ctx.db, signedInUser(request), schoolId),
      limit,
      ...(formId === undefined ? {} : { formId }),
      ...(period === undefined ? {} : { period }),
      ...(cursor === undefined ? {} : { cursor }),
    }
    return listSubmissions(ctx.db, filter)
  })
}
