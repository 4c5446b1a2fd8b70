import type { Kysely } from 'kysely'
import type { User } from '../../../core/protocol.js'
import { DEFAULT_REMINDER_SETTINGS, type ReminderSettings } from '../../../core/reminders.js'
import type { Database } from '../../db/schema.js'
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
