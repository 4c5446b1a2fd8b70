import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SubmitResult } from '../../src/core/protocol.js'
import type { ScheduleEntry, ScheduleHistoryResponse, SchedulePreview, SchedulesResponse } from '../../src/core/scheduleProtocol.js'
import type { ScheduleRule } from '../../src/core/schedules.js'
import { obligationsOfSchool } from '../../src/server/services/obligations.js'
import { reportSource } from '../../src/server/services/todo/report-source.js'
import { todoSources } from '../../src/server/services/todo/sources.js'
import { fireSafetyEnvelope } from './envelopes.js'
import { bearer, dialects, startServer, type TestServer } from './harness.js'

const everyone = { kinds: [], townships: [], schoolIds: [] }
const fireMonthly: ScheduleRule = { formId: 'fire-safety', formVersion: null, recurrence: { kind: 'monthly' }, due: { kind: 'day_of_next_month', day: 5 }, audience: everyone, validFrom: null, validTo: null }
const healthYearly: ScheduleRule = {
  formId: 'physical-health', formVersion: null, recurrence: { kind: 'yearly' }, due: { kind: 'days_after_end', days: 0 },
  audience: { kinds: ['primary', 'junior_middle', 'nine_year', 'senior_high'], townships: [], schoolIds: [] }, validFrom: null, validTo: null,
}
const title = { zh: '消防安全自查', en: 'Fire safety self-check' }

