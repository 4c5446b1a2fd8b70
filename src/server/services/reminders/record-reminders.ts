import { createHash } from 'node:crypto'
import type { Kysely } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import { dueDayOf } from '../../../core/autoReminders.js'
import { reminderMessage } from '../../../core/reminderMessage.js'
import type { ReminderOrigin } from '../../../core/reminders.js'
import type { Database, RemindersTable } from '../../db/schema.js'
import { loadFormLabels } from '../form-labels.js'
import { enqueueMessage } from '../outbound/outbound-queue.js'
import { districtWebhookId, schoolWebhookId } from './webhooks.js'

type Db = Kysely<Database>

/** Reminders to make for one form, period and district, each under its dedup key. */
export type ReminderBatch = {
  readonly districtId: string
  readonly formId: string
  readonly period: string
  readonly origin: ReminderOrigin
  readonly day: string
  readonly dueAt: string | null
  readonly createdBy: string | null
  readonly schools: readonly { readonly schoolId: string; readonly dedupKey: string }[]
}

/**
 * Inserts the batch's reminders (a dedup key already held inserts nothing) and queues, for the
 * new ones only, one message to the district's robot listing their schools and one to each
 * school's own robot. Run inside one transaction: reminders and their messages exist together.
 * The message's dedup key is made from its reminders' keys, so the same reminders never make a
 * second message, and new reminders (schools that fell behind since) make a new one.
 */
export async function recordReminders(trx: Db, batch: ReminderBatch, now: Date): Promise<{ readonly created: RemindersTable[]; readonly messages: number }> {
  const created: RemindersTable[] = []
  for (const school of batch.schools) {
    const row: RemindersTable = {
      id: uuidv7(), dedup_key: school.dedupKey, district_id: batch.districtId, school_id: school.schoolId, form_id: batch.formId, period: batch.period,
      origin: batch.origin, day: batch.day, created_at: now.toISOString(), created_by: batch.createdBy,
    }
    const inserted = await trx.insertInto('reminders').values(row).onConflict((oc) => oc.column('dedup_key').doNothing()).returning('id').executeTakeFirst()
    if (inserted) created.push(row)
  }
  if (created.length === 0) return { created, messages: 0 }

  const robots = await trx.selectFrom('webhooks').select(['id', 'channel', 'school_id']).where('district_id', '=', batch.districtId).execute()
  if (robots.length === 0) return { created, messages: 0 }
  const names = new Map((await trx.selectFrom('schools').select(['id', 'name']).where('district_id', '=', batch.districtId).execute()).map((school) => [school.id, school.name]))
  const formTitle = (await loadFormLabels(trx)).title(batch.formId)
  const dueDay = batch.dueAt === null ? null : dueDayOf(batch.dueAt)
  let messages = 0
  const queue = async (robot: (typeof robots)[number], reminders: readonly RemindersTable[]) => {
    const keys = reminders.map((reminder) => reminder.dedup_key).sort()
    const message = reminderMessage({ origin: batch.origin, formTitle, period: batch.period, schoolNames: reminders.map((reminder) => names.get(reminder.school_id) ?? reminder.school_id), dueDay })
    const { created: queued } = await enqueueMessage(trx, {
      dedupKey: `reminders:${robot.id}:${createHash('sha256').update(keys.join('\n')).digest('hex')}`,
      districtId: batch.districtId, webhookId: robot.id, channel: robot.channel, message, reminderIds: reminders.map((reminder) => reminder.id),
    }, now)
    if (queued) messages += 1
  }
  const districtRobot = robots.find((robot) => robot.id === districtWebhookId(batch.districtId))
  if (districtRobot) await queue(districtRobot, created)
  for (const reminder of created) {
    const own = robots.find((robot) => robot.id === schoolWebhookId(reminder.school_id))
    if (own) await queue(own, [reminder])
  }
  return { created, messages }
}
