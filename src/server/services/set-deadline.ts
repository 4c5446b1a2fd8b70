import type { Kysely } from 'kysely'
import type { Deadline } from '../../core/protocol.js'
import type { Database } from '../db/schema.js'

/** Sets (or moves) a district's deadline for a form and period. Stored as a normalised ISO instant so text order is time order. */
export async function setDeadline(
  db: Kysely<Database>,
  deadline: Deadline,
  setBy: string | null,
  now: Date,
): Promise<Deadline> {
  const dueAt = new Date(deadline.dueAt).toISOString()
  const values = { due_at: dueAt, set_by: setBy, set_at: now.toISOString() }
  await db
    .insertInto('report_deadlines')
    .values({ district_id: deadline.districtId, form_id: deadline.formId, period: deadline.period, ...values })
    .onConflict((oc) => oc.columns(['district_id', 'form_id', 'period']).doUpdateSet(values))
    .execute()
  return { ...deadline, dueAt }
}
