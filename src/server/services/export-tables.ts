import type { Writable } from 'node:stream'
import type { Kysely } from 'kysely'
import { chinaTime } from '../../core/exportLayout.js'
import type { CompletenessResponse, CompletenessState } from '../../core/protocol.js'
import { schoolKindLabel } from '../../core/schoolKinds.js'
import { schoolIdInScope, type ReadScope } from '../auth/scope.js'
import type { Database } from '../db/schema.js'
import { drained, openSink, ROWS_PER_TURN, type ExportFormat } from '../exports/table-sink.js'
import { iterateHazards } from './reports-hazards.js'

const stateLabel: Record<CompletenessState, string> = { on_time: '按时', late: '逾期上报', missing: '未报', not_due: '未到期', not_applicable: '无需填报' }
const severityLabel: Record<string, string> = { low: '一般', medium: '较大', high: '重大' }
const statusLabel: Record<string, string> = { open: '待整改', rectified: '已整改待验收', closed: '已销号' }
const levelLabel: Record<string, string> = { blue: '蓝色', yellow: '黄色', orange: '橙色', red: '红色' }

/** The completeness table as the screen shows it, one row per school, with kind and township. */
export async function writeCompletenessExport(
  db: Kysely<Database>,
  out: Writable,
  format: ExportFormat,
  title: string,
  report: CompletenessResponse,
  scope: ReadScope,
): Promise<void> {
  // The scope's schools by district, not the report's school ids as parameters (one per school).
  const schools = await db.selectFrom('schools').select(['id', 'kind', 'township']).where(schoolIdInScope('id', scope, 'district_id')).execute()
  const byId = new Map(schools.map((school) => [school.id, school]))
  const sink = openSink(format, out, `${title} ${report.period}`, [
    { header: '学校', width: 24 }, { header: '类型', width: 12 }, { header: '乡镇', width: 10 }, { header: '状态', width: 10 },
    { header: '截止时间（北京时间）', width: 20 }, { header: '首次上报（北京时间）', width: 20 }, { header: '已更正', width: 8 },
    { header: '更正时间（北京时间）', width: 20 }, { header: '上报次数', width: 8 },
  ])
  for (const [index, row] of report.schools.entries()) {
    // A turn for other requests every few rows, as the paged exports do.
    if (index > 0 && index % ROWS_PER_TURN === 0) await drained(out)
    const school = byId.get(row.schoolId)
    await sink.addRow([
      row.schoolName, school ? schoolKindLabel(school.kind).zh : null, school?.township ?? null, stateLabel[row.state],
      chinaTime(row.dueAt), chinaTime(row.firstReceivedAt), row.corrected ? '是' : '否', chinaTime(row.correctedAt), row.reports,
    ])
  }
  await sink.finish()
}

/** Every hazard in scope with its level and days overdue, streamed page by page. */
export async function writeHazardsExport(
  db: Kysely<Database>,
  out: Writable,
  format: ExportFormat,
  scope: ReadScope,
  today: string,
): Promise<void> {
  const sink = openSink(format, out, '隐患台账', [
    { header: '隐患编号', width: 40 }, { header: '学校', width: 24 }, { header: '检查类别', width: 16 }, { header: '检查项', width: 24 },
    { header: '隐患描述', width: 40 }, { header: '严重程度', width: 8 }, { header: '预警等级', width: 8 }, { header: '状态', width: 12 },
    { header: '整改期限', width: 12 }, { header: '逾期天数', width: 8 }, { header: '责任人', width: 12 },
    { header: '发现时间（北京时间）', width: 20 }, { header: '最近变化（北京时间）', width: 20 }, { header: '已存在天数', width: 8 },
  ])
  for await (const page of iterateHazards(db, scope, today)) {
    for (const [index, row] of page.entries()) {
      if (index > 0 && index % ROWS_PER_TURN === 0) await drained(out)
      await sink.addRow([
        row.id, row.schoolName, row.subject.zh, row.item.zh, row.description, severityLabel[row.severity] ?? row.severity,
        row.level === null ? null : levelLabel[row.level] ?? row.level, statusLabel[row.status] ?? row.status, row.deadline,
        row.daysOverdue, row.responsible, chinaTime(row.createdAt), chinaTime(row.updatedAt), row.ageDays,
      ])
    }
    await drained(out)
  }
  await sink.finish()
}
