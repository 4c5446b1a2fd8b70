import type { Writable } from 'node:stream'
import type { Kysely } from 'kysely'
import { chinaTime, repeatRows, repeatSheets, reportCells, reportColumns, type ExportCell } from '../../core/exportLayout.js'
import type { Answers, FormTemplate } from '../../core/forms/types.js'
import { ownerReached, type TemplateReach } from '../auth/template-owner.js'
import type { Database } from '../db/schema.js'
import { drained, openSink, type ExportFormat, type TableColumn } from '../exports/table-sink.js'
import { iterateReports, type ReportFilter, type ReportRow } from './iterate-reports.js'

export type FormExport = Omit<ReportFilter, 'periodic'> & {
  readonly format: ExportFormat
  /**
   * PUBLIC_URL, e.g. `https://report.example.cn`: photo links must work from a spreadsheet on
   * another machine. Undefined: photos are named by path as text, because a relative link in a
   * spreadsheet resolves against the file's own folder, and the request's Host is the sender's.
   */
  readonly publicUrl: string | undefined
  readonly pageSize?: number
}

/**
 * Every published version of a form, oldest first; empty when there is no such form or it is
 * another district's (the same answer: the caller cannot tell them apart).
 */
export async function formVersions(db: Kysely<Database>, formId: string, reach: TemplateReach): Promise<FormTemplate[]> {
  const rows = await db.selectFrom('forms').select('template').where('id', '=', formId).where(ownerReached(reach)).orderBy('version').execute()
  return rows.map((row) => JSON.parse(row.template) as FormTemplate)
}

const baseColumns: readonly TableColumn[] = [
  { header: '报告编号', width: 38 },
  { header: '学校', width: 24 },
  { header: '乡镇', width: 10 },
  { header: '周期', width: 10 },
  { header: '表单版本', width: 8 },
  { header: '填报人', width: 14 },
  { header: '填写完成时间（北京时间）', width: 20 },
  { header: '接收时间（北京时间）', width: 20 },
  { header: '已被更正', width: 8 },
]

const repeatBaseColumns: readonly TableColumn[] = [
  { header: '报告编号', width: 38 },
  { header: '学校', width: 24 },
  { header: '序号', width: 6 },
]

function answersOf(row: ReportRow): Answers {
  return (JSON.parse(row.body) as { answers?: Answers }).answers ?? {}
}

function baseCells(row: ReportRow): ExportCell[] {
  return [
    row.id,
    row.schoolName,
    row.township,
    row.period,
    row.formVersion,
    row.userName,
    chinaTime(row.completedAt),
    chinaTime(row.receivedAt),
    row.superseded === null ? null : row.superseded ? '是' : '否',
  ]
}

/**
 * One row per report, answers spread over columns per field, streamed page by page into `out`
 * (XLSX or CSV). `templates` are the form's versions (formVersions), looked up by the caller
 * before the response starts so an unknown form is still a clean 404.
 */
export async function writeFormExport(db: Kysely<Database>, out: Writable, templates: readonly FormTemplate[], request: FormExport): Promise<void> {
  const newest = templates[templates.length - 1]
  if (!newest) throw new Error(`no templates for ${request.formId}`)
  const columns = reportColumns(templates)
  const sink = openSink(request.format, out, newest.title.zh, [...baseColumns, ...columns])
  const photoUrl = (sha256: string) => `${request.publicUrl ?? ''}/api/v1/attachments/${sha256}`
  const cell = (value: ExportCell): ExportCell => (request.publicUrl === undefined && value !== null && typeof value === 'object' ? value.text : value)
  const filter: ReportFilter = { ...request, periodic: newest.period !== undefined }
  for await (const page of iterateReports(db, filter, request.pageSize)) {
    for (const row of page) {
      await sink.addRow([...baseCells(row), ...reportCells(columns, templates, answersOf(row), photoUrl).map(cell)])
    }
    await drained(out)
  }
  // Each repeating section on its own sheet, one row per instance linked by 报告编号 (as ODK exports
  // repeats): another pass over the reports, so no sheet waits in memory for another.
  for (const sheet of sink.nextSheet ? repeatSheets(templates) : []) {
    sink.nextSheet?.(sheet.title, [...repeatBaseColumns, ...sheet.columns])
    for await (const page of iterateReports(db, filter, request.pageSize)) {
      for (const row of page) {
        for (const cells of repeatRows(sheet, templates, answersOf(row), photoUrl)) {
          await sink.addRow([row.id, row.schoolName, ...cells.map(cell)])
        }
      }
      await drained(out)
    }
  }
  await sink.finish()
}
