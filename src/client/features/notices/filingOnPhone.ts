import type { OutboxRecord } from '../../offline/outbox.js'

/**
 * Whether this phone holds the school's filing for a campaign that the server has not counted
 * yet: its checklist, filed for the campaign (subjectId), queued, sending or delivered since the
 * last pull. A draft is not filed, and a refused one may be filed again.
 */
export function filingOnPhone(campaign: { readonly id: string; readonly formId: string }, records: readonly OutboxRecord[], schoolId: string | null): boolean {
  return records.some(
    (record) =>
      record.formId === campaign.formId &&
      record.subjectId === campaign.id &&
      record.schoolId === schoolId &&
      (record.state === 'queued' || record.state === 'sending' || record.state === 'sent'),
  )
}
