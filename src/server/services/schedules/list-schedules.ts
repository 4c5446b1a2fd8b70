import type { Kysely } from 'kysely'
import type { User } from '../../../core/protocol.js'
import type { ScheduleEntry, SchedulePreview, SchedulesResponse } from '../../../core/scheduleProtocol.js'
import { expectedObligations, type ScheduleRule } from '../../../core/schedules.js'
import { ApiHttpError, bilingual } from '../../api-error.js'
import type { Database } from '../../db/schema.js'
import { entryOf } from './save-schedule.js'
import { loadScheduleVersions } from './schedule-versions.js'
import { schoolsWithStates, type ScopedSchool } from './school-states.js'

type Db = Kysely<Database>

/** A preview looks this far ahead for the next due date: a yearly schedule's next period always fits. */
const LOOKAHEAD_DAYS = 800

/** The districts whose schedules a user reads: an admin all, a bureau or inspector their own. */
async function districtsOf(db: Db, user: User): Promise<string[]> {
  if (user.role === 'admin') return (await db.selectFrom('districts').select('id').execute()).map((row) => row.id)
  return user.districtId === null ? [] : [user.districtId]
}

/** "This will expect N schools, next due …" for a rule, as if saved now. */
export function previewRule(rule: ScheduleRule, schools: readonly ScopedSchool[], now: Date): SchedulePreview {
  const version = { ...rule, scheduleId: 'preview', version: 1, effectiveAt: new Date(0).toISOString(), retired: false }
  const owed = expectedObligations({ schedules: [version], schools, from: now, to: new Date(now.getTime() + LOOKAHEAD_DAYS * 86_400_000) })
    .filter((o) => Date.parse(o.dueAt) >= now.getTime())
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt))
  const first = owed[0]
  if (!first) return { schools: 0, notApplicable: schools.length, next: null }
  const expected = new Set(owed.filter((o) => o.period === first.period).map((o) => o.schoolId)).size
  return { schools: expected, notApplicable: schools.length - expected, next: { period: first.period, dueAt: first.dueAt } }
}

export async function listSchedules(db: Db, user: User, now: Date): Promise<SchedulesResponse> {
  const districtIds = await districtsOf(db, user)
  const versions = await loadScheduleVersions(db, { districtIds })
  const latest = new Map<string, (typeof versions)[number]>()
  for (const version of versions) latest.set(version.scheduleId, version)
  const schoolsByDistrict = new Map<string, ScopedSchool[]>()
  for (const districtId of new Set([...latest.values()].map((version) => version.districtId))) {
    schoolsByDistrict.set(districtId, await schoolsWithStates(db, { kind: 'district', districtId }))
  }
  const schedules = [...latest.values()].map((version) => ({ ...entryOf(version), preview: previewRule(version, schoolsByDistrict.get(version.districtId) ?? [], now) }))
  schedules.sort((a, b) => Number(a.retired) - Number(b.retired) || a.rule.formId.localeCompare(b.rule.formId) || a.id.localeCompare(b.id))
  return { schedules }
}

export async function scheduleHistory(db: Db, user: User, id: string): Promise<ScheduleEntry[]> {
  const versions = await loadScheduleVersions(db, { districtIds: await districtsOf(db, user), scheduleId: id })
  if (versions.length === 0) throw new ApiHttpError('not_found', bilingual({ zh: '没有这项任务安排', en: 'No such schedule' }))
  return versions.map(entryOf)
}

export async function districtSchools(db: Db, districtId: string): Promise<ScopedSchool[]> {
  return schoolsWithStates(db, { kind: 'district', districtId })
}
