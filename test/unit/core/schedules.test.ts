import { describe, expect, it } from 'vitest'
import { checkScheduleRule, dueAtFor, expectedObligations, type ObligedSchool, type ScheduleRule, type ScheduleVersion } from '../../../src/core/schedules.js'

const everyone = { kinds: [], townships: [], schoolIds: [] }
const monthlyFire: ScheduleRule = { formId: 'fire-safety', formVersion: null, recurrence: { kind: 'monthly' }, due: { kind: 'day_of_next_month', day: 5 }, audience: everyone, validFrom: null, validTo: null }

function version(rule: ScheduleRule, effectiveAt: string, extra: Partial<ScheduleVersion> = {}): ScheduleVersion {
  return { ...rule, scheduleId: 's1', version: 1, effectiveAt, retired: false, ...extra }
}

function school(id: string, kind: string, township: string | null = null, from = '2020-01-01T00:00:00Z'): ObligedSchool {
  return { id, states: [{ from, kind, township }] }
}

// Ranges are written as Beijing days: [from, to) at midnight 北京时间.
const range = (from: string, to: string) => ({ from: new Date(`${from.slice(0, 10)}T00:00:00+08:00`), to: new Date(`${to.slice(0, 10)}T00:00:00+08:00`) })
const key = (o: { schoolId: string; period: string }) => `${o.schoolId} ${o.period}`

describe('due rules in Asia/Shanghai', () => {
  it('January is due by the 5th of February, at the end of that day in Beijing', () => {
    expect(dueAtFor('2026-01', { kind: 'day_of_next_month', day: 5 }).toISOString()).toBe('2026-02-05T15:59:59.999Z')
  })

  it('December is due in January of the next year', () => {
    expect(dueAtFor('2026-12', { kind: 'day_of_next_month', day: 5 }).toISOString()).toBe('2027-01-05T15:59:59.999Z')
  })

  it('the 31st of next month is clamped to the month end: leap 2028 gives 29 February', () => {
    expect(dueAtFor('2028-01', { kind: 'day_of_next_month', day: 31 }).toISOString()).toBe('2028-02-29T15:59:59.999Z')
    expect(dueAtFor('2027-01', { kind: 'day_of_next_month', day: 31 }).toISOString()).toBe('2027-02-28T15:59:59.999Z')
  })

  it('N days after the period ends counts from its last day: February 2028 has 29 days', () => {
    expect(dueAtFor('2028-02', { kind: 'days_after_end', days: 0 }).toISOString()).toBe('2028-02-29T15:59:59.999Z')
    expect(dueAtFor('2028-02', { kind: 'days_after_end', days: 1 }).toISOString()).toBe('2028-03-01T15:59:59.999Z')
  })

  it('terms: T1 ends with August, T2 with January of the next year', () => {
    expect(dueAtFor('2026-T1', { kind: 'days_after_end', days: 10 }).toISOString()).toBe('2026-09-10T15:59:59.999Z')
    expect(dueAtFor('2026-T2', { kind: 'days_after_end', days: 0 }).toISOString()).toBe('2027-01-31T15:59:59.999Z')
  })

  it('an ISO week ends on Sunday: 2026-W19 is 4–10 May', () => {
    expect(dueAtFor('2026-W19', { kind: 'days_after_end', days: 1 }).toISOString()).toBe('2026-05-11T15:59:59.999Z')
  })

  it('N days after the period starts: day 89 of 2026 is 31 March, of leap 2028 is 30 March', () => {
    expect(dueAtFor('2026', { kind: 'days_after_start', days: 89 }).toISOString()).toBe('2026-03-31T15:59:59.999Z')
    expect(dueAtFor('2028', { kind: 'days_after_start', days: 89 }).toISOString()).toBe('2028-03-30T15:59:59.999Z')
  })

  it('an explicit date is the end of that day', () => {
    expect(dueAtFor('2026-05', { kind: 'date', date: '2026-05-20' }).toISOString()).toBe('2026-05-20T15:59:59.999Z')
  })
})

