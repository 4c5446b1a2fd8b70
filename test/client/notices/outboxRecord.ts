import type { OutboxRecord, OutboxState } from '../../../src/client/offline/outbox.js'

/** An outbox record of school-1 in a given state; the rest as each test names it. */
export function outboxRecord(state: OutboxState, fields: Partial<OutboxRecord> & Pick<OutboxRecord, 'formId'>): OutboxRecord {
  return {
    id: `r-${state}`, formVersion: 1, schoolId: 'school-1', answers: {}, attachments: [],
    startedAt: '2026-05-06T00:00:00.000Z', deviceId: 'd', state, attempts: 0, nextAttemptAt: 0, updatedAt: '2026-05-06T00:00:00.000Z', userId: 'u1',
    ...fields,
  }
}
