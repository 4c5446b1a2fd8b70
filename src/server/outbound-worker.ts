import type { FastifyBaseLogger } from 'fastify'
import type { Kysely } from 'kysely'
import type { Config } from './config.js'
import type { Database } from './db/schema.js'
import { deliverDue, type DeliveryDeps } from './services/outbound/deliver-outbound.js'
import { runAutoReminders } from './services/reminders/run-auto-reminders.js'

export type OutboundWorker = {
  /** One delivery pass now (tests, and after the automatic reminders queued something). */
  deliver(): Promise<void>
  /** One pass of the automatic reminders now, then a delivery pass. */
  remind(): Promise<void>
  stop(): void
}

type WorkerConfig = Pick<Config, 'outboundIntervalSeconds' | 'outboundMaxAttempts' | 'outboundRetryBaseSeconds' | 'outboundRetryMaxSeconds' | 'outboundLeaseSeconds' | 'outboundTimeoutSeconds' | 'reminderIntervalMinutes'>

/**
 * Sends the queued group messages and makes the automatic reminders, on timers, in every instance:
 * claims and dedup keys in the database keep instances from doubling each other's work. Logs name
 * a message by id and channel only: never a robot's address or secret.
 */
export function startOutboundWorker(
  db: Kysely<Database>,
  config: WorkerConfig,
  log: FastifyBaseLogger,
  io: { readonly now?: () => Date; readonly random?: () => number; readonly fetch?: typeof fetch } = {},
): OutboundWorker {
  const now = io.now ?? (() => new Date())
  const deps: DeliveryDeps = {
    maxAttempts: config.outboundMaxAttempts,
    leaseMs: config.outboundLeaseSeconds * 1000,
    backoff: { baseMs: config.outboundRetryBaseSeconds * 1000, maxMs: config.outboundRetryMaxSeconds * 1000 },
    random: io.random ?? Math.random,
    timeoutMs: config.outboundTimeoutSeconds * 1000,
    now,
    ...(io.fetch ? { fetch: io.fetch } : {}),
    report: (entry) => (entry.result === 'sent' ? log.info(entry, 'outbound message sent') : log.warn(entry, 'outbound message not sent')),
  }
  // One pass of each kind at a time: a slow pass is not overtaken by the next tick.
  let delivering: Promise<void> | undefined
  let reminding: Promise<void> | undefined
  const deliver = (): Promise<void> => {
    delivering ??= deliverDue(db, deps)
      .then(
        (summary) => {
          if (summary.sent + summary.retrying + summary.dead > 0) log.info(summary, 'outbound pass')
        },
        (error: unknown) => log.error({ err: error }, 'outbound pass failed'),
      )
      .finally(() => (delivering = undefined))
    return delivering
  }
  const remind = (): Promise<void> => {
    reminding ??= runAutoReminders(db, now())
      .then(
        async (result) => {
          if (result.reminders > 0) log.info(result, 'automatic reminders')
          if (result.messages > 0) await deliver()
        },
        (error: unknown) => log.error({ err: error }, 'automatic reminders failed'),
      )
      .finally(() => (reminding = undefined))
    return reminding
  }
  const timers = [setInterval(() => void deliver(), config.outboundIntervalSeconds * 1000), setInterval(() => void remind(), config.reminderIntervalMinutes * 60_000)]
  for (const timer of timers) timer.unref()
  return { deliver, remind, stop: () => timers.forEach((timer) => clearInterval(timer)) }
}