describe('expected obligations', () => {
  const schools = [school('a', 'primary', '河口镇'), school('k', 'kindergarten', '河口镇'), school('n', 'nine_year', '城关镇')]

  it('a monthly schedule owes every school each month that overlaps the range, opening at Beijing midnight', () => {
    const found = expectedObligations({ schedules: [version(monthlyFire, '2025-12-01T00:00:00Z')], schools, ...range('2026-01-15T00:00:00Z', '2026-03-01T00:00:00Z') })
    expect(found.map(key).sort()).toEqual(['a 2026-01', 'a 2026-02', 'k 2026-01', 'k 2026-02', 'n 2026-01', 'n 2026-02'])
    expect(found.find((o) => o.schoolId === 'a' && o.period === '2026-02')).toMatchObject({ opensAt: '2026-01-31T16:00:00.000Z', dueAt: '2026-03-05T15:59:59.999Z', scheduleId: 's1' })
  })

  it('a yearly schedule by school kind leaves the kindergarten out', () => {
    const rule: ScheduleRule = { ...monthlyFire, formId: 'physical-health', recurrence: { kind: 'yearly' }, due: { kind: 'days_after_end', days: 0 }, audience: { kinds: ['primary', 'junior_middle', 'nine_year', 'senior_high'], townships: [], schoolIds: [] } }
    const found = expectedObligations({ schedules: [version(rule, '2025-01-01T00:00:00Z')], schools, ...range('2026-06-01T00:00:00Z', '2026-06-02T00:00:00Z') })
    expect(found.map(key).sort()).toEqual(['a 2026', 'n 2026'])
  })

  it('weekly from May to September: ISO weeks whose Thursday is in the window, for a township and kind', () => {
    const rule: ScheduleRule = { ...monthlyFire, formId: 'drowning-prevention', recurrence: { kind: 'weekly', months: { from: 5, to: 9 } }, due: { kind: 'days_after_end', days: 1 }, audience: { kinds: ['primary', 'nine_year'], townships: ['河口镇'], schoolIds: [] } }
    const found = expectedObligations({ schedules: [version(rule, '2026-01-01T00:00:00Z')], schools, ...range('2026-04-20T00:00:00Z', '2026-05-12T00:00:00Z') })
    // W18 (27 April–3 May) has its Thursday in April; W19 and W20 are in May.
    expect(found.map(key)).toEqual(['a 2026-W19', 'a 2026-W20'])
    expect(expectedObligations({ schedules: [version(rule, '2026-01-01T00:00:00Z')], schools, ...range('2026-10-01T00:00:00Z', '2026-12-01T00:00:00Z') })).toEqual([])
  })

  it('a month window may wrap the year end', () => {
    const rule: ScheduleRule = { ...monthlyFire, recurrence: { kind: 'monthly', months: { from: 11, to: 2 } } }
    const found = expectedObligations({ schedules: [version(rule, '2025-01-01T00:00:00Z')], schools: [schools[0] as ObligedSchool], ...range('2026-01-01T00:00:00Z', '2026-12-31T00:00:00Z') })
    expect(found.map((o) => o.period)).toEqual(['2026-01', '2026-02', '2026-11', '2026-12'])
  })

  it('terms: a termly schedule asked about January owes the autumn term of the year before', () => {
    const rule: ScheduleRule = { ...monthlyFire, formId: 'myopia-screening', recurrence: { kind: 'termly' }, due: { kind: 'days_after_end', days: 0 } }
    const found = expectedObligations({ schedules: [version(rule, '2025-01-01T00:00:00Z')], schools: [schools[0] as ObligedSchool], ...range('2027-01-10T00:00:00Z', '2027-02-10T00:00:00Z') })
    expect(found.map((o) => o.period)).toEqual(['2026-T2', '2027-T1'])
  })

  it('a once-schedule owes its one period, due on its date', () => {
    const rule: ScheduleRule = { ...monthlyFire, recurrence: { kind: 'once', period: '2026-05' }, due: { kind: 'date', date: '2026-05-20' } }
    const found = expectedObligations({ schedules: [version(rule, '2026-04-01T00:00:00Z')], schools: [schools[0] as ObligedSchool], ...range('2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z') })
    expect(found).toEqual([{ schoolId: 'a', formId: 'fire-safety', formVersion: null, period: '2026-05', opensAt: '2026-04-30T16:00:00.000Z', dueAt: '2026-05-20T15:59:59.999Z', scheduleId: 's1' }])
  })

  it('a school added mid-period owes that period, but not the periods that closed before it existed', () => {
    const late = school('new', 'primary', null, '2026-02-20T02:00:00Z')
    const found = expectedObligations({ schedules: [version(monthlyFire, '2025-01-01T00:00:00Z')], schools: [late], ...range('2026-01-01T00:00:00Z', '2026-03-01T00:00:00Z') })
    expect(found.map((o) => o.period)).toEqual(['2026-02'])
  })

  it('a school whose kind changed is judged by the kind it had when each period closed', () => {
    const changed: ObligedSchool = { id: 'c', states: [{ from: '2020-01-01T00:00:00Z', kind: 'kindergarten', township: null }, { from: '2027-03-01T00:00:00Z', kind: 'primary', township: null }] }
    const rule: ScheduleRule = { ...monthlyFire, audience: { kinds: ['primary'], townships: [], schoolIds: [] } }
    const found = expectedObligations({ schedules: [version(rule, '2025-01-01T00:00:00Z')], schools: [changed], ...range('2027-01-01T00:00:00Z', '2027-05-01T00:00:00Z') })
    expect(found.map((o) => o.period)).toEqual(['2027-03', '2027-04'])
  })

  it('an edited schedule judges each past period by the version in force when it closed', () => {
    const first = version(monthlyFire, '2025-01-01T00:00:00Z')
    const edited = version({ ...monthlyFire, due: { kind: 'day_of_next_month', day: 10 }, audience: { kinds: ['primary'], townships: [], schoolIds: [] } }, '2026-02-15T00:00:00Z', { version: 2 })
    const found = expectedObligations({ schedules: [edited, first], schools, ...range('2026-01-01T00:00:00Z', '2026-03-01T00:00:00Z') })
    expect(found.filter((o) => o.period === '2026-01').map((o) => [o.schoolId, o.dueAt])).toEqual([['a', '2026-02-05T15:59:59.999Z'], ['k', '2026-02-05T15:59:59.999Z'], ['n', '2026-02-05T15:59:59.999Z']])
    expect(found.filter((o) => o.period === '2026-02').map((o) => [o.schoolId, o.dueAt])).toEqual([['a', '2026-03-10T15:59:59.999Z']])
  })

  it('a schedule created mid-period owes the current period but not the ones that closed before it', () => {
    const found = expectedObligations({ schedules: [version(monthlyFire, '2026-02-10T00:00:00Z')], schools: [schools[0] as ObligedSchool], ...range('2026-01-01T00:00:00Z', '2026-03-01T00:00:00Z') })
    expect(found.map((o) => o.period)).toEqual(['2026-02'])
  })

  it('a retired schedule owes nothing for periods closing after it was retired', () => {
    const retired = version(monthlyFire, '2026-02-10T00:00:00Z', { version: 2, retired: true })
    const found = expectedObligations({ schedules: [version(monthlyFire, '2025-01-01T00:00:00Z'), retired], schools: [schools[0] as ObligedSchool], ...range('2026-01-01T00:00:00Z', '2026-04-01T00:00:00Z') })
    expect(found.map((o) => o.period)).toEqual(['2026-01'])
  })

  it('validFrom and validTo bound the periods owed', () => {
    const rule: ScheduleRule = { ...monthlyFire, validFrom: '2026-03-10', validTo: '2026-05-01' }
    const found = expectedObligations({ schedules: [version(rule, '2025-01-01T00:00:00Z')], schools: [schools[0] as ObligedSchool], ...range('2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z') })
    expect(found.map((o) => o.period)).toEqual(['2026-03', '2026-04', '2026-05'])
  })

  it('explicit schools are added to a kind filter; listed schools alone owe only them', () => {
    const rule: ScheduleRule = { ...monthlyFire, audience: { kinds: ['nine_year'], townships: [], schoolIds: ['k'] } }
    const one = { ...range('2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z') }
    expect(expectedObligations({ schedules: [version(rule, '2025-01-01T00:00:00Z')], schools, ...one }).map((o) => o.schoolId).sort()).toEqual(['k', 'n'])
    const listed: ScheduleRule = { ...monthlyFire, audience: { kinds: [], townships: [], schoolIds: ['a'] } }
    expect(expectedObligations({ schedules: [version(listed, '2025-01-01T00:00:00Z')], schools, ...one }).map((o) => o.schoolId)).toEqual(['a'])
  })

  it('narrows to one form and one period for completeness', () => {
    const found = expectedObligations({ schedules: [version(monthlyFire, '2025-01-01T00:00:00Z')], schools, ...range('2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z'), formId: 'fire-safety', period: '2026-07' })
    expect(found.map(key)).toEqual(['a 2026-07', 'k 2026-07', 'n 2026-07'])
    expect(expectedObligations({ schedules: [version(monthlyFire, '2025-01-01T00:00:00Z')], schools, ...range('2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z'), formId: 'other' })).toEqual([])
  })
})

