import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { User } from '../../src/core/protocol.js'
import type { ScheduleRule } from '../../src/core/schedules.js'
import { runAutoReminders } from '../../src/server/services/reminders/run-auto-reminders.js'
import { reminderSource } from '../../src/server/services/todo/reminder-source.js'
import { bearer, dialects, startServer, type TestServer } from './harness.js'

const healthYearly: ScheduleRule = {
  formId: 'physical-health', formVersion: null, recurrence: { kind: 'yearly' }, due: { kind: 'days_after_end', days: 0 },
  audience: { kinds: ['primary', 'junior_middle', 'nine_year', 'senior_high'], townships: [], schoolIds: [] }, validFrom: null, validTo: null,
}

describe.each(dialects)('automatic reminders from the schedules (%s)', (dialect) => {
  let server: TestServer
  let clock = new Date('2026-01-05T02:00:00.000Z')
  const reminders = (origin: 'before' | 'after') => server.db.selectFrom('reminders').select('school_id').where('origin', '=', origin).where('form_id', '=', 'physical-health').orderBy('school_id').execute()

  beforeAll(async () => {
    server = await startServer(dialect, {}, { now: () => clock })
    // Only the schedule made here counts (the demo seed's are saved at the real time).
    await server.db.deleteFrom('schedule_versions').execute()
    await server.db.deleteFrom('schedules').execute()
    await server.db.deleteFrom('report_deadlines').execute()
    const token = await server.login('bureau', 'bureau123')
    const created = await server.app.inject({ method: 'POST', url: '/api/v1/schedules', headers: bearer(token), payload: { title: { zh: '学生体质健康测试', en: 'Physical health' }, rule: healthYearly } })
    expect(created.statusCode).toBe(201)
  }, 60_000)
  afterAll(() => server.close())

  it('reminds the schools a schedule expects, N Shanghai days before the due day, once however often it runs', async () => {
    // 28 December, 10:00 in Shanghai: the report is due at the end of 31 December, 3 days on.
    clock = new Date('2026-12-28T02:00:00.000Z')
    expect(await runAutoReminders(server.db, clock)).toMatchObject({ reminders: 4 })
    // The kindergarten (school-3) owes no physical-health report, so gets no reminder.
    expect((await reminders('before')).map((row) => row.school_id)).toEqual(['school-1', 'school-2', 'school-4', 'school-5'])
    expect(await runAutoReminders(server.db, new Date('2026-12-30T02:00:00.000Z'))).toMatchObject({ reminders: 0 })
  })

  it('reminds again from the first minute of the day after the due day in Shanghai, and shows it on the to-do with its due time', async () => {
    expect(await runAutoReminders(server.db, new Date('2026-12-31T15:59:00.000Z'))).toMatchObject({ reminders: 0 })
    clock = new Date('2026-12-31T16:01:00.000Z') // 00:01 on 1 January in Shanghai
    expect(await runAutoReminders(server.db, clock)).toMatchObject({ reminders: 4 })
    expect((await reminders('after')).map((row) => row.school_id)).toEqual(['school-1', 'school-2', 'school-4', 'school-5'])
    const user: User = { id: 'user-school2', username: 'school2', displayName: '', role: 'staff', schoolId: 'school-2', districtId: 'district-1' }
    const [item] = await reminderSource({ db: server.db, user, schoolId: 'school-2', districtId: 'district-1', now: clock })
    expect(item?.title.zh).toBe('催报：学生体质健康测试统计（2026年）')
    expect(item).toMatchObject({ kind: 'reminder', formId: 'physical-health', period: '2026', link: '/new/physical-health?period=2026', dueAt: '2026-12-31T23:59:59+08:00' })
  })
  it('applies a form\'s own override: a longer lead reminds earlier, and reminders turned off for the form queue nothing', async () => {
    // Signed in anew at each move of the clock: a session does not last a year.
    const settings = async (forms: object) => server.app.inject({ method: 'PUT', url: '/api/v1/reminder-settings', headers: bearer(await server.login('bureau', 'bureau123')), payload: { enabled: true, daysBefore: 3, daysAfter: 1, forms } })
    const of2027 = (origin: 'before' | 'after') => server.db.selectFrom('reminders').select('school_id').where('origin', '=', origin).where('period', '=', '2027').execute()
    // 22 December 2027 in Shanghai: the 2027 report is due 9 days on, beyond the district's 3.
    clock = new Date('2027-12-22T02:00:00.000Z')
    expect((await settings({})).statusCode).toBe(200)
    expect(await runAutoReminders(server.db, clock)).toMatchObject({ reminders: 0 })
    expect((await settings({ 'physical-health': { daysBefore: 10 } })).statusCode).toBe(200)
    expect(await runAutoReminders(server.db, clock)).toMatchObject({ reminders: 4 })
    expect(await of2027('before')).toHaveLength(4)

    // 1 January 2028 in Shanghai, the day after: off for this form, the district's "after" sends nothing.
    clock = new Date('2028-01-01T02:00:00.000Z')
    expect((await settings({ 'physical-health': { enabled: false } })).statusCode).toBe(200)
    expect(await runAutoReminders(server.db, clock)).toMatchObject({ reminders: 0 })
    expect(await of2027('after')).toHaveLength(0)
    expect((await settings({})).statusCode).toBe(200)
    expect(await runAutoReminders(server.db, clock)).toMatchObject({ reminders: 4 })
    expect(await of2027('after')).toHaveLength(4)
  })
})
