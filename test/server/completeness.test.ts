import { v7 as uuidv7 } from 'uuid'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CompletenessOverview, CompletenessResponse, SubmissionEnvelope, SubmitResult } from '../../src/core/protocol.js'
import type { ScheduleRule } from '../../src/core/schedules.js'
import { fireSafetyEnvelope } from './envelopes.js'
import { bearer, dialects, startServer, type TestServer } from './harness.js'
import { sha256, tinyPng } from './images.js'
import { myopiaEnvelope } from './report-envelopes.js'

const none = { kinds: [], townships: [], schoolIds: [] }
const rule = (overrides: Partial<ScheduleRule>): ScheduleRule => ({ formId: 'fire-safety', formVersion: null, recurrence: { kind: 'monthly' }, due: { kind: 'day_of_next_month', day: 5 }, audience: none, validFrom: null, validTo: null, ...overrides })
const primaryAndSecondary = { kinds: ['primary', 'junior_middle', 'nine_year', 'senior_high'], townships: [], schoolIds: [] }

describe.each(dialects)('completeness from schedules, for every kind of report (%s)', (dialect) => {
  let server: TestServer
  let clock = new Date('2026-01-10T02:00:00.000Z')
  const tokens: Record<string, string> = {}
  const accounts = [['school1', 'school123'], ['school2', 'school123'], ['principal1', 'principal123'], ['bureau', 'bureau123'], ['inspector', 'inspector123']] as const

  /** Moves the clock and signs in again: sessions expire as the months go by. */
  async function at(iso: string): Promise<void> {
    clock = new Date(iso)
    for (const [user, password] of accounts) tokens[user] = await server.login(user, password)
  }

  beforeAll(async () => {
    server = await startServer(dialect, {}, { now: () => clock })
    // The demo seed's schedules and deadlines are saved at the real time; these tests run on their own clock.
    await server.db.deleteFrom('schedule_versions').execute()
    await server.db.deleteFrom('schedules').execute()
    await server.db.deleteFrom('report_deadlines').execute()
    await at(clock.toISOString())
    // The district's own yearly letter, one pledge id per year, so the test does not hang on the seed's (wall-clock) year.
    const letter = { pledgeId: 'district-food-2026', version: 1, year: 2026, audience: 'principal', title: { zh: '食品安全责任书', en: 'Food safety letter' }, text: { zh: '责任', en: 'Duty' }, dueDate: '2026-12-31' }
    expect((await call('bureau', 'POST', '/admin/pledges', letter)).status).toBe(201)
    const schedules: [string, ScheduleRule][] = [
      ['消防安全自查', rule({})],
      ['近视筛查', rule({ formId: 'myopia-screening', recurrence: { kind: 'termly' }, due: { kind: 'days_after_end', days: 10 } })],
      ['学生体质健康测试', rule({ formId: 'physical-health', recurrence: { kind: 'yearly' }, due: { kind: 'days_after_end', days: 0 }, audience: primaryAndSecondary })],
      ['防溺水', rule({ formId: 'drowning-prevention', recurrence: { kind: 'weekly', months: { from: 5, to: 9 } }, due: { kind: 'days_after_end', days: 1 }, audience: { kinds: ['primary', 'nine_year'], townships: ['青山乡', '城关镇'], schoolIds: [] } })],
      ['食品安全责任书', rule({ formId: 'pledge-signing', pledgeId: 'district-food', recurrence: { kind: 'yearly' }, due: { kind: 'day_of_next_month', day: 31 } })],
    ]
    for (const [zh, body] of schedules) {
      const response = await call('bureau', 'POST', '/schedules', { title: { zh, en: zh }, rule: body })
      expect(response.status, JSON.stringify(response.body)).toBe(201)
    }
  })
  afterAll(() => server.close())

  async function call<T = unknown>(user: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object): Promise<{ status: number; body: T }> {
    const response = await server.app.inject({ method, url: `/api/v1${url}`, headers: bearer(tokens[user] ?? ''), ...(payload === undefined ? {} : { payload }) })
    return { status: response.statusCode, body: response.json() as T }
  }

  async function submit(user: string, envelope: SubmissionEnvelope): Promise<void> {
    const { body } = await call<{ results: SubmitResult[] }>(user, 'POST', '/submissions', { submissions: [envelope] })
    expect(body.results[0]?.status, JSON.stringify(body.results[0])).toBe('accepted')
  }

  const states = (body: CompletenessResponse) => body.schools.map((row) => [row.schoolId, row.state])

  it('an inspection counts for the Beijing month of its completedAt, and is on time if it arrived by the 5th', async () => {
    // 31 January 23:30 in Beijing is 15:30 UTC: January's self-check, sent on 2 February.
    await at('2026-02-02T01:00:00.000Z')
    await submit('school1', fireSafetyEnvelope({ completedAt: '2026-01-31T15:30:00.000Z' }))
    await at('2026-02-06T01:00:00.000Z')
    await submit('school2', fireSafetyEnvelope({ schoolId: 'school-2', completedAt: '2026-02-01T00:30:00.000Z', deviceId: 'device-2' }))
    const january = await call<CompletenessResponse>('bureau', 'GET', '/reports/completeness?formId=fire-safety&period=2026-01')
    expect(january.status).toBe(200)
    // school-2's check was done on 1 February in Beijing (00:30 UTC is 08:30): February's, not January's.
    expect(states(january.body)).toEqual([['school-1', 'on_time'], ['school-2', 'missing'], ['school-3', 'missing'], ['school-4', 'missing'], ['school-5', 'missing']])
    expect(january.body.schools[0]?.dueAt).toBe('2026-02-05T15:59:59.999Z')
    const february = await call<CompletenessResponse>('bureau', 'GET', '/reports/completeness?formId=fire-safety&period=2026-02')
    expect(states(february.body).slice(0, 2)).toEqual([['school-1', 'not_due'], ['school-2', 'on_time']])
  })

  it('the schedule was saved on 10 January: December had closed before it and owed nothing', async () => {
    const december = await call<CompletenessResponse>('bureau', 'GET', '/reports/completeness?formId=fire-safety&period=2025-12')
    expect(december.body.totals).toMatchObject({ not_applicable: 5, missing: 0 })
  })

  it('a survey by term: a first report after the due date is late', async () => {
    await at('2026-09-11T01:00:00.000Z')
    await submit('school1', myopiaEnvelope({ enrolled: 500, screened: 500, myopic: 100 }))
    const term = await call<CompletenessResponse>('bureau', 'GET', '/reports/completeness?formId=myopia-screening&period=2026-T1')
    expect(term.body.schools[0]).toMatchObject({ schoolId: 'school-1', state: 'late', dueAt: '2026-09-10T15:59:59.999Z', reports: 1 })
    expect(term.body.totals).toMatchObject({ late: 1, missing: 4 })
    expect((await call('bureau', 'GET', '/reports/completeness?formId=myopia-screening&period=2026-05')).status).toBe(400)
  })

  it('the kindergarten owes no physical-health report: not applicable, and not counted as missing', async () => {
    await at('2027-01-02T01:00:00.000Z')
    const year = await call<CompletenessResponse>('inspector', 'GET', '/reports/completeness?formId=physical-health&period=2026')
    expect(states(year.body)).toEqual([['school-1', 'missing'], ['school-2', 'missing'], ['school-3', 'not_applicable'], ['school-4', 'missing'], ['school-5', 'missing']])
    expect(year.body.totals).toMatchObject({ missing: 4, not_applicable: 1 })
    expect(year.body.schools[2]?.dueAt).toBeNull()
  })

  it('a weekly checklist from May to September by township and kind, asked by ISO week', async () => {
    await at('2026-05-12T01:00:00.000Z')
    const week = await call<CompletenessResponse>('bureau', 'GET', '/reports/completeness?formId=drowning-prevention&period=2026-W19')
    expect(week.status).toBe(200)
    expect(states(week.body)).toEqual([['school-1', 'missing'], ['school-2', 'not_applicable'], ['school-3', 'not_applicable'], ['school-4', 'missing'], ['school-5', 'not_applicable']])
    const october = await call<CompletenessResponse>('bureau', 'GET', '/reports/completeness?formId=drowning-prevention&period=2026-W42')
    expect(october.body.totals.not_applicable).toBe(5)
    expect((await call('bureau', 'GET', '/reports/completeness?formId=drowning-prevention&period=2025-W53')).status).toBe(400)
  })

  it('a pledge signature counts for its pledge’s year', async () => {
    await at('2026-03-01T00:00:00.000Z')
    const version = await server.db.selectFrom('pledge_versions').select(['id', 'year', 'text_hash']).where('pledge_id', '=', 'district-food-2026').executeTakeFirstOrThrow()
    const png = tinyPng(7, 10, 20)
    const upload = await server.app.inject({ method: 'PUT', url: `/api/v1/attachments/${sha256(png)}`, headers: { ...bearer(tokens['principal1'] ?? ''), 'content-type': 'image/png' }, payload: png })
    expect(upload.statusCode).toBe(201)
    await submit('principal1', {
      id: uuidv7(), formId: 'pledge-signing', formVersion: 1, schoolId: 'school-1', subjectId: version.id,
      answers: { signerName: '李校长', textHash: version.text_hash, signature: sha256(png) }, attachments: [sha256(png)],
      startedAt: '2026-03-01T00:00:00.000Z', completedAt: '2026-03-01T00:01:00.000Z', deviceId: 'phone-principal-1',
    } as SubmissionEnvelope)
    const year = await call<CompletenessResponse>('bureau', 'GET', `/reports/completeness?formId=pledge-signing&period=${version.year}`)
    expect(year.body.schools.find((row) => row.schoolId === 'school-1')).toMatchObject({ state: 'on_time', reports: 1 })
    expect(year.body.schools.find((row) => row.schoolId === 'school-4')?.state).toBe('not_due')
    expect((await call<CompletenessResponse>('bureau', 'GET', `/reports/completeness?formId=pledge-signing&period=${version.year + 1}`)).body.schools[0]?.reports).toBe(0)
  })

  it('a deadline moves one period’s due date; a deadline with no schedule still expects every school', async () => {
    await at('2026-02-06T01:00:00.000Z')
    expect((await call('bureau', 'PUT', '/reports/deadlines', { formId: 'fire-safety', period: '2026-01', dueAt: '2026-02-10T23:59:59+08:00' })).status).toBe(200)
    const january = await call<CompletenessResponse>('bureau', 'GET', '/reports/completeness?formId=fire-safety&period=2026-01')
    expect(january.body.schools[1]).toMatchObject({ schoolId: 'school-2', state: 'not_due', dueAt: '2026-02-10T15:59:59.000Z' })
    expect((await call('bureau', 'PUT', '/reports/deadlines', { formId: 'enrolment', period: '2026-T1', dueAt: '2026-03-31T23:59:59+08:00' })).status).toBe(200)
    const enrolment = await call<CompletenessResponse>('bureau', 'GET', '/reports/completeness?formId=enrolment&period=2026-T1')
    expect(enrolment.body.totals).toMatchObject({ not_due: 5, not_applicable: 0 })
    expect(enrolment.body.schools[0]?.scheduleId).toBe('deadline:enrolment/2026-T1')
  })

  it('the overview shows the current period of every schedule, and last month’s until its due date passes', async () => {
    await at('2026-06-03T01:00:00.000Z')
    const overview = await call<CompletenessOverview>('bureau', 'GET', '/reports/overview')
    const periods = overview.body.forms.map((row) => `${row.formId} ${row.period}`)
    expect(periods).toEqual(expect.arrayContaining(['fire-safety 2026-06', 'fire-safety 2026-05', 'myopia-screening 2026-T1', 'physical-health 2026', 'drowning-prevention 2026-W23', 'pledge-signing 2026']))
    expect(overview.body.forms.find((row) => row.formId === 'physical-health')).toMatchObject({ schools: 4, periodKind: 'year', totals: { not_applicable: 1 } })
    await at('2026-06-06T01:00:00.000Z')
    const later = await call<CompletenessOverview>('bureau', 'GET', '/reports/overview')
    expect(later.body.forms.map((row) => `${row.formId} ${row.period}`)).not.toContain('fire-safety 2026-05')
  })
})
