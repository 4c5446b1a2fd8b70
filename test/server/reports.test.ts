import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CanteenSummary, CompletenessOverview, HazardBoard, HazardBoardPage, PledgeSummary, SurveyTotals } from '../../src/core/protocol.js'
import { startBureauFixture, type BureauFixture } from './bureauFixture.js'
import { bearer, dialects } from './harness.js'

// The figures below are worked out by hand from the reports listed in bureauFixture.ts.
describe.each(dialects)('bureau report queries (%s)', (dialect) => {
  let fixture: BureauFixture
  let bureau: string
  let bureau2: string

  beforeAll(async () => {
    fixture = await startBureauFixture(dialect)
    bureau = await fixture.server.login('bureau', 'bureau123')
    bureau2 = await fixture.server.login('bureau2', 'bureau123')
  })
  afterAll(() => fixture.server.close())

  async function get<T>(token: string, url: string): Promise<T> {
    const response = await fixture.server.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: bearer(token) })
    expect(response.statusCode, response.body).toBe(200)
    return response.json() as T
  }

  it('the overview counts the myopia screening of 2026-T1: 1 on time (corrected), 1 late, 3 missing of 5 schools', async () => {
    const overview = await get<CompletenessOverview>(bureau, '/reports/overview')
    const row = overview.forms.find((form) => form.formId === 'myopia-screening' && form.period === '2026-T1')
    expect(row).toMatchObject({
      schools: 5,
      dueAt: '2026-03-15T15:59:59.000Z',
      totals: { on_time: 1, late: 1, missing: 3, not_due: 0, corrected: 1 },
    })
  })

  it('survey totals add up each school’s current report and compute the rates on the totals, with the change from last term', async () => {
    const totals = await get<SurveyTotals>(bureau, '/reports/survey-totals?formId=myopia-screening&period=2026-T1')
    expect(totals).toMatchObject({ period: '2026-T1', previousPeriod: '2025-T2', schools: 5, reported: 2 })
    expect(totals.fields.map((field) => [field.id, field.total, field.previous])).toEqual([
      ['enrolled', 1300, 1300],
      ['screened', 1280, 1280],
      ['myopic', 296, 384],
    ])
    // 296 / 1280 = 23.125 % (was 384 / 1280 = 30 %); 1280 / 1300 = 98.46 %.
    expect(totals.rates.map((rate) => [rate.id, rate.percent, rate.previous, rate.change])).toEqual([
      ['myopiaRate', 23.1, 30, -6.9],
      ['screenedRate', 98.5, 98.5, 0],
    ])
    const bySchool = Object.fromEntries(totals.bySchool.map((school) => [school.schoolId, school.rates[0]]))
    expect(bySchool['school-1']).toMatchObject({ percent: 20, previous: 30, change: -10 })
    expect(bySchool['school-2']).toMatchObject({ percent: 25, previous: 30, change: -5 })
    expect(bySchool['school-3']).toMatchObject({ percent: null, previous: null, change: null })
    expect(totals.bySchool.find((school) => school.schoolId === 'school-1')?.submissionId).toBe(fixture.ids.myopiaCorrection)
  })

  it('another district’s survey totals hold only its own school', async () => {
    const totals = await get<SurveyTotals>(bureau2, '/reports/survey-totals?formId=myopia-screening&period=2026-T1')
    expect(totals.reported).toBe(1)
    expect(totals.rates[0]?.percent).toBe(50)
  })

  it('canteen grades: school-1 fell from A to C this term, school-2 starts at A, three schools ungraded', async () => {
    const summary = await get<CanteenSummary>(bureau, '/reports/canteen-summary?term=2026-T1')
    expect(summary.current).toEqual([
      { grade: 'A', schools: 1 },
      { grade: 'B', schools: 0 },
      { grade: 'C', schools: 1 },
      { grade: 'fail', schools: 0 },
    ])
    expect(summary.ungraded).toBe(3)
    expect(summary.byTerm.map((term) => [term.term, term.grades.map((grade) => grade.schools)])).toEqual([
      ['2025-T2', [1, 0, 0, 0]],
      ['2026-T1', [1, 0, 1, 0]],
    ])
    expect(summary.moves).toEqual([{ schoolId: 'school-1', schoolName: '示范区第一小学', from: 'A', to: 'C', date: '2026-03-05', direction: 'down' }])
    const earlier = await get<CanteenSummary>(bureau, '/reports/canteen-summary?term=2025-T2')
    expect(earlier.moves).toEqual([])
    expect(earlier.ungraded).toBe(4)
  })

  it('the hazards board judges each hazard against today: the fire hazard is 8 days overdue and red', async () => {
    const board = await get<HazardBoard>(bureau, '/reports/hazard-board')
    expect(board.today).toBe('2026-03-20')
    expect(board.totals).toEqual({ open: 4, overdue: 1, rectified: 0, closed: 0 })
    expect(board.byLevel).toEqual({ blue: 0, yellow: 3, orange: 0, red: 1 })
    const rows = await get<HazardBoardPage>(bureau, '/reports/hazard-board/rows')
    expect(rows.total).toBe(4)
    const fire = rows.rows[0]
    expect(fire).toMatchObject({ formId: 'fire-safety', level: 'red', daysOverdue: 8, ageDays: 18, schoolName: '示范区第一小学' })
    expect(board.bySubject.map((subject) => [subject.formId, subject.open, subject.overdue])).toEqual([
      ['fire-safety', 1, 1],
      ['canteen-grading', 3, 0],
    ])
    expect(board.trend).toHaveLength(12)
    expect(board.trend.find((week) => week.week === '2026-03-02')).toEqual({ week: '2026-03-02', found: 4, closed: 0 })
    expect((await get<HazardBoard>(bureau2, '/reports/hazard-board')).totals).toEqual({ open: 0, overdue: 0, rectified: 0, closed: 0 })
    expect((await get<HazardBoardPage>(bureau2, '/reports/hazard-board/rows')).rows).toEqual([])
  })

  it('the board\'s table is filtered, sorted and paged by the server, with the count of every matching row', async () => {
    const red = await get<HazardBoardPage>(bureau, '/reports/hazard-board/rows?level=red')
    expect(red.rows.map((row) => [row.formId, row.level])).toEqual([['fire-safety', 'red']])
    const overdue = await get<HazardBoardPage>(bureau, '/reports/hazard-board/rows?status=overdue')
    expect(overdue.total).toBe(1)
    const first = await get<HazardBoardPage>(bureau, '/reports/hazard-board/rows?sort=deadline&pageSize=3')
    const second = await get<HazardBoardPage>(bureau, '/reports/hazard-board/rows?sort=deadline&pageSize=3&page=2')
    expect([first.rows.length, second.rows.length, first.total, second.total]).toEqual([3, 1, 4, 4])
    const all = [...first.rows, ...second.rows]
    expect(new Set(all.map((row) => row.id)).size).toBe(4)
    expect(all.map((row) => row.deadline)).toEqual(all.map((row) => row.deadline).sort())
    const canteen = await get<HazardBoardPage>(bureau, '/reports/hazard-board/rows?formId=canteen-grading&schoolId=school-1')
    expect(canteen.rows.every((row) => row.formId === 'canteen-grading' && row.schoolId === 'school-1')).toBe(true)
    const foreign = await fixture.server.app.inject({ method: 'GET', url: '/api/v1/reports/hazard-board/rows?schoolId=school-6', headers: bearer(bureau) })
    expect(foreign.statusCode).toBe(403)
    const bad = await fixture.server.app.inject({ method: 'GET', url: '/api/v1/reports/hazard-board/rows?sort=nonsense', headers: bearer(bureau) })
    expect(bad.statusCode).toBe(400)
  })

  it('a hazard verified from the board counts as closed this week', async () => {
    const id = `${fixture.ids.fireSchool1}:extinguishers`
    const verify = await fixture.server.app.inject({ method: 'POST', url: `/api/v1/hazards/${encodeURIComponent(id)}/verify`, headers: bearer(bureau), payload: { action: 'close' } })
    expect(verify.statusCode, verify.body).toBe(200)
    const board = await get<HazardBoard>(bureau, '/reports/hazard-board')
    expect(board.totals).toEqual({ open: 3, overdue: 0, rectified: 0, closed: 1 })
    expect(board.trend.at(-1)).toEqual({ week: '2026-03-16', found: 0, closed: 1 })
    const audit = await fixture.server.db.selectFrom('audit_log').selectAll().where('action', '=', 'hazard_verified').execute()
    expect(audit.map((entry) => [entry.subject_id, entry.district_id, JSON.parse(entry.details).outcome])).toEqual([[id, 'district-1', 'closed']])
  })

  it('the pledge summary counts every school in scope against every version', async () => {
    const mine = await get<PledgeSummary>(bureau, '/reports/pledge-summary')
    expect(mine.versions.length).toBeGreaterThan(0)
    expect(mine.versions.every((version) => version.schools === 5 && version.signed === 0)).toBe(true)
    const theirs = await get<PledgeSummary>(bureau2, '/reports/pledge-summary')
    expect(theirs.versions.every((version) => version.schools === 1)).toBe(true)
  })

  it('a school account gets 403 from every report', async () => {
    const school1 = await fixture.server.login('school1', 'school123')
    for (const url of ['/reports/overview', '/reports/hazard-board', '/reports/canteen-summary', '/reports/survey-totals?formId=myopia-screening&period=2026-T1', '/reports/pledge-summary']) {
      const response = await fixture.server.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: bearer(school1) })
      expect(response.statusCode, url).toBe(403)
    }
  })
})
