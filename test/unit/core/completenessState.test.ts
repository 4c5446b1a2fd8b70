import { describe, expect, it } from 'vitest'
import { completenessState } from '../../../src/core/completenessState.js'

const now = new Date('2026-03-10T00:00:00Z')
const due = '2026-03-05T15:59:59.999Z'

describe('a school’s state for one expected report', () => {
  it('a first report by the due instant is on time, after it late', () => {
    expect(completenessState({ firstReceivedAt: '2026-03-05T15:59:59.999Z', dueAt: due, now, applicable: true })).toBe('on_time')
    expect(completenessState({ firstReceivedAt: '2026-03-05T16:00:00.000Z', dueAt: due, now, applicable: true })).toBe('late')
  })

  it('compares instants, not text: an offset timestamp is judged by its moment', () => {
    expect(completenessState({ firstReceivedAt: '2026-03-05T23:59:00+08:00', dueAt: due, now, applicable: true })).toBe('on_time')
  })

  it('nothing filed is missing after the due instant and not due before it, or when no date applies', () => {
    expect(completenessState({ firstReceivedAt: null, dueAt: due, now, applicable: true })).toBe('missing')
    expect(completenessState({ firstReceivedAt: null, dueAt: due, now: new Date('2026-03-01T00:00:00Z'), applicable: true })).toBe('not_due')
    expect(completenessState({ firstReceivedAt: null, dueAt: null, now, applicable: true })).toBe('not_due')
    expect(completenessState({ firstReceivedAt: '2026-04-01T00:00:00Z', dueAt: null, now, applicable: true })).toBe('on_time')
  })

  it('a school that does not owe the report is not applicable, even if it filed one', () => {
    expect(completenessState({ firstReceivedAt: null, dueAt: due, now, applicable: false })).toBe('not_applicable')
    expect(completenessState({ firstReceivedAt: '2026-03-01T00:00:00Z', dueAt: due, now, applicable: false })).toBe('not_applicable')
  })
})
