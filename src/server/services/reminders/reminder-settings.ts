import type { Kysely } from 'kysely'
import type { User } from '../../../core/protocol.js'
import type { Checked } from '../../../core/noticeInput.js'
import { checkReminderSettings, overriddenFormIds } from '../../../core/reminderSettingsInput.js'
import { DEFAULT_REMINDER_SETTINGS, type ReminderSettings } from '../../../core/reminders.js'
import type { Database } from '../../db/schema.js'
import { formFacts } from '../schedules/form-facts.js'
import { recordAudit } from '../record-audit.js'
import { reminderDistrict } from './reminder-district.js'

type Db = Kysely<Database>

/** Every district's settings at once (the worker's tick), the default where a district set none. */
export async function loadReminderSettings(db: Db): Promise<(districtId: string) => ReminderSettings> {
  const rows = await db.selectFrom('reminder_settings').select(['district_id', 'settings']).execute()
  const byDistrict = new Map(rows.map((row) => [row.district_id, JSON.parse(row.settings) as ReminderSettings]))
  return (districtId) => byDistrict.get(districtId) ?? DEFAULT_REMINDER_SETTINGS
}

export async function getReminderSettings(db: Db, user: User, requested: string | undefined): Promise<ReminderSettings> {
  const districtId = reminderDistrict(user, requested)
  return (await loadReminderSettings(db))(districtId)
}

/**
 * The same check as the bureau's screen (core's checkReminderSettings), with what only the server
 * knows: an override names a form of this district (a global one or the district's own).
 */
export async function checkReminderSettingsFor(db: Db, user: User, input: unknown, requested: string | undefined): Promise<Checked<ReminderSettings>> {
  const districtId = reminderDistrict(user, requested)
  const facts = await formFacts(db, overriddenFormIds(input))
  return checkReminderSettings(input, (formId) => {
    const form = facts.get(formId)
    return form && (form.ownerDistrictId === null || form.ownerDistrictId === districtId) ? form.title : undefined
  })
}

/** Settings checked by checkReminderSettingsFor: stored whole for the district, and audited. */
export async function putReminderSettings(db: Db, user: User, settings: ReminderSettings, requested: string | undefined, now: Date, ip: string | null): Promise<ReminderSettings> {
  const districtId = reminderDistrict(user, requested)
  const stored: ReminderSettings = { enabled: settings.enabled, daysBefore: settings.daysBefore, daysAfter: settings.daysAfter, forms: settings.forms }
  const values = { settings: JSON.stringify(stored), set_by: user.id, set_at: now.toISOString() }
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('reminder_settings').values({ district_id: districtId, ...values }).onConflict((oc) => oc.column('district_id').doUpdateSet(values)).execute()
    await recordAudit(trx, { action: 'reminder_settings_set', at: now, actor: user, ip, districtId, subjectId: districtId, details: { ...stored } })
  })
  return stored
}
