import type { FastifyPluginAsync } from 'fastify'
import { checkNoticeInput, type InputIssue } from '../../core/noticeInput.js'
import { NOTICE_PAGE_MAX, NOTICE_PAGE_SIZE, type NoticeReadsResponse, type NoticeResponse, type NoticesResponse } from '../../core/noticeProtocol.js'
import { ApiHttpError, bilingual } from '../api-error.js'
import type { AppContext } from '../app-context.js'
import { authenticate, signedInUser } from '../auth/authenticate.js'
import { requireRole } from '../auth/roles.js'
import { findVisibleNotice, listNotices } from '../services/notices/list-notices.js'
import { noticeReads } from '../services/notices/notice-reads.js'
import { publishNotice } from '../services/notices/publish-notice.js'
import type { PageRequest } from '../services/paging-cursor.js'

const idParams = {
  params: { type: 'object', required: ['id'], properties: { id: { type: 'string', minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9._-]+$' } } },
} as const
// The body is checked by core (checkNoticeInput) so the bureau's screen and the server say the same words.
const noticeBody = { body: { type: 'object', maxProperties: 10 } } as const
/** GET /notices and /campaigns: the previous page's nextCursor, and a page size. */
export const pageQuery = {
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: {
      cursor: { type: 'string', minLength: 1, maxLength: 512 },
      limit: { type: 'integer', minimum: 1, maximum: NOTICE_PAGE_MAX, default: NOTICE_PAGE_SIZE },
    },
  },
} as const

/** A composed notice or campaign that core refused: 400 with every problem, in both languages. */
export function refuseInput(issues: readonly InputIssue[]): never {
  const [first] = issues
  throw new ApiHttpError('validation_failed', first ? bilingual(first.message) : 'Invalid input', issues.map((issue) => ({
    fieldId: issue.field, code: 'type', severity: 'error', message: issue.message,
  })))
}

const notFound = () => new ApiHttpError('not_found', bilingual({ zh: '没有这条通知', en: 'No such notice' }))

/**
 * 通知/通报. The bureau (an admin for a named district) publishes; everyone lists what they may
 * see (schools: only what was sent to them); the district's people see who read each one and when.
 * Reads themselves arrive through POST /submissions (form notice-read), like any report.
 */
export const noticesRoutes: FastifyPluginAsync<AppContext> = async (app, ctx) => {
  app.addHook('onRequest', authenticate(ctx))

  app.get<{ Querystring: PageRequest }>('/notices', { schema: pageQuery }, (request): Promise<NoticesResponse> => listNotices(ctx.db, signedInUser(request), request.query))

  app.post('/notices', { schema: noticeBody, preHandler: requireRole('bureau') }, async (request, reply): Promise<{ notice: NoticeResponse['notice'] }> => {
    const checked = checkNoticeInput(request.body)
    if (!checked.ok) refuseInput(checked.issues)
    const user = signedInUser(request)
    const published = await publishNotice(ctx.db, user, checked.value, ctx.now())
    const notice = await findVisibleNotice(ctx.db, user, published.id)
    if (!notice) throw notFound()
    reply.code(201)
    return { notice }
  })

  app.get<{ Params: { id: string } }>('/notices/:id', { schema: idParams }, async (request): Promise<NoticeResponse> => {
    const notice = await findVisibleNotice(ctx.db, signedInUser(request), request.params.id)
    if (!notice) throw notFound()
    return { notice }
  })

  app.get<{ Params: { id: string } }>('/notices/:id/reads', { schema: idParams, preHandler: requireRole('inspector', 'bureau') }, async (request): Promise<NoticeReadsResponse> => {
    const notice = await findVisibleNotice(ctx.db, signedInUser(request), request.params.id)
    if (!notice) throw notFound()
    return noticeReads(ctx.db, notice.id)
  })
}
