import { describe, expect, it } from 'vitest'
import { isPeriod, periodOf } from '../../../src/core/index.js'

/** A local date: periods follow the phone's calendar day, not UTC. */
function day(year: number, month: number, date: number): Date {
  return new Date(year, month - 1, date, 12)
}

describe('periodOf for terms', () => {
  it('puts January in the previous year’s autumn term', () => {
    expect(periodOf(day(2026, 1, 1), 'term')).toBe('2025-T2')
    expect(periodOf(day(2026, 1, 31), 'term')).toBe('2025-T2')
  })

  it('puts February to August in the spring term of the same year', () => {
    expect(periodOf(day(2026, 2, 1), 'term')).toBe('2026-T1')
    expect(periodOf(day(2026, 5, 15), 'term')).toBe('2026-T1')
    expect(periodOf(day(2026, 8, 31), 'term')).toBe('2026-T1')
  })

  it('puts September to December in the autumn term of the same year', () => {
    expect(periodOf(day(2026, 9, 1), 'term')).toBe('2026-T2')
    expect(periodOf(day(2026, 12, 31), 'term')).toBe('2026-T2')
  })

  it('gives each month of a year exactly the expected term', () => {
    const terms = Array.from({ length: 12 }, (_, index) => periodOf(day(2027, index + 1, 10), 'term'))
    expect(terms).toEqual(['2026-T2', ...Array(7).fill('2027-T1'), ...Array(4).fill('2027-T2')])
  })
})

describe('periodOf for months and years', () => {
  it('writes the month with two digits', () => {
    expect(periodOf(day(2026, 3, 9), 'month')).toBe('2026-03')
    expect(periodOf(day(2026, 12, 1), 'month')).toBe('2026-12')
  })

  it('writes the calendar year, January included', () => {
    expect(periodOf(day(2026, 1, 1), 'year')).toBe('2026')
    expect(periodOf(day(2026, 12, 31), 'year')).toBe('2026')
  })

  it('always produces a period that isPeriod accepts for its kind', () => {
    for (const kind of ['year', 'term', 'month'] as const) {
      for (let month = 1; month <= 12; month += 1) expect(isPeriod(periodOf(day(2026, month, 5), kind), kind)).toBe(true)
    }
  })
})

describe('isPeriod', () => {
  it('accepts years, terms and months without a kind', () => {
    for (const value of ['2026', '2026-T1', '2026-T2', '2026-01', '2026-12']) expect(isPeriod(value), value).toBe(true)
  })

  it('refuses malformed periods', () => {
    for (const value of ['26', '20266', '2026-T0', '2026-T3', '2026-t1', '2026-00', '2026-13', '2026-1', '2026-03-01', ' 2026', '']) {
      expect(isPeriod(value), value).toBe(false)
    }
  })

  it('accepts only the kind it is asked for', () => {
    expect(isPeriod('2026-T1', 'term')).toBe(true)
    expect(isPeriod('2026-T1', 'month')).toBe(false)
    expect(isPeriod('2026-03', 'month')).toBe(true)
    expect(isPeriod('2026-03', 'year')).toBe(false)
    expect(isPeriod('2026', 'year')).toBe(true)
    expect(isPeriod('2026', 'term')).toBe(false)
  })
})
