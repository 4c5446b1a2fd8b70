import type { Kysely } from 'kysely'
import type { Obligation } from '../../../core/autoReminders.js'
import type { Database } from '../../db/schema.js'
import { obligationsForSchools, withStates } from '../obligations.js'
import { schoolsWithStates } from '../schedules/school-states.js'

/** Automatic reminders look this far around today: the longest lead and lag a district may set, and the catch-up. */
const WINDOW_DAYS = 35

/**
 * What each school owes with a due date around today, and whether it has filed: the schedules'
 * obligations (with the districts' deadlines laid over them), judged against the reports. Pledges
 * are left out: signing has its own to-do line, and a reminder names a form and period, not a text.
 */
export async function obligationsAroundNow(db: Kysely<Database>, now: Date): Promise<Obligation[]> {
  const schools = await schoolsWithStates(db, { kind: 'all' })
  if (schools.length === 0) return []
  const window = WINDOW_DAYS * 86_400_000
  const from = new Date(now.getTime() - window)
  const to = new Date(now.getTime() + window)
  const owed = (await obligationsForSchools(db, schools, { from, to }))
    .filter((o) => o.pledgeId === undefined && Math.abs(Date.parse(o.dueAt) - now.getTime()) <= window)
  if (owed.length === 0) return []
  const districtOf = new Map(schools.map((school) => [school.id, school.districtId]))
  const judged = await withStates(db, owed, { kind: 'districts', districtIds: [...new Set(schools.map((school) => school.districtId))] }, now)
  return judged.map((o) => ({
    districtId: districtOf.get(o.schoolId) ?? '',
    schoolId: o.schoolId,
    formId: o.formId,
    period: o.period,
    dueAt: o.dueAt,
    filed: o.state === 'on_time' || o.state === 'late',
  }))
}
