import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CanteenGradesResponse, SubmitResult } from '../../src/core/protocol.js'
import { bearer, dialects, startServer, type TestServer } from './harness.js'
import { canteenEnvelope } from './report-envelopes.js'

describe.each(dialects)('canteen grades (%s)', (dialect) => {
  let server: TestServer
  let school1: string
  let school2: string
  let bureau: string
  let bureau2: string

  beforeAll(async () => {
    server = await startServer(dialect)
    school1 = await server.login('school1', 'school123')
    school2 = await server.login('school2', 'school123')
    bureau = await server.login('bureau', 'bureau123')
    bureau2 = await server.login('bureau2', 'bureau123')
  })
  afterAll(() => server.close())

  async function submit(token: string, submissions: readonly unknown[]): Promise<SubmitResult[]> {
    const response = await server.app.inject({ method: 'POST', url: '/api/v1/submissions', headers: bearer(token), payload: { submissions } })
    expect(response.statusCode).toBe(200)
    return response.json().results as SubmitResult[]
  }

  async function grades(token: string, query = ''): Promise<{ status: number; body: CanteenGradesResponse }> {
    const response = await server.app.inject({ method: 'GET', url: `/api/v1/reports/canteen-grades${query}`, headers: bearer(token) })
    return { status: response.statusCode, body: response.json() as CanteenGradesResponse }
  }

  const first = canteenEnvelope({ fail: ['samples', 'disinfection'], checkDate: '2026-03-05' })
  const second = canteenEnvelope({ na: ['additives'], checkDate: '2026-04-10', checkType: 'bureau' })
  const third = canteenEnvelope({ fail: ['licence', 'samples', 'disinfection', 'purchaseRecords'], checkDate: '2026-06-01' })

  it('stores the grade the server computed, in the same transaction as the submission and its hazards', async () => {
    expect((await submit(school1, [first]))[0]?.status).toBe('accepted')
    const row = await server.db.selectFrom('canteen_grades').selectAll().where('submission_id', '=', first.id).executeTakeFirstOrThrow()
    expect(row).toMatchObject({ school_id: 'school-1', score: 80, max_score: 100, grade: 'B', term: '2026-T1', check_type: 'self', check_date: '2026-03-05' })
    expect(Number(row.meal_fee_share)).toBe(92.5)
    const hazards = await server.db.selectFrom('hazards').select('field_id').where('submission_id', '=', first.id).orderBy('field_id').execute()
    expect(hazards.map((hazard) => hazard.field_id)).toEqual(['disinfection', 'samples'])
  })

  it('rejects answers carrying a forged grade or score and stores nothing for them', async () => {
    const forged = canteenEnvelope({ fail: ['licence', 'samples', 'disinfection', 'purchaseRecords'] })
    const withGrade = { ...forged, answers: { ...forged.answers, grade: 'A', score: 100 } }
    const [result] = await submit(school1, [withGrade])
    expect(result).toMatchObject({ status: 'rejected', error: { code: 'validation_failed' } })
    expect(await server.db.selectFrom('canteen_grades').select('submission_id').where('submission_id', '=', forged.id).execute()).toEqual([])
  })

  it('drops a grade sent beside the answers and grades from the checks alone', async () => {
    const failing = canteenEnvelope({ fail: ['licence', 'samples', 'disinfection', 'purchaseRecords', 'healthCerts'] }, { schoolId: 'school-2' })
    const [result] = await submit(school2, [{ ...failing, grade: 'A', score: 100, percent: 100 }])
    expect(result?.status).toBe('accepted')
    const row = await server.db.selectFrom('canteen_grades').select(['grade', 'score']).where('submission_id', '=', failing.id).executeTakeFirstOrThrow()
    expect(row).toEqual({ grade: 'fail', score: 54 })
    const stored = await server.db.selectFrom('submissions').select('body').where('id', '=', failing.id).executeTakeFirstOrThrow()
    expect(stored.body).not.toContain('"grade"')
  })

  it('a resend of a graded canteen is a duplicate and grades nothing twice', async () => {
    expect((await submit(school1, [first]))[0]?.status).toBe('duplicate')
    const rows = await server.db.selectFrom('canteen_grades').select('submission_id').where('school_id', '=', 'school-1').execute()
    expect(rows).toHaveLength(1)
  })

  it('lists each school’s history oldest first with upgrades and downgrades marked', async () => {
    expect((await submit(school1, [second, third])).map((result) => result.status)).toEqual(['accepted', 'accepted'])
    const { status, body } = await grades(school1)
    expect(status).toBe(200)
    expect(body.schools).toHaveLength(1)
    expect(body.schools[0]?.history.map((entry) => [entry.date, entry.grade, entry.change, entry.checkType])).toEqual([
      ['2026-03-05', 'B', 'first', 'self'],
      ['2026-04-10', 'A', 'up', 'bureau'],
      ['2026-06-01', 'C', 'down', 'self'],
    ])
    expect(body.schools[0]?.history[1]).toMatchObject({ score: 94, maxScore: 94, percent: 100, term: '2026-T1', mealFeeShare: 92.5 })
  })

  it('shows a school only its own grades, and a bureau only its district', async () => {
    expect((await grades(school2)).body.schools.map((school) => school.schoolId)).toEqual(['school-2'])
    expect((await grades(school2, '?schoolId=school-1')).status).toBe(403)
    expect((await grades(bureau, '?schoolId=school-1')).body.schools[0]?.history).toHaveLength(3)
    expect((await grades(bureau)).body.schools.map((school) => school.schoolId)).toEqual(['school-1', 'school-2'])
    expect((await grades(bureau2)).body).toEqual({ schools: [] })
    expect((await grades(bureau2, '?schoolId=school-1')).status).toBe(403)
  })

  it('refuses a malformed schoolId query', async () => {
    expect((await grades(bureau, `?schoolId=${'x'.repeat(65)}`)).status).toBe(400)
  })
})
