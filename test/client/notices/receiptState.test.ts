import { describe, expect, it } from 'vitest'
import { receiptState } from '../../../src/client/features/notices/receiptState.js'
import type { OutboxRecord, OutboxState } from '../../../src/client/offline/outbox.js'
import { outboxRecord } from './outboxRecord.js'

function record(state: OutboxState, overrides: Partial<OutboxRecord> = {}): OutboxRecord {
  return outboxRecord(state, { formId: 'notice-read', subjectId: 'n1', ...overrides })
}

describe('receiptState', () => {
  it('the server\'s read time wins over anything on the phone', () => {
    expect(receiptState('notice', 'n1', '2026-05-06T01:00:00.000Z', [record('queued')], 'u1', 'school-1')).toEqual({ kind: 'confirmed', at: '2026-05-06T01:00:00.000Z' })
  })
  it('a queued, sending or delivered read on this phone counts, so opening again queues nothing', () => {
    for (const state of ['queued', 'sending', 'sent'] as const) expect(receiptState('notice', 'n1', null, [record(state)], 'u1', 'school-1').kind).toBe('on_phone')
  })
  it('a refused read does not count, nor another person\'s read of the same notice', () => {
    expect(receiptState('notice', 'n1', null, [record('rejected'), record('queued', { userId: 'u2' })], 'u1', 'school-1')).toEqual({ kind: 'none' })
  })
  it('a campaign is acknowledged once per school: a colleague\'s 已阅 on this phone counts', () => {
    const ack = record('queued', { formId: 'campaign-ack', subjectId: 'c1', userId: 'u2' })
    expect(receiptState('campaign', 'c1', null, [ack], 'u1', 'school-1').kind).toBe('on_phone')
    expect(receiptState('campaign', 'c1', null, [ack], 'u1', 'school-2').kind).toBe('none')
  })
})
