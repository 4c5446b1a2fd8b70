import type { Kysely } from 'kysely'
import type { Obligation } from '../../../core/autoReminders.js'
import type { Database } from '../../db/schema.js'

/** Automatic reminders look this far around today: the longest lead and lag a district may set, and the catch-up. */
const WINDOW_DAYS = 35

/**
 * What each school owes around today, with whether it has filed: every school of a district owes
 * each form its district set a deadline for (report_deadlines). The one place the automatic
 * reminders learn what is owed: the schedules' obligations take its place once they exist.
 */
export async function obligationsAroundNow(db: Kysely<Database>, now: Date): Promise<Obligation[]> {
  const from = new Date(now.getTime() - WINDOW_DAYS * 86_400_000).toISOString()
  const to = new Date(now.getTime() + WINDOW_DAYS * 86_400_000).toISOString()
  const deadlines = await db.selectFrom('report_deadlines').select(['district_id', 'form_id', 'period', 'due_at']).where('due_at', '>=', from).where('due_at', '<=', to).execute()
  const obligations: Obligation[] = []
  for (const deadline of deadlines) {
    const schools = await db.selectFrom('schools').select('id').where('district_id', '=', deadline.district_id).execute()
    const filed = await db.selectFrom('submissions').select('school_id').distinct()
      .where('form_id', '=', deadline.form_id).where('period', '=', deadline.period).where('district_id', '=', deadline.district_id)
      .execute()
    const filedIds = new Set(filed.map((row) => row.school_id))
    for (const school of schools) {
      obligations.push({ districtId: deadline.district_id, schoolId: school.id, formId: deadline.form_id, period: deadline.period, dueAt: deadline.due_at, filed: filedIds.has(school.id) })
    }
  }
  return obligations
}
