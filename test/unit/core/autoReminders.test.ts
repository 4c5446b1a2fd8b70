import { describe, expect, it } from 'vitest'
import { daysUntilDue, planAutoReminders, ruleFor, shanghaiDay, shanghaiTimestamp, type Obligation } from '../../../src/core/autoReminders.js'
import { DEFAULT_REMINDER_SETTINGS, type ReminderSettings } from '../../../src/core/reminders.js'

// Due at the end of 5 November in Shanghai (23:59:59+08:00 = 15:59:59Z).
const dueAt = '2026-11-05T15:59:59.000Z'
const owed = (overrides: Partial<Obligation> = {}): Obligation => ({ districtId: 'district-1', schoolId: 'school-1', formId: 'fire-safety', period: '2026-10', dueAt, filed: false, ...overrides })
const settings = (overrides: Partial<ReminderSettings> = {}) => () => ({ ...DEFAULT_REMINDER_SETTINGS, ...overrides })
const at = (iso: string) => new Date(iso)

describe('the bureau\'s day', () => {
  it('is Shanghai\'s calendar day, not the server\'s or UTC\'s', () => {
    // 16:30Z on 1 Nov is already 00:30 on 2 Nov in Shanghai.
    expect(shanghaiDay(at('2026-11-01T16:30:00Z'))).toBe('2026-11-02')
    expect(shanghaiDay(at('2026-11-01T15:59:59Z'))).toBe('2026-11-01')
  })

  it('counts days until the due day across a Shanghai midnight', () => {
    expect(daysUntilDue(dueAt, at('2026-11-01T15:59:00Z'))).toBe(4) // 23:59 on 1 Nov
    expect(daysUntilDue(dueAt, at('2026-11-01T16:01:00Z'))).toBe(3) // 00:01 on 2 Nov
    expect(daysUntilDue(dueAt, at('2026-11-05T15:00:00Z'))).toBe(0)
    expect(daysUntilDue(dueAt, at('2026-11-05T16:00:01Z'))).toBe(-1)
  })

  it('takes a deadline at exactly midnight as the end of the day before', () => {
    expect(daysUntilDue('2026-11-05T16:00:00.000Z', at('2026-11-05T12:00:00Z'))).toBe(0)
  })

  it('counts across a month end and a leap day', () => {
    expect(daysUntilDue('2028-03-01T15:59:59Z', at('2028-02-27T04:00:00Z'))).toBe(3) // 28, 29 Feb, 1 Mar
    expect(daysUntilDue('2027-03-01T15:59:59Z', at('2027-02-27T04:00:00Z'))).toBe(2)
  })
})

describe('planAutoReminders', () => {
  it('reminds N days before the due day, from the first minute of that Shanghai day', () => {
    expect(planAutoReminders([owed()], settings({ daysBefore: 3 }), at('2026-11-01T15:59:00Z'))).toEqual([])
    const [planned] = planAutoReminders([owed()], settings({ daysBefore: 3 }), at('2026-11-01T16:01:00Z'))
    expect(planned).toMatchObject({ origin: 'before', day: '2026-11-02', dedupKey: 'auto-before:district-1:fire-safety:2026-10:school-1' })
  })

  it('keeps the same dedup key every tick until the due day, so the insert makes it once', () => {
    const keys = ['2026-11-02T01:00:00Z', '2026-11-03T01:00:00Z', '2026-11-05T15:00:00Z'].map((now) => planAutoReminders([owed()], settings(), at(now))[0]?.dedupKey)
    expect(new Set(keys)).toEqual(new Set(['auto-before:district-1:fire-safety:2026-10:school-1']))
  })

  it('reminds on the day after the due day, and not before that day starts in Shanghai', () => {
    expect(planAutoReminders([owed()], settings({ daysBefore: 0 }), at('2026-11-05T15:59:58Z'))).toEqual([])
    // Past due, but still 5 November in Shanghai: not yet "the day after".
    expect(planAutoReminders([owed({ dueAt: '2026-11-05T10:00:00Z' })], settings({ daysBefore: 0 }), at('2026-11-05T12:00:00Z'))).toEqual([])
    const [planned] = planAutoReminders([owed()], settings({ daysBefore: 0 }), at('2026-11-05T16:00:01Z'))
    expect(planned).toMatchObject({ origin: 'after', day: '2026-11-06' })
  })

  it('catches up a missed "after" for two days, then lets an old period rest', () => {
    expect(planAutoReminders([owed()], settings(), at('2026-11-08T03:00:00Z'))).toHaveLength(1) // 3 days late
    expect(planAutoReminders([owed()], settings(), at('2026-11-09T03:00:00Z'))).toEqual([]) // 4 days late
  })

  it('leaves filed reports alone', () => {
    expect(planAutoReminders([owed({ filed: true })], settings(), at('2026-11-03T01:00:00Z'))).toEqual([])
  })

  it('honours a per-form override over the district rule', () => {
    const withOverride = settings({ enabled: true, daysBefore: 1, forms: { 'fire-safety': { daysBefore: 5 }, enrolment: { enabled: false } } })
    const now = at('2026-11-01T01:00:00Z') // 4 days before
    expect(planAutoReminders([owed(), owed({ formId: 'other' }), owed({ formId: 'enrolment' })], withOverride, now).map((item) => item.formId)).toEqual(['fire-safety'])
    expect(ruleFor(withOverride(), 'enrolment')).toEqual({ enabled: false, daysBefore: 1, daysAfter: 1 })
  })

  it('sends nothing when the district turned reminders off', () => {
    expect(planAutoReminders([owed()], settings({ enabled: false }), at('2026-11-03T01:00:00Z'))).toEqual([])
  })
})

describe('shanghaiTimestamp', () => {
  it('writes an instant in Shanghai time with its offset, as the to-do carries deadlines', () => {
    expect(shanghaiTimestamp('2026-11-05T15:59:59.000Z')).toBe('2026-11-05T23:59:59+08:00')
  })
})
