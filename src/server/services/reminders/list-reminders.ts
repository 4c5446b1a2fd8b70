import { sql, type Kysely, type SelectQueryBuilder } from 'kysely'
import type { User } from '../../../core/protocol.js'
import type { DeliveryState, OutboundMessageEntry, OutboundState, ReminderEntry, RemindersResponse } from '../../../core/reminders.js'
import { ApiHttpError, bilingual } from '../../api-error.js'
import { adminScope, inScope, type AdminScope } from '../../auth/admin-scope.js'
import type { Database, OutboundMessagesTable } from '../../db/schema.js'
import { loadFormLabels } from '../form-labels.js'
import { retryDead } from '../outbound/outbound-queue.js'

type Db = Kysely<Database>

export const LIST_LIMIT = 200

// The worst state of a reminder's messages is what the bureau needs to see first.
const severity: readonly OutboundState[] = ['sent', 'pending', 'sending', 'retrying', 'dead']

function deliveryOf(states: readonly OutboundState[]): DeliveryState {
  if (states.length === 0) return 'none'
  return states.reduce((worst, state) => (severity.indexOf(state) > severity.indexOf(worst) ? state : worst), 'sent' as OutboundState)
}

type ReminderFilter = { readonly formId?: string; readonly period?: string }

async function entries(db: Db, where: (query: SelectQueryBuilder<Database, 'reminders' | 'schools', object>) => SelectQueryBuilder<Database, 'reminders' | 'schools', object>): Promise<ReminderEntry[]> {
  const rows = await where(db.selectFrom('reminders').innerJoin('schools', 'schools.id', 'reminders.school_id'))
    .select(['reminders.id', 'reminders.district_id', 'reminders.school_id', 'schools.name as school_name', 'reminders.form_id', 'reminders.period', 'reminders.origin', 'reminders.day', 'reminders.created_at', 'reminders.created_by'])
    .select((eb) => eb.exists(eb.selectFrom('submissions').select('submissions.id')
      .whereRef('submissions.school_id', '=', 'reminders.school_id').whereRef('submissions.form_id', '=', 'reminders.form_id').whereRef('submissions.period', '=', 'reminders.period')).as('filed'))
    .orderBy('reminders.created_at', 'desc').orderBy('reminders.id', 'desc').limit(LIST_LIMIT)
    .execute()
  if (rows.length === 0) return []
  const links = await db.selectFrom('outbound_message_reminders').innerJoin('outbound_messages', 'outbound_messages.id', 'outbound_message_reminders.message_id')
    .select(['outbound_message_reminders.reminder_id', 'outbound_messages.state']).where('outbound_message_reminders.reminder_id', 'in', rows.map((row) => row.id)).execute()
  const states = new Map<string, OutboundState[]>()
  for (const link of links) states.set(link.reminder_id, [...(states.get(link.reminder_id) ?? []), link.state])
  const labels = await loadFormLabels(db)
  return rows.map((row) => ({
    id: row.id, districtId: row.district_id, schoolId: row.school_id, schoolName: row.school_name, formId: row.form_id, formTitle: labels.title(row.form_id),
    period: row.period, origin: row.origin, day: row.day, createdAt: row.created_at, createdBy: row.created_by,
    delivery: deliveryOf(states.get(row.id) ?? []), filed: Boolean(row.filed),
  }))
}

/** The entries of reminders just made. */
export async function reminderEntries(db: Db, ids: readonly string[]): Promise<ReminderEntry[]> {
  return ids.length === 0 ? [] : entries(db, (query) => query.where('reminders.id', 'in', [...ids]))
}

function messageEntry(row: OutboundMessagesTable): OutboundMessageEntry {
  return {
    id: row.id, districtId: row.district_id, webhookId: row.webhook_id, channel: row.channel, title: row.title, state: row.state, attempts: Number(row.attempts),
    nextAttemptAt: ['pending', 'retrying'].includes(row.state) ? row.next_attempt_at : null, lastError: row.last_error, createdAt: row.created_at, sentAt: row.sent_at,
  }
}

function inDistrict<T extends SelectQueryBuilder<Database, 'reminders' | 'schools', object> | SelectQueryBuilder<Database, 'outbound_messages', object>>(query: T, column: 'reminders.district_id' | 'outbound_messages.district_id', scope: AdminScope): T {
  return (scope.kind === 'district' ? (query as SelectQueryBuilder<Database, 'reminders' | 'outbound_messages', object>).where(sql.ref(column), '=', scope.districtId) : query) as T
}

/**
 * What was sent and how its delivery stands: the latest reminders (optionally one form and
 * period), and the group messages — every one not yet sent (dead letters first), then the latest sent.
 */
export async function listReminders(db: Db, user: User, filter: ReminderFilter): Promise<RemindersResponse> {
  const scope = adminScope(user)
  const reminders = await entries(db, (query) => {
    let scoped = inDistrict(query, 'reminders.district_id', scope)
    if (filter.formId !== undefined) scoped = scoped.where('reminders.form_id', '=', filter.formId)
    if (filter.period !== undefined) scoped = scoped.where('reminders.period', '=', filter.period)
    return scoped
  })
  const base = inDistrict(db.selectFrom('outbound_messages'), 'outbound_messages.district_id', scope)
  const open = await base.selectAll().where('state', '!=', 'sent').orderBy('created_at', 'desc').limit(LIST_LIMIT).execute()
  const sent = await base.selectAll().where('state', '=', 'sent').orderBy('created_at', 'desc').limit(50).execute()
  const byDeadFirst = (row: OutboundMessagesTable) => (row.state === 'dead' ? 0 : 1)
  const messages = [...open.sort((a, b) => byDeadFirst(a) - byDeadFirst(b)), ...sent].map(messageEntry)
  return { reminders, messages }
}

/** The bureau's retry of a dead letter of its district. */
export async function retryMessage(db: Db, user: User, id: string, now: Date): Promise<OutboundMessageEntry> {
  const scope = adminScope(user)
  const row = await db.selectFrom('outbound_messages').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row || !inScope(scope, row.district_id)) throw new ApiHttpError('not_found', bilingual({ zh: '没有这条消息', en: 'No such message' }))
  if (!(await retryDead(db, id, now))) throw new ApiHttpError('conflict', bilingual({ zh: '只有发送失败的消息可以重发', en: 'Only a dead message can be retried' }))
  return messageEntry(await db.selectFrom('outbound_messages').selectAll().where('id', '=', id).executeTakeFirstOrThrow())
}
