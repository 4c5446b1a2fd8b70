import { CAMPAIGN_ACK_FORM_ID, NOTICE_READ_FORM_ID } from '../../../core/receipts.js'
import type { OutboxRecord } from '../../offline/outbox.js'

/**
 * Whether a notice was read (or a campaign acknowledged): on the server as last pulled, or on
 * this phone in the outbox (queued, sending or delivered before the next pull). A refused one
 * does not count: the person may try again after a sync.
 */
export type ReceiptState =
  | { readonly kind: 'confirmed'; readonly at: string }
  | { readonly kind: 'on_phone'; readonly record: OutboxRecord }
  | { readonly kind: 'none' }

export function receiptState(
  kind: 'notice' | 'campaign',
  subjectId: string,
  serverAt: string | null,
  records: readonly OutboxRecord[],
  userId: string,
  schoolId: string | null,
): ReceiptState {
  if (serverAt !== null) return { kind: 'confirmed', at: serverAt }
  const formId = kind === 'notice' ? NOTICE_READ_FORM_ID : CAMPAIGN_ACK_FORM_ID
  // A campaign is acknowledged once per school, a notice read once per person.
  const mine = records.filter(
    (record) => record.formId === formId && record.subjectId === subjectId && record.state !== 'rejected' && record.state !== 'draft' && (kind === 'campaign' ? record.schoolId === schoolId : record.userId === userId),
  )
  const first = mine[0]
  return first ? { kind: 'on_phone', record: first } : { kind: 'none' }
}