describe.each(dialects)('schedules: what schools owe (%s)', (dialect) => {
  let server: TestServer
  let clock = new Date('2026-03-10T02:00:00.000Z')
  const tokens: Record<string, string> = {}

  beforeAll(async () => {
    server = await startServer(dialect, {}, { now: () => clock })
    // The demo seed's schedules are saved at the real time; these tests build their own on a fixed clock.
    await server.db.deleteFrom('schedule_versions').execute()
    await server.db.deleteFrom('schedules').execute()
    await server.db.deleteFrom('report_deadlines').execute()
    for (const [user, password] of [['school1', 'school123'], ['bureau', 'bureau123'], ['bureau2', 'bureau123'], ['inspector', 'inspector123'], ['admin', 'admin123']] as const) {
      tokens[user] = await server.login(user, password)
    }
  })
  afterAll(() => server.close())

  async function call<T>(user: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown): Promise<{ status: number; body: T }> {
    const response = await server.app.inject({ method, url: `/api/v1${url}`, headers: bearer(tokens[user] ?? ''), ...(payload === undefined ? {} : { payload: payload as object }) })
    return { status: response.statusCode, body: response.json() as T }
  }

  let fireId = ''

  it('lets the bureau create a schedule, audited; schools and inspectors may not write', async () => {
    expect((await call('school1', 'POST', '/schedules', { title, rule: fireMonthly })).status).toBe(403)
    expect((await call('inspector', 'POST', '/schedules', { title, rule: fireMonthly })).status).toBe(403)
    expect((await call('bureau', 'POST', '/schedules', { title, rule: fireMonthly, districtId: 'district-2' })).status).toBe(403)
    expect((await call('admin', 'POST', '/schedules', { title, rule: fireMonthly })).status).toBe(400)
    const created = await call<{ schedule: ScheduleEntry }>('bureau', 'POST', '/schedules', { title, rule: fireMonthly })
    expect(created.status).toBe(201)
    expect(created.body.schedule).toMatchObject({ districtId: 'district-1', version: 1, retired: false, effectiveAt: clock.toISOString(), rule: fireMonthly })
    fireId = created.body.schedule.id
    const audit = await server.db.selectFrom('audit_log').selectAll().where('action', '=', 'schedule_created').where('subject_id', '=', fireId).execute()
    expect(audit).toHaveLength(1)
    expect(audit[0]?.district_id).toBe('district-1')
  })

  it('refuses a bad rule with every problem named in Chinese and English, never a 5xx', async () => {
    const bad = { ...fireMonthly, due: { kind: 'day_of_next_month', day: 40 }, audience: { kinds: ['castle'], townships: [], schoolIds: ['school-6'] } }
    const refused = await call<{ error: { code: string; message: string; details: { issues: { fieldId: string; message: { zh: string; en: string } }[] } } }>('bureau', 'POST', '/schedules', { title, rule: bad })
    expect(refused.status).toBe(400)
    expect(refused.body.error.code).toBe('validation_failed')
    expect(refused.body.error.message).toMatch(/任务安排.*\/ The schedule/)
    expect(refused.body.error.details.issues.map((issue) => issue.fieldId)).toEqual(['due.day', 'audience.kinds.0', 'audience.schoolIds.0'])
    const monthlySurvey = await call<{ error: { details: { issues: { fieldId: string }[] } } }>('bureau', 'POST', '/schedules', { title, rule: { ...healthYearly, recurrence: { kind: 'monthly' } } })
    expect(monthlySurvey.status).toBe(400)
    expect(monthlySurvey.body.error.details.issues.map((issue) => issue.fieldId)).toEqual(['recurrence'])
    expect((await call('bureau', 'POST', '/schedules', { title, rule: { ...fireMonthly, formId: 'no-such-form' } })).status).toBe(400)
    expect((await call('bureau', 'POST', '/schedules', { title, rule: { ...fireMonthly, extra: 1 } })).status).toBe(400)
    expect((await call('bureau', 'POST', '/schedules', { title, rule: { ...fireMonthly, recurrence: { kind: 'hourly' } } })).status).toBe(400)
    expect((await call('bureau', 'POST', '/schedules', { title, rule: { ...fireMonthly, recurrence: { kind: 'once', period: 'soon' }, due: { kind: 'date', date: '2026-02-30' } } })).status).toBe(400)
  })

  it('shows schedules to inspectors and the bureau of the district only, never to schools', async () => {
    expect((await call('school1', 'GET', '/schedules')).status).toBe(403)
    const seen = await call<SchedulesResponse>('inspector', 'GET', '/schedules')
    expect(seen.status).toBe(200)
    expect(seen.body.schedules.map((s) => s.id)).toEqual([fireId])
    expect(seen.body.schedules[0]?.preview).toEqual({ schools: 5, notApplicable: 0, next: { period: '2026-03', dueAt: '2026-04-05T15:59:59.999Z' } })
    expect((await call<SchedulesResponse>('bureau2', 'GET', '/schedules')).body.schedules).toEqual([])
    expect((await call('bureau2', 'GET', `/schedules/${fireId}`)).status).toBe(404)
    expect((await call('bureau2', 'PUT', `/schedules/${fireId}`, { title, rule: fireMonthly })).status).toBe(404)
    expect((await call('bureau2', 'DELETE', `/schedules/${fireId}`)).status).toBe(404)
  })

  it('previews a rule: the kindergarten is not expected to file the physical-health report', async () => {
    const preview = await call<SchedulePreview>('bureau', 'POST', '/schedules/preview', { rule: healthYearly })
    expect(preview.body).toEqual({ schools: 4, notApplicable: 1, next: { period: '2026', dueAt: '2026-12-31T15:59:59.999Z' } })
    expect((await call('inspector', 'POST', '/schedules/preview', { rule: healthYearly })).status).toBe(403)
  })

  it('a school owes the current month of a new schedule, and its report answers it', async () => {
    await call('bureau', 'POST', '/schedules', { title: { zh: '学生体质健康测试', en: 'Physical health' }, rule: healthYearly })
    const kindergarten = await obligationsOfSchool(server.db, 'school-3', clock)
    expect(kindergarten.map((o) => [o.formId, o.period, o.state])).toEqual([['fire-safety', '2026-03', 'not_due']])
    const response = await server.app.inject({ method: 'POST', url: '/api/v1/submissions', headers: bearer(tokens['school1'] ?? ''), payload: { submissions: [fireSafetyEnvelope({ completedAt: '2026-03-09T08:20:00.000Z' })] } })
    expect((response.json() as { results: SubmitResult[] }).results[0]?.status).toBe('accepted')
    const primary = await obligationsOfSchool(server.db, 'school-1', clock)
    expect(primary.map((o) => [o.formId, o.period, o.state, o.reports])).toEqual([['fire-safety', '2026-03', 'on_time', 1], ['physical-health', '2026', 'not_due', 0]])
    expect(primary[0]?.title.zh).toBe('消防安全自查')
  })

  it('after the due date, the unfiled month is missing and the new month not yet due', async () => {
    clock = new Date('2026-04-06T01:00:00.000Z')
    const kindergarten = await obligationsOfSchool(server.db, 'school-3', clock)
    expect(kindergarten.map((o) => [o.period, o.state])).toEqual([['2026-03', 'missing'], ['2026-04', 'not_due']])
  })

  it('puts what is still owed on the school’s 待办, overdue and due alike, with a link that starts the report', async () => {
    expect(todoSources).toContain(reportSource)
    const user = { id: 'user-school1', username: 'school1', displayName: '', role: 'staff' as const, schoolId: 'school-1', districtId: 'district-1' }
    const items = await reportSource({ db: server.db, user, schoolId: 'school-1', districtId: 'district-1', now: clock })
    // March's self-check was filed; April's and this year's health report are still owed.
    expect(items.map((item) => [item.key, item.dueAt, item.link])).toEqual([
      ['report:fire-safety:2026-04', '2026-05-05T23:59:59+08:00', '/new/fire-safety?period=2026-04'],
      ['report:physical-health:2026', '2026-12-31T23:59:59+08:00', '/new/physical-health?period=2026'],
    ])
    const kindergarten = await reportSource({ db: server.db, user: { ...user, schoolId: 'school-3' }, schoolId: 'school-3', districtId: 'district-1', now: clock })
    expect(kindergarten.map((item) => [item.kind, item.formId, item.period, item.title.zh])).toEqual([['report', 'fire-safety', '2026-03', '消防安全自查'], ['report', 'fire-safety', '2026-04', '消防安全自查']])
  })

  it('an edit is a new version; past periods keep the version in force when they closed', async () => {
    const changed = await call<{ schedule: ScheduleEntry }>('bureau', 'PUT', `/schedules/${fireId}`, { title, rule: { ...fireMonthly, due: { kind: 'day_of_next_month', day: 10 }, audience: { kinds: ['primary'], townships: [], schoolIds: [] } } })
    expect(changed.status).toBe(200)
    expect(changed.body.schedule.version).toBe(2)
    expect((await call('bureau', 'PUT', `/schedules/${fireId}`, { title, rule: { ...healthYearly } })).status).toBe(400)
    const history = await call<ScheduleHistoryResponse>('inspector', 'GET', `/schedules/${fireId}`)
    expect(history.body.versions.map((v) => [v.version, v.rule.due])).toEqual([[1, { kind: 'day_of_next_month', day: 5 }], [2, { kind: 'day_of_next_month', day: 10 }]])
    // March closed under version 1: the kindergarten still owed it; April is judged by version 2.
    const kindergarten = await obligationsOfSchool(server.db, 'school-3', clock)
    expect(kindergarten.map((o) => [o.period, o.state])).toEqual([['2026-03', 'missing']])
    const primary = await obligationsOfSchool(server.db, 'school-1', clock)
    expect(primary.filter((o) => o.formId === 'fire-safety').map((o) => [o.period, o.dueAt])).toEqual([['2026-03', '2026-04-05T15:59:59.999Z'], ['2026-04', '2026-05-10T15:59:59.999Z']])
  })

  it('retiring keeps what closed periods owed and expects nothing after', async () => {
    const retired = await call<{ schedule: ScheduleEntry }>('bureau', 'DELETE', `/schedules/${fireId}`)
    expect(retired.body.schedule).toMatchObject({ version: 3, retired: true })
    expect((await server.db.selectFrom('audit_log').select('action').where('subject_id', '=', fireId).orderBy('id').execute()).map((row) => row.action)).toEqual(['schedule_created', 'schedule_changed', 'schedule_retired'])
    const primary = await obligationsOfSchool(server.db, 'school-1', clock)
    expect(primary.filter((o) => o.formId === 'fire-safety').map((o) => o.period)).toEqual(['2026-03'])
  })

  it('a school added through the admin screens owes only periods closing after it was added', async () => {
    const created = await call<{ school: { id: string } }>('bureau', 'POST', '/admin/schools', { name: '新建小学', kind: 'primary', township: '城关镇' })
    expect(created.status).toBe(201)
    const owed = await obligationsOfSchool(server.db, created.body.school.id, clock)
    expect(owed.map((o) => [o.formId, o.period])).toEqual([['physical-health', '2026']])
  })
})
