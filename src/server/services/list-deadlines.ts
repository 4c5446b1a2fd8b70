import type { Kysely } from 'kysely'
import { isPeriod } from '../../core/periods.js'
import type { Deadline, DeadlineEntry, User } from '../../core/protocol.js'
import { ApiHttpError } from '../api-error.js'
import { adminScope, targetDistrict } from '../auth/admin-scope.js'
import type { Database } from '../db/schema.js'
import { formVersions } from './export-form.js'
import { recordAudit } from './record-audit.js'
import { setDeadline } from './set-deadline.js'

type Db = Kysely<Database>

/** The deadlines the caller administers, latest period first. */
export async function listDeadlines(db: Db, user: User): Promise<DeadlineEntry[]> {
  const scope = adminScope(user)
  let query = db.selectFrom('report_deadlines').selectAll().orderBy('period', 'desc').orderBy('form_id').orderBy('district_id')
  if (scope.kind === 'district') query = query.where('district_id', '=', scope.districtId)
  const rows = await query.execute()
  return rows.map((row) => ({ districtId: row.district_id, formId: row.form_id, period: row.period, dueAt: row.due_at, setBy: row.set_by, setAt: row.set_at }))
}

/** Sets a deadline through the same service the reports use, and writes it to the audit log. */
export async function setDistrictDeadline(
  db: Db,
  user: User,
  input: { readonly formId: string; readonly period: string; readonly dueAt: string; readonly districtId?: string },
  now: Date,
  ip: string | null,
): Promise<Deadline> {
  const districtId = targetDistrict(adminScope(user), input.districtId)
  const known = await db.selectFrom('districts').select('id').where('id', '=', districtId).executeTakeFirst()
  if (!known) throw new ApiHttpError('not_found', 'No such district')
  // The form must be one the district's schools file: global or that district's own.
  const newest = (await formVersions(db, input.formId, { kind: 'district', districtId })).at(-1)
  if (!newest) throw new ApiHttpError('not_found', 'No such form')
  if (newest.period === undefined || !isPeriod(input.period, newest.period)) {
    throw new ApiHttpError('bad_request', 'Deadlines are for periodic forms, in their kind of period')
  }
  return db.transaction().execute(async (trx) => {
    const deadline = await setDeadline(trx, { districtId, formId: input.formId, period: input.period, dueAt: input.dueAt }, user.id, now)
    await recordAudit(trx, { action: 'deadline_set', at: now, actor: user, ip, districtId, subjectId: `${input.formId}/${input.period}`, details: { ...deadline } })
    return deadline
  })
}
