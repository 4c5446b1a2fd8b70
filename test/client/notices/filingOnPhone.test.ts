import { describe, expect, it } from 'vitest'
import { filingOnPhone } from '../../../src/client/features/notices/filingOnPhone.js'
import type { OutboxRecord, OutboxState } from '../../../src/client/offline/outbox.js'
import { outboxRecord } from './outboxRecord.js'

function record(state: OutboxState, overrides: Partial<OutboxRecord> = {}): OutboxRecord {
  return outboxRecord(state, { formId: 'school-buildings', subjectId: 'c1', ...overrides })
}

describe('a campaign filed on this phone', () => {
  const campaign = { id: 'c1', formId: 'school-buildings' }

  it('its checklist filed for it, queued, sending or delivered, counts: the phone offers no second one', () => {
    for (const state of ['queued', 'sending', 'sent'] as const) expect(filingOnPhone(campaign, [record(state)], 'school-1')).toBe(true)
  })

  it('a draft or a refused one does not, nor the same form filed for nothing or another campaign, nor the campaign\'s 已阅', () => {
    const { subjectId: _none, ...routine } = record('queued')
    expect(filingOnPhone(campaign, [record('draft'), record('rejected'), routine, record('queued', { subjectId: 'c2' }), record('queued', { formId: 'campaign-ack' })], 'school-1')).toBe(false)
    expect(filingOnPhone(campaign, [record('queued')], 'school-2')).toBe(false)
  })
})
