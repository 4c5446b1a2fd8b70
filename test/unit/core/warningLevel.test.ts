import { describe, expect, it } from 'vitest'
import { daysUntil, hazardTiming, warningLevel, type HazardStatus, type Severity } from '../../../src/core/index.js'

const level = (severity: Severity, deadline: string, today: string, status: HazardStatus = 'open') =>
  warningLevel({ severity, deadline, status }, today)

describe('hazard timing', () => {
  it('counts calendar days left, zero on the deadline itself', () => {
    expect(hazardTiming('2026-03-10', '2026-03-03')).toEqual({ kind: 'due', daysLeft: 7 })
    expect(hazardTiming('2026-03-10', '2026-03-10')).toEqual({ kind: 'due', daysLeft: 0 })
  })

  it('counts days overdue from the day after the deadline, across month ends', () => {
    expect(hazardTiming('2026-02-27', '2026-03-02')).toEqual({ kind: 'overdue', daysOverdue: 3 })
  })

  it('is not thrown by daylight saving: dates are whole days', () => {
    expect(daysUntil('2026-11-02', '2026-10-25')).toBe(8)
  })
})

describe('warning levels', () => {
  it('within the deadline: low is blue, medium yellow, high orange', () => {
    expect(level('low', '2026-03-10', '2026-03-01')).toBe('blue')
    expect(level('medium', '2026-03-10', '2026-03-01')).toBe('yellow')
    expect(level('high', '2026-03-10', '2026-03-01')).toBe('orange')
  })

  it('overdue raises each one level: yellow, orange, red', () => {
    expect(level('low', '2026-03-10', '2026-03-11')).toBe('yellow')
    expect(level('medium', '2026-03-10', '2026-03-11')).toBe('orange')
    expect(level('high', '2026-03-10', '2026-03-11')).toBe('red')
  })

  it('overdue by more than 30 days raises two levels, never past red', () => {
    expect(level('low', '2026-03-10', '2026-04-09')).toBe('yellow')
    expect(level('low', '2026-03-10', '2026-04-10')).toBe('orange')
    expect(level('medium', '2026-03-10', '2026-04-10')).toBe('red')
    expect(level('high', '2026-03-10', '2026-06-10')).toBe('red')
  })

  it('a rectified hazard waiting for verification is judged by severity, not the deadline', () => {
    expect(level('high', '2026-03-10', '2026-05-01', 'rectified')).toBe('orange')
  })

  it('a closed hazard has no level', () => {
    expect(level('high', '2026-03-10', '2026-05-01', 'closed')).toBeNull()
  })
})
