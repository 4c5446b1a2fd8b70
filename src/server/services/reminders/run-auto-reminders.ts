import type { Kysely } from 'kysely'
import { planAutoReminders, type PlannedReminder } from '../../../core/autoReminders.js'
import type { Database } from '../../db/schema.js'
import { obligationsAroundNow } from './reminder-obligations.js'
import { recordReminders } from './record-reminders.js'
import { loadReminderSettings } from './reminder-settings.js'

/**
 * One tick of the automatic reminders: plan from what is owed and each district's settings, then
 * record each (district, form, period, origin) group in its own transaction. Keys already held
 * insert nothing, so ticks on several instances, or again after a crash, repeat no reminder.
 */
export async function runAutoReminders(db: Kysely<Database>, now: Date): Promise<{ readonly reminders: number; readonly messages: number }> {
  const planned = planAutoReminders(await obligationsAroundNow(db, now), await loadReminderSettings(db), now)
  const groups = new Map<string, PlannedReminder[]>()
  for (const item of planned) {
    const key = `${item.districtId}\n${item.formId}\n${item.period}\n${item.origin}`
    groups.set(key, [...(groups.get(key) ?? []), item])
  }
  let reminders = 0
  let messages = 0
  for (const items of groups.values()) {
    const first = items[0]
    if (!first) continue
    const result = await db.transaction().execute((trx) => recordReminders(trx, {
      districtId: first.districtId, formId: first.formId, period: first.period, origin: first.origin, day: first.day,
      // Two schedules asking for one report: the message names the earlier due day.
      dueAt: items.map((item) => item.dueAt).sort()[0] ?? null, createdBy: null,
      schools: items.map((item) => ({ schoolId: item.schoolId, dedupKey: item.dedupKey })),
    }, now))
    reminders += result.created.length
    messages += result.messages
  }
  return { reminders, messages }
}