describe('checking a schedule rule', () => {
  it('accepts the 消防自查 rule', () => {
    expect(checkScheduleRule(monthlyFire, null)).toEqual([])
  })

  it('refuses a recurrence that does not match the form’s own period', () => {
    expect(checkScheduleRule(monthlyFire, 'term').map((i) => i.path)).toEqual(['recurrence'])
  })

  it('refuses bad days, months, kinds, periods and dates, with Chinese and English messages', () => {
    const bad: ScheduleRule = { ...monthlyFire, recurrence: { kind: 'monthly', months: { from: 0, to: 13 } }, due: { kind: 'day_of_next_month', day: 32 }, audience: { kinds: ['castle'], townships: [], schoolIds: [] }, validFrom: '2026-02-30', validTo: null }
    const issues = checkScheduleRule(bad, null)
    expect(issues.map((i) => i.path)).toEqual(['recurrence.months', 'due.day', 'audience.kinds.0', 'validFrom'])
    expect(issues[0]?.message.zh).toMatch(/月/)
    expect(checkScheduleRule({ ...monthlyFire, recurrence: { kind: 'once', period: '2025-W53' }, due: { kind: 'date', date: '2026-01-01' } }, null).map((i) => i.path)).toEqual(['recurrence.period'])
    expect(checkScheduleRule({ ...monthlyFire, due: { kind: 'date', date: '2026-01-01' } }, null).map((i) => i.path)).toEqual(['due'])
    expect(checkScheduleRule({ ...monthlyFire, validFrom: '2026-05-01', validTo: '2026-04-01' }, null).map((i) => i.path)).toEqual(['validTo'])
  })
})
