import { describe, expect, it } from 'vitest'
import { daysBetween, mondayOf, recentWeeks } from '../../../src/core/weeks.js'

describe('weeks', () => {
  it('a week starts on Monday', () => {
    expect(mondayOf('2026-03-20')).toBe('2026-03-16')
    expect(mondayOf('2026-03-16')).toBe('2026-03-16')
    expect(mondayOf('2026-03-22')).toBe('2026-03-16')
  })

  it('the recent weeks end with this one, oldest first', () => {
    expect(recentWeeks('2026-03-04', 3)).toEqual(['2026-02-16', '2026-02-23', '2026-03-02'])
  })

  it('days between two dates never go below zero', () => {
    expect(daysBetween('2026-03-02', '2026-03-20')).toBe(18)
    expect(daysBetween('2026-03-20', '2026-03-02')).toBe(0)
  })
})
