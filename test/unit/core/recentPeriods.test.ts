import { describe, expect, it } from 'vitest'
import { previousPeriod, recentPeriods } from '../../../src/core/recentPeriods.js'

describe('previous and recent periods', () => {
  it('steps back one period of each kind across year ends', () => {
    expect(previousPeriod('2026-T1', 'term')).toBe('2025-T2')
    expect(previousPeriod('2026-T2', 'term')).toBe('2026-T1')
    expect(previousPeriod('2026-01', 'month')).toBe('2025-12')
    expect(previousPeriod('2026-10', 'month')).toBe('2026-09')
    expect(previousPeriod('2026', 'year')).toBe('2025')
  })

  it('lists the current period first, then earlier ones', () => {
    expect(recentPeriods(new Date(2026, 2, 15), 'term', 3)).toEqual(['2026-T1', '2025-T2', '2025-T1'])
    expect(recentPeriods(new Date(2026, 0, 10), 'term', 2)).toEqual(['2025-T2', '2025-T1'])
    expect(recentPeriods(new Date(2026, 2, 15), 'year', 2)).toEqual(['2026', '2025'])
  })
})
