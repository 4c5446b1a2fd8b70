import { isFinalRefusal } from '../../../core/finalRefusal.js'
import type { OutboxRecord } from '../../offline/outbox.js'

/**
 * Refused in a way no edit can fix (core's isFinalRefusal): the person may take it out, not
 * resubmit it. Beside the screens that ask, not in offline/outbox.ts: the first screen and the
 * service worker never need it.
 */
export function isRefusedForGood(record: OutboxRecord): boolean {
  return record.state === 'rejected' && record.lastError !== undefined && isFinalRefusal(record.lastError)
}
