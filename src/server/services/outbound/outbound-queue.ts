import { randomUUID } from 'node:crypto'
import { sql, type ExpressionBuilder, type Kysely } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import { retryDelay, type BackoffWindow } from '../../../core/backoff.js'
import type { ReminderMessage } from '../../../core/reminderMessage.js'
import type { WebhookChannel } from '../../../core/reminders.js'
import type { Database, OutboundMessagesTable } from '../../db/schema.js'

type Db = Kysely<Database>

export type QueueSettings = {
  readonly maxAttempts: number
  readonly leaseMs: number
  readonly backoff: BackoffWindow
  readonly random: () => number
}

export type ClaimedMessage = OutboundMessagesTable & { readonly claim_token: string }

/**
 * Queues one group message unless its dedup key is already queued; returns the id of the row that
 * holds the key (new or old). Run it in the transaction that makes the reminders it carries.
 */
export async function enqueueMessage(
  db: Db,
  input: { readonly dedupKey: string; readonly districtId: string; readonly webhookId: string; readonly channel: WebhookChannel; readonly message: ReminderMessage; readonly reminderIds: readonly string[] },
  now: Date,
): Promise<{ readonly id: string; readonly created: boolean }> {
  const id = uuidv7()
  const inserted = await db
    .insertInto('outbound_messages')
    .values({
      id, dedup_key: input.dedupKey, district_id: input.districtId, webhook_id: input.webhookId, channel: input.channel,
      title: input.message.title, payload: JSON.stringify(input.message), state: 'pending', attempts: 0,
      next_attempt_at: now.toISOString(), lease_until: null, claim_token: null, last_error: null, created_at: now.toISOString(), sent_at: null,
    })
    .onConflict((oc) => oc.column('dedup_key').doNothing())
    .executeTakeFirst()
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0) {
    const held = await db.selectFrom('outbound_messages').select('id').where('dedup_key', '=', input.dedupKey).executeTakeFirstOrThrow()
    return { id: held.id, created: false }
  }
  if (input.reminderIds.length > 0) {
    await db.insertInto('outbound_message_reminders').values(input.reminderIds.map((reminderId) => ({ message_id: id, reminder_id: reminderId }))).execute()
  }
  return { id, created: true }
}

/** Due for a try: waiting and its time has come, or claimed by a worker whose lease ran out (it died mid-send). */
function claimable(now: string, maxAttempts: number) {
  return (eb: ExpressionBuilder<Database, 'outbound_messages'>) =>
    eb.or([
      eb.and([eb('state', 'in', ['pending', 'retrying']), eb('next_attempt_at', '<=', now)]),
      eb.and([eb('state', '=', 'sending'), eb('lease_until', '<=', now), eb('attempts', '<', maxAttempts)]),
    ])
}

/**
 * Claims up to `limit` due messages for this worker. Each claim is one conditional UPDATE that
 * re-checks the row is still due: on PostgreSQL a second instance's UPDATE of the same row waits
 * for the first and then finds it no longer due; SQLite runs writers one at a time. Either way
 * exactly one worker holds a row until its lease ends.
 */
export async function claimDue(db: Db, settings: QueueSettings, now: Date, limit: number): Promise<ClaimedMessage[]> {
  const at = now.toISOString()
  // A message whose every try ended in a crash is given up, not retried for ever.
  await db.updateTable('outbound_messages')
    .set({ state: 'dead', last_error: 'the worker stopped during the last try', lease_until: null, claim_token: null })
    .where('state', '=', 'sending').where('lease_until', '<=', at).where('attempts', '>=', settings.maxAttempts)
    .execute()
  const due = await db.selectFrom('outbound_messages').select('id').where(claimable(at, settings.maxAttempts)).orderBy('next_attempt_at').orderBy('id').limit(limit).execute()
  const claimed: ClaimedMessage[] = []
  for (const { id } of due) {
    const token = randomUUID()
    const result = await db.updateTable('outbound_messages')
      .set({ state: 'sending', claim_token: token, lease_until: new Date(now.getTime() + settings.leaseMs).toISOString(), attempts: sql<number>`attempts + 1` })
      .where('id', '=', id)
      .where(claimable(at, settings.maxAttempts))
      .executeTakeFirst()
    if (Number(result.numUpdatedRows) !== 1) continue
    const row = await db.selectFrom('outbound_messages').selectAll().where('id', '=', id).where('claim_token', '=', token).executeTakeFirst()
    if (row) claimed.push({ ...row, claim_token: token })
  }
  return claimed
}

/** Marks a claimed message sent; a worker whose claim was taken over (its lease ran out) changes nothing. */
export async function markSent(db: Db, message: ClaimedMessage, now: Date): Promise<boolean> {
  const result = await db.updateTable('outbound_messages')
    .set({ state: 'sent', sent_at: now.toISOString(), lease_until: null, claim_token: null, last_error: null })
    .where('id', '=', message.id).where('claim_token', '=', message.claim_token)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/**
 * A failed try: retried after a full-jitter backoff (at least `minDelayMs` when the service asked
 * us to slow down), or dead once it has had every try.
 */
export async function markFailed(db: Db, message: ClaimedMessage, error: string, settings: QueueSettings, now: Date, minDelayMs = 0): Promise<'retrying' | 'dead'> {
  const dead = message.attempts >= settings.maxAttempts
  const delay = Math.max(minDelayMs, retryDelay(message.attempts - 1, settings.random, settings.backoff))
  await db.updateTable('outbound_messages')
    .set({ state: dead ? 'dead' : 'retrying', last_error: error, lease_until: null, claim_token: null, next_attempt_at: new Date(now.getTime() + delay).toISOString() })
    .where('id', '=', message.id).where('claim_token', '=', message.claim_token)
    .execute()
  return dead ? 'dead' : 'retrying'
}

/** The bureau's retry of a dead letter: a fresh set of tries, starting now. */
export async function retryDead(db: Db, id: string, now: Date): Promise<boolean> {
  const result = await db.updateTable('outbound_messages')
    .set({ state: 'pending', attempts: 0, next_attempt_at: now.toISOString() })
    .where('id', '=', id).where('state', '=', 'dead')
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}
