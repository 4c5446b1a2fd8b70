import type { FastifyPluginAsync } from 'fastify'
import { checkCampaignInput, checkCloseCampaignInput } from '../../core/noticeInput.js'
import type { CampaignProgressResponse, CampaignResponse, CampaignsResponse, CloseCampaignResponse } from '../../core/noticeProtocol.js'
import { ApiHttpError, bilingual } from '../api-error.js'
import type { AppContext } from '../app-context.js'
import { authenticate, signedInUser } from '../auth/authenticate.js'
import { requireRole } from '../auth/roles.js'
import type { ExportFormat } from '../exports/table-sink.js'
import { campaignProgress } from '../services/campaigns/campaign-progress.js'
import { closeCampaign } from '../services/campaigns/close-campaign.js'
import { writeCampaignExport } from '../services/campaigns/export-campaign.js'
import { launchCampaign } from '../services/campaigns/launch-campaign.js'
import { findVisibleCampaign, listCampaigns } from '../services/campaigns/list-campaigns.js'
import type { PageRequest } from '../services/paging-cursor.js'
import { recordAudit } from '../services/record-audit.js'
import { streamExport } from './exports.js'
import { pageQuery, refuseInput } from './notices.js'

const id = { type: 'string', minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' } as const
const idParams = { params: { type: 'object', required: ['id'], properties: { id } } } as const
const exportParams = { params: { type: 'object', required: ['id', 'format'], properties: { id, format: { type: 'string', enum: ['xlsx', 'csv'] } } } } as const
// Bodies are checked by core (noticeInput.ts), the same words as the bureau's screen.
const body = { body: { type: 'object', maxProperties: 12 } } as const

const notFound = () => new ApiHttpError('not_found', bilingual({ zh: '没有这项专项检查', en: 'No such campaign' }))

/**
 * 专项检查: the bureau launches (部署) and closes with a 通报; schools list and open the ones
 * sent to them; the district's people follow progress school by school and export it.
 * Acknowledgements (已阅) arrive through POST /submissions (form campaign-ack).
 */
export const campaignsRoutes: FastifyPluginAsync<AppContext> = async (app, ctx) => {
  app.addHook('onRequest', authenticate(ctx))
  const districtOnly = requireRole('inspector', 'bureau')

  app.get<{ Querystring: PageRequest }>('/campaigns', { schema: pageQuery }, (request): Promise<CampaignsResponse> => listCampaigns(ctx.db, signedInUser(request), request.query))

  app.post('/campaigns', { schema: body, preHandler: requireRole('bureau') }, async (request, reply): Promise<CampaignResponse> => {
    const checked = checkCampaignInput(request.body)
    if (!checked.ok) refuseInput(checked.issues)
    const user = signedInUser(request)
    const launched = await launchCampaign(ctx.db, user, checked.value, ctx.now())
    const campaign = await findVisibleCampaign(ctx.db, user, launched.id)
    if (!campaign) throw notFound()
    reply.code(201)
    return { campaign }
  })

  app.get<{ Params: { id: string } }>('/campaigns/:id', { schema: idParams }, async (request): Promise<CampaignResponse> => {
    const campaign = await findVisibleCampaign(ctx.db, signedInUser(request), request.params.id)
    if (!campaign) throw notFound()
    return { campaign }
  })

  app.get<{ Params: { id: string } }>('/campaigns/:id/progress', { schema: idParams, preHandler: districtOnly }, async (request): Promise<CampaignProgressResponse> => {
    const progress = await campaignProgress(ctx.db, signedInUser(request), request.params.id, ctx.now())
    if (!progress) throw notFound()
    return progress
  })

  app.get<{ Params: { id: string; format: ExportFormat } }>('/campaigns/:id/progress.:format', { schema: exportParams, preHandler: districtOnly }, async (request, reply) => {
    const user = signedInUser(request)
    const progress = await campaignProgress(ctx.db, user, request.params.id, ctx.now())
    if (!progress) throw notFound()
    const { format } = request.params
    await recordAudit(ctx.db, { action: 'export', at: ctx.now(), actor: user, ip: request.ip, details: { table: 'campaign', campaignId: progress.campaign.id, format } })
    return streamExport(request, reply, format, `${progress.campaign.title}-进度`, progress.schools.length, (out) => writeCampaignExport(ctx.db, out, format, progress))
  })

  app.post<{ Params: { id: string } }>('/campaigns/:id/close', { schema: { ...idParams, ...body }, preHandler: requireRole('bureau') }, async (request): Promise<CloseCampaignResponse> => {
    const checked = checkCloseCampaignInput(request.body)
    if (!checked.ok) refuseInput(checked.issues)
    return closeCampaign(ctx.db, signedInUser(request), request.params.id, checked.value, ctx.now())
  })
}
