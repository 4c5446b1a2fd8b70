import type { Kysely } from 'kysely'
import { manualReminderKey, shanghaiDay } from '../../../core/autoReminders.js'
import { isPeriod } from '../../../core/periods.js'
import type { User } from '../../../core/protocol.js'
import type { SendRemindersRequest, SendRemindersResponse } from '../../../core/reminders.js'
import { ApiHttpError, bilingual } from '../../api-error.js'
import type { Database } from '../../db/schema.js'
import { computeCompleteness } from '../compute-completeness.js'
import { formVersions } from '../export-form.js'
import { recordAudit } from '../record-audit.js'
import { reminderEntries } from './list-reminders.js'
import { recordReminders } from './record-reminders.js'
import { reminderDistrict } from './reminder-district.js'

/**
 * 催报: every school of the district that has not filed the form for the period (or those of the
 * named schools that have not) gets an in-app reminder and, where a robot is set, a group message.
 * A second tap the same Shanghai day finds the reminders made and sends nothing.
 */
export async function sendReminders(db: Kysely<Database>, user: User, input: SendRemindersRequest, now: Date, ip: string | null): Promise<SendRemindersResponse> {
  const districtId = reminderDistrict(user, input.districtId)
  const newest = (await formVersions(db, input.formId, { kind: 'district', districtId })).at(-1)
  if (!newest) throw new ApiHttpError('not_found', bilingual({ zh: '没有这张表单', en: 'No such form' }))
  if (newest.period !== undefined && !isPeriod(input.period, newest.period)) {
    throw new ApiHttpError('bad_request', bilingual({ zh: '周期与表单的填报周期不符', en: `This form is reported per ${newest.period}` }))
  }
  // Today's completeness says who has not filed; the schedules' obligations replace it once merged.
  const completeness = await computeCompleteness(db, { scope: { kind: 'district', districtId }, formId: input.formId, period: input.period, now })
  const rows = new Map(completeness.schools.map((row) => [row.schoolId, row]))
  const named = input.schoolIds === undefined ? [...rows.keys()] : [...new Set(input.schoolIds)]
  const unknown = named.filter((id) => !rows.has(id))
  if (unknown.length > 0) throw new ApiHttpError('not_found', bilingual({ zh: `不是本区县的学校：${unknown.join('、')}`, en: `Not schools of this district: ${unknown.join(', ')}` }))
  const owing = named.filter((id) => ['missing', 'not_due'].includes(rows.get(id)?.state ?? ''))
  const filed = named.filter((id) => !owing.includes(id))
  const day = shanghaiDay(now)
  const dueAt = completeness.schools.find((row) => row.dueAt !== null)?.dueAt ?? null

  const { created, messages } = await db.transaction().execute(async (trx) => {
    const result = await recordReminders(trx, {
      districtId, formId: input.formId, period: input.period, origin: 'manual', day, dueAt, createdBy: user.id,
      schools: owing.map((schoolId) => ({ schoolId, dedupKey: manualReminderKey(input.formId, input.period, schoolId, day) })),
    }, now)
    if (result.created.length > 0) {
      await recordAudit(trx, { action: 'reminders_sent', at: now, actor: user, ip, districtId, subjectId: `${input.formId}/${input.period}`, details: { schools: result.created.map((row) => row.school_id), messages: result.messages } })
    }
    return result
  })
  const createdSchools = new Set(created.map((row) => row.school_id))
  return {
    reminded: await reminderEntries(db, created.map((row) => row.id)),
    alreadyReminded: owing.filter((id) => !createdSchools.has(id)),
    filed,
    messages,
  }
}
