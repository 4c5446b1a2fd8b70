import type { Receipt } from '../../core/protocol.js'
import type { OutboxError, OutboxRecord } from './outbox.js'

// Pure steps of a record's delivery life; the sync engine writes what they return.

const iso = (ms: number): string => new Date(ms).toISOString()

function withoutError(record: OutboxRecord): OutboxRecord {
  const { lastError: _lastError, ...rest } = record
  return rest
}

/** About to go out in a batch. */
export function markSending(record: OutboxRecord, now: number): OutboxRecord {
  return { ...record, state: 'sending', updatedAt: iso(now) }
}

/** Back in the queue without counting a try: after a 401, or left 'sending' by a closed tab. */
export function markQueued(record: OutboxRecord, now: number): OutboxRecord {
  return { ...record, state: 'queued', updatedAt: iso(now) }
}

/** The server holds it; `mismatch` flags a receipt digest that differs from ours. */
export function markSent(record: OutboxRecord, receipt: Receipt, mismatch: OutboxError | null, now: number): OutboxRecord {
  const base = withoutError(record)
  return { ...base, state: 'sent', receipt, ...(mismatch === null ? {} : { lastError: mismatch }), updatedAt: iso(now) }
}

/** Refused (validation, conflict, a 4xx, a damaged photo): kept on the phone with the reason. */
export function markRejected(record: OutboxRecord, error: OutboxError, now: number): OutboxRecord {
  return { ...record, state: 'rejected', lastError: error, updatedAt: iso(now) }
}

/**
 * Why a try only delayed, in words a person can act on: the phone was offline, the line timed out,
 * the server was busy, the server failed, or it could not be reached at all. The transport's reason
 * is 'offline', 'timeout', 'HTTP <status>' or the fetch error's text.
 */
export function retryErrorCode(reason: string): OutboxError['code'] {
  if (reason === 'offline') return 'offline'
  if (reason === 'timeout') return 'timeout'
  if (reason === 'HTTP 429') return 'too_many_requests'
  if (/^HTTP 5\d\d$/.test(reason)) return 'internal'
  return 'network'
}

/** A try that only delays: count it and wait `delayMs`. */
export function markRetry(record: OutboxRecord, delayMs: number, reason: string, now: number): OutboxRecord {
  return {
    ...withoutError(record),
    state: 'queued',
    attempts: record.attempts + 1,
    nextAttemptAt: now + delayMs,
    // Kept so the UI can say why it is still waiting; the code matches what happened (offline is not a server error).
    lastError: { code: retryErrorCode(reason), message: reason },
    updatedAt: iso(now),
  }
}
