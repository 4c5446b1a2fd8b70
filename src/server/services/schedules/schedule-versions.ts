import type { Kysely } from 'kysely'
import type { ScheduleRule, ScheduleVersion } from '../../../core/schedules.js'
import type { Text } from '../../../core/text.js'
import type { Database } from '../../db/schema.js'

/** A stored version with what the server adds around the core rule. */
export type StoredScheduleVersion = ScheduleVersion & {
  readonly districtId: string
  readonly title: Text
  readonly savedBy: string | null
}

export type VersionFilter = {
  /** The districts whose schedules count; empty: none. */
  readonly districtIds: readonly string[]
  readonly formId?: string
  readonly scheduleId?: string
}

/** Every version of the matching schedules, oldest first per schedule. The rule was checked by core when it was saved. */
export async function loadScheduleVersions(db: Kysely<Database>, filter: VersionFilter): Promise<StoredScheduleVersion[]> {
  if (filter.districtIds.length === 0) return []
  let query = db.selectFrom('schedule_versions').selectAll().where('district_id', 'in', filter.districtIds)
  if (filter.formId !== undefined) query = query.where('form_id', '=', filter.formId)
  if (filter.scheduleId !== undefined) query = query.where('schedule_id', '=', filter.scheduleId)
  const rows = await query.orderBy('schedule_id').orderBy('version').execute()
  return rows.map((row) => ({
    ...(JSON.parse(row.rule) as ScheduleRule),
    scheduleId: row.schedule_id,
    version: Number(row.version),
    effectiveAt: row.effective_at,
    retired: Number(row.retired) === 1,
    districtId: row.district_id,
    title: { zh: row.title_zh, en: row.title_en },
    savedBy: row.saved_by,
  }))
}
