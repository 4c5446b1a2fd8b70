import { PassThrough, type Writable } from 'node:stream'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { todayIso } from '../../core/dates.js'
import { PERIOD_PATTERN, periodFitsForm, periodMismatch } from '../../core/completenessState.js'
import { isPeriod } from '../../core/periods.js'
import { ApiHttpError, bilingual } from '../api-error.js'
import type { AppContext } from '../app-context.js'
import { authenticate, signedInUser } from '../auth/authenticate.js'
import { requireRole } from '../auth/roles.js'
import { readScope } from '../auth/scope.js'
import { templateReach } from '../auth/template-owner.js'
import { contentTypes, type ExportFormat } from '../exports/table-sink.js'
import { computeCompleteness } from '../services/compute-completeness.js'
import { formVersions, writeFormExport } from '../services/export-form.js'
import { writeCompletenessExport, writeHazardsExport } from '../services/export-tables.js'
import { countReports } from '../services/iterate-reports.js'
import { recordAudit } from '../services/record-audit.js'

const period = { type: 'string', minLength: 4, maxLength: 7, pattern: '^\\d{4}(-T[12]|-(0[1-9]|1[0-2]))?$' } as const
const formId = { type: 'string', minLength: 1, maxLength: 64, pattern: '^[a-z][a-z0-9-]{0,63}$' } as const
const formats = ['xlsx', 'csv'] as const

const formSchema = {
  params: {
    type: 'object',
    required: ['file'],
    properties: { file: { type: 'string', maxLength: 80, pattern: '^[a-z][a-z0-9-]{0,63}\\.(xlsx|csv)$' } },
  },
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: { period, current: { type: 'boolean', default: false } },
  },
} as const

const completenessSchema = {
  params: { type: 'object', required: ['format'], properties: { format: { type: 'string', enum: formats } } },
  querystring: { type: 'object', required: ['formId', 'period'], additionalProperties: false, properties: { formId, period: { type: 'string', minLength: 4, maxLength: 8, pattern: PERIOD_PATTERN } } },
} as const

const hazardsSchema = {
  params: { type: 'object', required: ['format'], properties: { format: { type: 'string', enum: formats } } },
} as const

/**
 * Sends the export as it is written: the status and headers go first, rows follow page by page.
 * A failure half-way cuts the download, so the browser reports it instead of saving half a file.
 */
export function streamExport(request: FastifyRequest, reply: FastifyReply, format: ExportFormat, name: string, rows: number | null, write: (out: Writable) => Promise<void>) {
  const out = new PassThrough()
  reply
    .header('content-type', contentTypes[format])
    .header('content-disposition', `attachment; filename="export.${format}"; filename*=UTF-8''${encodeURIComponent(`${name}.${format}`)}`)
    .header('cache-control', 'no-store')
  if (rows !== null) reply.header('x-export-rows', String(rows))
  write(out).catch((error: unknown) => {
    request.log.error({ err: error }, 'export failed')
    out.destroy(error instanceof Error ? error : new Error(String(error)))
  })
  return reply.send(out)
}

/** XLSX and CSV for the bureau: any form's reports, the completeness table, the hazards table. */
export const exportsRoutes: FastifyPluginAsync<AppContext> = async (app, ctx) => {
  app.addHook('onRequest', authenticate(ctx))
  const preHandler = requireRole('inspector', 'bureau')

  async function audit(request: FastifyRequest, details: Record<string, unknown>): Promise<void> {
    await recordAudit(ctx.db, { action: 'export', at: ctx.now(), actor: signedInUser(request), ip: request.ip, details })
  }

  app.get<{ Params: { format: ExportFormat }; Querystring: { formId: string; period: string } }>(
    '/exports/completeness.:format',
    { schema: completenessSchema, preHandler },
    async (request, reply) => {
      const { formId: id, period: value } = request.query
      const newest = (await formVersions(ctx.db, id, templateReach(signedInUser(request)))).at(-1)
      if (!newest) throw new ApiHttpError('not_found', 'No such form')
      if (!periodFitsForm(value, newest.period)) throw new ApiHttpError('bad_request', bilingual(periodMismatch(newest.period)))
      const scope = readScope(signedInUser(request))
      const report = await computeCompleteness(ctx.db, { scope, formId: id, period: value, now: ctx.now() })
      await audit(request, { table: 'completeness', formId: id, period: value, format: request.params.format })
      return streamExport(request, reply, request.params.format, `${newest.title.zh}-${value}-上报情况`, report.schools.length, (out) =>
        writeCompletenessExport(ctx.db, out, request.params.format, newest.title.zh, report, scope))
    },
  )

  app.get<{ Params: { format: ExportFormat } }>('/exports/hazards.:format', { schema: hazardsSchema, preHandler }, async (request, reply) => {
    const scope = readScope(signedInUser(request))
    const today = todayIso(ctx.now())
    await audit(request, { table: 'hazards', format: request.params.format })
    return streamExport(request, reply, request.params.format, `隐患台账-${today}`, null, (out) =>
      writeHazardsExport(ctx.db, out, request.params.format, scope, today))
  })

  app.get<{ Params: { file: string }; Querystring: { period?: string; current: boolean } }>(
    '/exports/:file',
    { schema: formSchema, preHandler },
    async (request, reply) => {
      const dot = request.params.file.lastIndexOf('.')
      const id = request.params.file.slice(0, dot)
      const format = request.params.file.slice(dot + 1) as ExportFormat
      const templates = await formVersions(ctx.db, id, templateReach(signedInUser(request)))
      const newest = templates.at(-1)
      if (!newest) throw new ApiHttpError('not_found', 'No such form')
      const { period: value, current } = request.query
      if (value !== undefined && newest.period !== undefined && !isPeriod(value, newest.period)) {
        throw new ApiHttpError('bad_request', `This form is reported per ${newest.period}`)
      }
      const filter = { formId: id, scope: readScope(signedInUser(request)), currentOnly: current, ...(value === undefined ? {} : { period: value }) }
      const rows = await countReports(ctx.db, { ...filter, periodic: newest.period !== undefined })
      await audit(request, { table: 'reports', formId: id, ...(value === undefined ? {} : { period: value }), format, rows })
      return streamExport(request, reply, format, `${newest.title.zh}${value === undefined ? '' : `-${value}`}`, rows, (out) =>
        writeFormExport(ctx.db, out, templates, { ...filter, format, publicUrl: ctx.config.publicUrl }))
    },
  )
}
