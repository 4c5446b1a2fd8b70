import { describe, expect, it } from 'vitest'
import { shanghaiIso, utcIso, isCyclePeriod, nextPeriod, periodAt, periodBounds, periodsOverlapping, shanghaiDay } from '../../../src/core/shanghaiCalendar.js'

describe('the bureau’s calendar in Asia/Shanghai', () => {
  it('16:30 UTC on 31 January is already February in Beijing', () => {
    const instant = new Date('2026-01-31T16:30:00Z')
    expect(periodAt(instant, 'month')).toBe('2026-02')
    expect(periodAt(instant, 'term')).toBe('2026-T1')
    expect(shanghaiDay(instant)).toBe('2026-02-01')
  })

  it('January belongs to the autumn term of the year before', () => {
    expect(periodAt(new Date('2027-01-15T00:00:00Z'), 'term')).toBe('2026-T2')
    expect(utcIso(periodBounds('2026-T2').closesAt)).toBe('2027-01-31T16:00:00.000Z')
  })

  it('ISO weeks: 1 January 2027 is in 2026-W53, and 2025-W53 does not exist', () => {
    expect(periodAt(new Date('2027-01-01T04:00:00Z'), 'week')).toBe('2026-W53')
    expect(isCyclePeriod('2026-W53')).toBe(true)
    expect(isCyclePeriod('2025-W53')).toBe(false)
    expect(nextPeriod('2026-W53')).toBe('2027-W01')
    expect(utcIso(periodBounds('2026-W19').opensAt)).toBe('2026-05-03T16:00:00.000Z')
  })

  it('writes an instant as Beijing wall time with its offset', () => {
    expect(shanghaiIso(new Date('2026-02-05T15:59:59.999Z'))).toBe('2026-02-05T23:59:59+08:00')
  })

  it('lists the periods overlapping a range, oldest first', () => {
    expect(periodsOverlapping('month', new Date('2027-11-20T00:00:00Z'), new Date('2028-03-01T00:00:00Z'))).toEqual(['2027-11', '2027-12', '2028-01', '2028-02', '2028-03'])
    expect(periodsOverlapping('year', new Date('2028-02-29T00:00:00Z'), new Date('2028-03-01T00:00:00Z'))).toEqual(['2028'])
  })
})
