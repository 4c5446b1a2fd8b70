import { v7 as uuidv7 } from 'uuid'
import type { SubmissionEnvelope, SubmitResult } from '../../src/core/protocol.js'
import { CAMPAIGN_ACK_FORM_ID, NOTICE_READ_FORM_ID } from '../../src/core/receipts.js'

/** A 已阅 as the phone sends it: the built-in receipt form with subjectId = the notice or campaign. */
export function receiptEnvelope(kind: 'notice' | 'campaign', subjectId: string, overrides: Partial<SubmissionEnvelope> = {}): SubmissionEnvelope {
  return {
    id: uuidv7(),
    formId: kind === 'notice' ? NOTICE_READ_FORM_ID : CAMPAIGN_ACK_FORM_ID,
    formVersion: 1,
    schoolId: 'school-1',
    subjectId,
    answers: { readerName: '第一小学安全员' },
    attachments: [],
    startedAt: '2026-05-06T01:00:00.000Z',
    completedAt: '2026-05-06T01:00:05.000Z',
    deviceId: 'phone-receipts',
    ...overrides,
  }
}

export function digestOf(result: SubmitResult | undefined): string | undefined {
  return result && 'digest' in result ? result.digest : undefined
}
