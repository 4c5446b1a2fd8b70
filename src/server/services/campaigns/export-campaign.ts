import type { Writable } from 'node:stream'
import type { Kysely } from 'kysely'
import { chinaTime } from '../../../core/exportLayout.js'
import type { CampaignFiling, CampaignProgressResponse } from '../../../core/noticeProtocol.js'
import { schoolKindLabel } from '../../../core/schoolKinds.js'
import type { Database } from '../../db/schema.js'
import { openSink, type ExportFormat } from '../../exports/table-sink.js'

const filingLabel: Record<CampaignFiling, string> = { on_time: '按时', late: '逾期上报', missing: '未报', not_due: '未到期' }

/** A campaign's progress as the screen shows it, one row per target school, with kind and township. */
export async function writeCampaignExport(db: Kysely<Database>, out: Writable, format: ExportFormat, progress: CampaignProgressResponse): Promise<void> {
  const ids = progress.schools.map((row) => row.schoolId)
  const schools = ids.length === 0 ? [] : await db.selectFrom('schools').select(['id', 'kind', 'township']).where('id', 'in', ids).execute()
  const byId = new Map(schools.map((school) => [school.id, school]))
  const sink = openSink(format, out, progress.campaign.title, [
    { header: '学校', width: 24 }, { header: '类型', width: 12 }, { header: '乡镇', width: 10 }, { header: '已阅', width: 8 },
    { header: '确认人', width: 14 }, { header: '确认时间（北京时间）', width: 20 }, { header: '检查表上报', width: 10 },
    { header: '首次上报（北京时间）', width: 20 },
  ])
  for (const row of progress.schools) {
    const school = byId.get(row.schoolId)
    await sink.addRow([
      row.schoolName, school ? schoolKindLabel(school.kind).zh : null, school?.township ?? null, row.acknowledgedAt === null ? '否' : '是',
      row.acknowledgedBy, chinaTime(row.acknowledgedAt), filingLabel[row.filing], chinaTime(row.firstReceivedAt),
    ])
  }
  await sink.finish()
}
