import { describe, expect, it } from 'vitest'
import { chinaInstantRange, periodRange } from '../../../src/core/periodRange.js'

describe('period ranges', () => {
  it('a year, a month and December cover their days', () => {
    expect(periodRange('2026')).toEqual({ from: '2026-01-01', to: '2027-01-01' })
    expect(periodRange('2026-03')).toEqual({ from: '2026-03-01', to: '2026-04-01' })
    expect(periodRange('2026-12')).toEqual({ from: '2026-12-01', to: '2027-01-01' })
  })

  it('the spring term is February to August and the autumn term runs into January', () => {
    expect(periodRange('2026-T1')).toEqual({ from: '2026-02-01', to: '2026-09-01' })
    expect(periodRange('2026-T2')).toEqual({ from: '2026-09-01', to: '2027-02-01' })
  })

  it('a day starts at midnight 北京时间, which is 16:00 UTC the day before', () => {
    expect(chinaInstantRange('2026-03')).toEqual({ from: '2026-02-28T16:00:00.000Z', to: '2026-03-31T16:00:00.000Z' })
  })

  it('something that is not a period is refused', () => {
    expect(() => periodRange('2026-13')).toThrow()
  })
})
