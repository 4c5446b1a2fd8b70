import type { FastifyPluginAsync } from 'fastify'
import type { FormTemplate } from '../../core/forms/types.js'
import type { FormImportResponse, FormVersionResponse, RetireFormResponse } from '../../core/protocol.js'
import { templateToWorkbook } from '../../core/xlsform/export-template.js'
import { ApiHttpError, bilingual } from '../api-error.js'
import type { AppContext } from '../app-context.js'
import { authenticate, signedInUser } from '../auth/authenticate.js'
import { requireRole } from '../auth/roles.js'
import { ownerReached, templateReach } from '../auth/template-owner.js'
import { importFormWorkbook, previewBuiltForm } from '../services/form-xlsx/import-form.js'
import { UPLOAD_LIMITS } from '../services/form-xlsx/read-workbook.js'
import { retireFormVersion } from '../services/form-xlsx/retire-form.js'
import { writeWorkbook } from '../services/form-xlsx/write-workbook.js'
import { recordAudit } from '../services/record-audit.js'

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const versionParams = {
  type: 'object', required: ['id', 'version'],
  properties: { id: { type: 'string', minLength: 1, maxLength: 64, pattern: '^[a-z][a-z0-9-]{0,63}$' }, version: { type: 'integer', minimum: 1, maximum: 2_147_483_647 } },
} as const
const noQuery = { type: 'object', additionalProperties: false, properties: {} } as const
const versionSchema = { params: versionParams, querystring: noQuery } as const
const publishQuery = { type: 'object', additionalProperties: false, properties: { publish: { type: 'boolean', default: false } } } as const

type VersionParams = { id: string; version: number }

/**
 * Forms as files and the builder's preview, beside /admin/forms (the JSON publish): a version
 * downloaded as our .xlsx layout, an .xlsx (ours or standard XLSForm) uploaded as a dry run or
 * published as the next version, the builder's template previewed the same way, and a version
 * retired. Bureau (its district's forms) and admin only; uploads publish through publishForm.
 */
export const formFilesRoutes: FastifyPluginAsync<AppContext> = async (app, ctx) => {
  app.addHook('onRequest', authenticate(ctx))
  app.addHook('preHandler', requireRole('bureau'))

  // The raw workbook, encapsulated to this plugin; any other content type is a 415 from Fastify.
  app.addContentTypeParser([XLSX, 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: UPLOAD_LIMITS.maxBytes }, (_request, body, done) => done(null, body))

  async function storedVersion(request: { params: VersionParams }, user: ReturnType<typeof signedInUser>): Promise<FormTemplate> {
    const row = await ctx.db.selectFrom('forms').select('template').where('id', '=', request.params.id).where('version', '=', request.params.version).where(ownerReached(templateReach(user))).executeTakeFirst()
    // Another district's form answers like a missing one.
    if (!row) throw new ApiHttpError('not_found', bilingual({ zh: '没有这个表单版本', en: 'No such form version' }))
    return JSON.parse(row.template) as FormTemplate
  }

  app.get<{ Params: VersionParams }>('/admin/forms/:id/versions/:version', { schema: versionSchema }, async (request): Promise<FormVersionResponse> => ({
    template: await storedVersion(request, signedInUser(request)),
  }))

  app.get<{ Params: VersionParams }>('/admin/forms/:id/versions/:version/xlsx', { schema: versionSchema }, async (request, reply) => {
    const user = signedInUser(request)
    const template = await storedVersion(request, user)
    const bytes = await writeWorkbook(templateToWorkbook(template))
    await recordAudit(ctx.db, { action: 'form_downloaded', at: ctx.now(), actor: user, ip: request.ip, subjectId: `${template.id}@${template.version}`, details: { formId: template.id, version: template.version } })
    const name = `${template.id}-v${template.version}.xlsx`
    return reply
      .header('content-type', XLSX)
      .header('content-disposition', `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(`${template.title.zh}-v${template.version}.xlsx`)}`)
      .header('cache-control', 'no-store')
      .send(bytes)
  })

  app.post<{ Querystring: { publish: boolean }; Body: Buffer }>(
    '/admin/forms/import',
    { schema: { querystring: publishQuery }, bodyLimit: UPLOAD_LIMITS.maxBytes, config: { publishes: 'form' } },
    async (request, reply): Promise<FormImportResponse> => {
      if (!Buffer.isBuffer(request.body)) throw new ApiHttpError('unsupported_media_type', bilingual({ zh: `请上传 .xlsx 文件（Content-Type: ${XLSX}）`, en: `Upload an .xlsx file (Content-Type: ${XLSX})` }))
      const result = await importFormWorkbook(ctx.db, signedInUser(request), request.body, request.query.publish, ctx.now(), request.ip)
      if (result.published) reply.code(201)
      return result
    },
  )

  app.post<{ Querystring: { publish: boolean }; Body: { template: unknown } }>(
    '/admin/forms/preview',
    {
      schema: { querystring: publishQuery, body: { type: 'object', required: ['template'], additionalProperties: false, properties: { template: { type: 'object' } } } },
      bodyLimit: 512 * 1024,
      config: { publishes: 'form' },
    },
    async (request, reply): Promise<FormImportResponse> => {
      const result = await previewBuiltForm(ctx.db, signedInUser(request), request.body.template, request.query.publish, ctx.now(), request.ip)
      if (result.published) reply.code(201)
      return result
    },
  )

  app.post<{ Params: VersionParams }>('/admin/forms/:id/versions/:version/retire', { schema: { ...versionSchema, body: { type: 'object', additionalProperties: false, properties: {} } } }, async (request): Promise<RetireFormResponse> => ({
    form: await retireFormVersion(ctx.db, signedInUser(request), request.params.id, request.params.version, ctx.now(), request.ip),
  }))
}
