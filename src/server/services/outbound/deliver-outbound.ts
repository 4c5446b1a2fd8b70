import type { Kysely } from 'kysely'
import type { ReminderMessage } from '../../../core/reminderMessage.js'
import type { Database } from '../../db/schema.js'
import { claimDue, markFailed, markSent, type ClaimedMessage, type QueueSettings } from './outbound-queue.js'
import { sendWebhook } from './send-webhook.js'

export type DeliveryDeps = QueueSettings & {
  readonly timeoutMs: number
  readonly now: () => Date
  readonly fetch?: typeof fetch
  /** Told of every try, for the log: never the address or secret. */
  readonly report?: (entry: { readonly messageId: string; readonly channel: string; readonly attempt: number; readonly result: 'sent' | 'retrying' | 'dead' | 'lost_claim'; readonly error?: string }) => void
}

export type DeliverySummary = { readonly sent: number; readonly retrying: number; readonly dead: number }

async function deliverOne(db: Kysely<Database>, message: ClaimedMessage, deps: DeliveryDeps): Promise<'sent' | 'retrying' | 'dead' | 'lost_claim'> {
  // The robot is read now, not when queued: a replaced robot takes over what is still waiting.
  const target = await db.selectFrom('webhooks').select(['channel', 'url', 'secret']).where('id', '=', message.webhook_id).executeTakeFirst()
  if (!target || target.channel !== message.channel) {
    return markFailed(db, { ...message, attempts: deps.maxAttempts }, 'the robot was removed', deps, deps.now())
  }
  const outcome = await sendWebhook(target, JSON.parse(message.payload) as ReminderMessage, { timeoutMs: deps.timeoutMs, now: deps.now(), ...(deps.fetch ? { fetch: deps.fetch } : {}) })
  if (outcome.ok) return (await markSent(db, message, deps.now())) ? 'sent' : 'lost_claim'
  const result = await markFailed(db, message, outcome.error, deps, deps.now(), outcome.retryAfterMs ?? 0)
  deps.report?.({ messageId: message.id, channel: message.channel, attempt: message.attempts, result, error: outcome.error })
  return result
}

/**
 * One pass of the outbound worker: claim what is due, send each, mark it. Messages go one at a
 * time: a group robot takes 20 a minute, and a district's reminders are a handful of messages.
 */
export async function deliverDue(db: Kysely<Database>, deps: DeliveryDeps, limit = 20): Promise<DeliverySummary> {
  const summary = { sent: 0, retrying: 0, dead: 0 }
  for (const message of await claimDue(db, deps, deps.now(), limit)) {
    const result = await deliverOne(db, message, deps)
    if (result === 'sent') {
      summary.sent += 1
      deps.report?.({ messageId: message.id, channel: message.channel, attempt: message.attempts, result })
    } else if (result === 'lost_claim') {
      deps.report?.({ messageId: message.id, channel: message.channel, attempt: message.attempts, result })
    } else {
      summary[result] += 1
    }
  }
  return summary
}
