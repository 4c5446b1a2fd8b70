import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CompletenessResponse, LatestReportsResponse, SubmitResult } from '../../src/core/protocol.js'
import { bearer, dialects, startServer, type TestServer } from './harness.js'
import { myopiaEnvelope } from './report-envelopes.js'

describe.each(dialects)('survey reports: supersede, soft warnings and completeness (%s)', (dialect) => {
  let server: TestServer
  let clock = new Date('2026-03-10T02:00:00.000Z')
  const tokens: Record<string, string> = {}

  beforeAll(async () => {
    server = await startServer(dialect, {}, { now: () => clock })
    for (const [user, password] of [['school1', 'school123'], ['school2', 'school123'], ['bureau', 'bureau123'], ['bureau2', 'bureau123'], ['inspector', 'inspector123'], ['admin', 'admin123']]) {
      tokens[user ?? ''] = await server.login(user ?? '', password ?? '')
    }
  })
  afterAll(() => server.close())

  const token = (user: string): string => tokens[user] ?? ''

  async function submit(user: string, submissions: readonly unknown[]): Promise<SubmitResult[]> {
    const response = await server.app.inject({ method: 'POST', url: '/api/v1/submissions', headers: bearer(token(user)), payload: { submissions } })
    expect(response.statusCode).toBe(200)
    return response.json().results as SubmitResult[]
  }

  async function get<T>(user: string, url: string): Promise<{ status: number; body: T }> {
    const response = await server.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: bearer(token(user)) })
    return { status: response.statusCode, body: response.json() as T }
  }

  async function completeness(user: string, query = '?formId=myopia-screening&period=2026-T1') {
    return get<CompletenessResponse>(user, `/reports/completeness${query}`)
  }

  async function putDeadline(user: string, payload: Record<string, unknown>): Promise<number> {
    const response = await server.app.inject({ method: 'PUT', url: '/api/v1/reports/deadlines', headers: bearer(token(user)), payload })
    return response.statusCode
  }

  const lastTerm = myopiaEnvelope({ enrolled: 500, screened: 500, myopic: 100 }, { period: '2025-T2' })
  const first = myopiaEnvelope({ enrolled: 500, screened: 500, myopic: 102 })
  const correction = myopiaEnvelope({ enrolled: 500, screened: 500, myopic: 140 })
  const school2Report = myopiaEnvelope({ enrolled: 300, screened: 290, myopic: 80 }, { schoolId: 'school-2' })

  it('lets the bureau set its district’s deadline, and nobody else', async () => {
    const deadline = { formId: 'myopia-screening', period: '2026-T1', dueAt: '2026-03-20T00:00:00+08:00' }
    expect(await putDeadline('school1', deadline)).toBe(403)
    expect(await putDeadline('inspector', deadline)).toBe(403)
    expect(await putDeadline('bureau2', { ...deadline, districtId: 'district-1' })).toBe(403)
    expect(await putDeadline('bureau', { ...deadline, period: '2026-03' })).toBe(400)
    expect(await putDeadline('bureau', { ...deadline, formId: 'no-such-form' })).toBe(404)
    expect(await putDeadline('bureau', deadline)).toBe(200)
    const row = await server.db.selectFrom('report_deadlines').selectAll().where('district_id', '=', 'district-1').where('period', '=', '2026-T1').where('form_id', '=', 'myopia-screening').executeTakeFirstOrThrow()
    expect(row.due_at).toBe('2026-03-19T16:00:00.000Z')
  })

  it('before the deadline, a school that has not reported is not yet due', async () => {
    const { status, body } = await completeness('bureau')
    expect(status).toBe(200)
    expect(body.schools.map((row) => [row.schoolId, row.state])).toEqual([
      ['school-1', 'not_due'],
      ['school-2', 'not_due'],
      ['school-3', 'not_due'],
      ['school-4', 'not_due'],
      ['school-5', 'not_due'],
    ])
  })

  it('refuses a survey whose counts break a rule, with the reason in Chinese', async () => {
    const [result] = await submit('school1', [myopiaEnvelope({ enrolled: 500, screened: 480, myopic: 481 })])
    expect(result).toMatchObject({ status: 'rejected', error: { code: 'validation_failed' } })
    const issues = result?.status === 'rejected' ? (result.error.details?.issues ?? []) : []
    expect(issues.map((issue) => issue.message.zh)).toEqual(['“筛查出近视人数”不能大于“筛查人数”'])
  })

  it('refuses a survey without its period, or with a month where a term is due', async () => {
    const { period: _period, ...withoutPeriod } = myopiaEnvelope({ enrolled: 1, screened: 1, myopic: 0 })
    const results = await submit('school1', [withoutPeriod, myopiaEnvelope({ enrolled: 1, screened: 1, myopic: 0 }, { period: '2026-03' })])
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected'])
  })

  it('files a report on time before the deadline, with no warning when there is no earlier period', async () => {
    expect((await submit('school1', [first]))[0]?.status).toBe('accepted')
    const row = await server.db.selectFrom('survey_reports').selectAll().where('submission_id', '=', first.id).executeTakeFirstOrThrow()
    expect(row).toMatchObject({ school_id: 'school-1', period: '2026-T1', superseded_by: null, warnings: '[]' })
    const { body } = await completeness('bureau')
    expect(body.schools[0]).toMatchObject({ schoolId: 'school-1', state: 'on_time', firstReceivedAt: '2026-03-10T02:00:00.000Z', corrected: false, reports: 1 })
  })

  it('after the deadline, a school that has not reported is missing and a first report is late', async () => {
    clock = new Date('2026-03-25T02:00:00.000Z')
    expect((await submit('school2', [school2Report]))[0]?.status).toBe('accepted')
    const { body } = await completeness('bureau')
    expect(body.schools.map((row) => [row.schoolId, row.state])).toEqual([
      ['school-1', 'on_time'],
      ['school-2', 'late'],
      ['school-3', 'missing'],
      ['school-4', 'missing'],
      ['school-5', 'missing'],
    ])
    expect(body.totals).toEqual({ on_time: 1, late: 1, missing: 3, not_due: 0, not_applicable: 0, corrected: 0 })
  })

  it('a correction for the same period supersedes the old report, keeps it, and leaves the school on time', async () => {
    await submit('school1', [lastTerm])
    clock = new Date('2026-03-26T09:30:00.000Z')
    expect((await submit('school1', [correction]))[0]?.status).toBe('accepted')
    const rows = await server.db.selectFrom('survey_reports').selectAll().where('school_id', '=', 'school-1').where('period', '=', '2026-T1').orderBy('received_at').execute()
    expect(rows.map((row) => [row.submission_id, row.superseded_by, row.superseded_at])).toEqual([
      [first.id, correction.id, '2026-03-26T09:30:00.000Z'],
      [correction.id, null, null],
    ])
    const { body } = await completeness('bureau')
    expect(body.schools[0]).toMatchObject({
      state: 'on_time',
      corrected: true,
      correctedAt: '2026-03-26T09:30:00.000Z',
      currentSubmissionId: correction.id,
      reports: 2,
    })
    const listed = await get<{ submissions: { id: string }[] }>('bureau', '/submissions?formId=myopia-screening&period=2026-T1&schoolId=school-1')
    expect(listed.body.submissions.map((submission) => submission.id)).toEqual([correction.id, first.id])
  })

  it('keeps the soft warning the server found against its own copy of last period', async () => {
    const row = await server.db.selectFrom('survey_reports').select('warnings').where('submission_id', '=', correction.id).executeTakeFirstOrThrow()
    const warnings = JSON.parse(row.warnings) as { code: string; severity: string; message: { zh: string } }[]
    expect(warnings.map((warning) => [warning.code, warning.severity])).toEqual([['rateChange', 'warning']])
    expect(warnings[0]?.message.zh).toBe('“近视率”为 28%，上期为 20%，变化超过 5 个百分点，请核实')
  })

  it('gives the phone its school’s current reports of the two latest periods, with how many each replaced', async () => {
    const { status, body } = await get<LatestReportsResponse>('school1', '/reports/latest')
    expect(status).toBe(200)
    expect(body.reports.map((report) => [report.submissionId, report.period, report.supersedes])).toEqual([
      [correction.id, '2026-T1', 1],
      [lastTerm.id, '2025-T2', 0],
    ])
    expect(body.reports[0]?.answers).toEqual({ enrolled: 500, screened: 500, myopic: 140 })
    const school2 = await get<LatestReportsResponse>('school2', '/reports/latest')
    expect(school2.body.reports.map((report) => report.schoolId)).toEqual(['school-2'])
  })

  it('answers an unchanged pull of the latest reports with 304', async () => {
    const first = await server.app.inject({ method: 'GET', url: '/api/v1/reports/latest', headers: bearer(token('school1')) })
    const etag = first.headers.etag
    expect(typeof etag).toBe('string')
    const again = await server.app.inject({ method: 'GET', url: '/api/v1/reports/latest', headers: { ...bearer(token('school1')), 'if-none-match': String(etag) } })
    expect(again.statusCode).toBe(304)
  })

  it('shows completeness to inspectors and admins, never to schools, and each bureau only its district', async () => {
    expect((await completeness('school1')).status).toBe(403)
    expect((await completeness('inspector')).body.schools).toHaveLength(5)
    expect((await completeness('admin')).body.schools.map((row) => row.schoolId)).toContain('school-6')
    const other = await completeness('bureau2')
    // Issue 14: district-2 has neither a schedule nor a deadline for the form, so its school owes nothing (before: 'not_due').
    expect(other.body.schools.map((row) => [row.schoolId, row.state, row.dueAt])).toEqual([['school-6', 'not_applicable', null]])
  })

  it('checks the completeness query: the form must exist and the period must fit it', async () => {
    expect((await completeness('bureau', '?formId=myopia-screening')).status).toBe(400)
    expect((await completeness('bureau', '?formId=myopia-screening&period=2026-03')).status).toBe(400)
    expect((await completeness('bureau', '?formId=nope&period=2026-T1')).status).toBe(404)
    expect((await completeness('bureau', '?formId=myopia-screening&period=2026-T1&extra=1')).status).toBe(400)
  })
})
