import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { HazardsPage, LatestReportsResponse, SubmissionsPage } from '../../src/core/protocol.js'
import * as listSubmissions from '../../src/server/services/list-submissions.js'
import { bearer, dialects, startServer, type TestServer } from './harness.js'

/** Rows straight into the tables: tens of thousands through the API would take minutes. */
async function insertInChunks<T extends Record<string, unknown>>(server: TestServer, table: 'submissions' | 'hazards' | 'survey_reports', rows: readonly T[]): Promise<void> {
  await server.db.transaction().execute(async (trx) => {
    for (let start = 0; start < rows.length; start += 400) {
      // The row shapes below match each table; Kysely cannot check a union of tables here.
      await trx.insertInto(table).values(rows.slice(start, start + 400) as never).execute()
    }
  })
}

function submissionRow(id: string, schoolId: string, districtId: string, userId: string, receivedAt: string, extra: { formId?: string; period?: string } = {}) {
  const formId = extra.formId ?? 'fire-safety'
  const body = JSON.stringify({ id, formId, formVersion: 1, schoolId, answers: {}, attachments: [], ...(extra.period ? { period: extra.period } : {}) })
  // The stored form_id must name a published form; survey_reports holds the survey's own.
  return {
    id, form_id: 'fire-safety', form_version: 1, school_id: schoolId, period: extra.period ?? null, subject_id: null, user_id: userId,
    device_id: 'bulk', body, digest: '0'.repeat(64), started_at: receivedAt, completed_at: receivedAt, received_at: receivedAt, district_id: districtId,
  }
}

const pad = (n: number, width = 6): string => String(n).padStart(width, '0')

describe.each(dialects)('reads that hold as a county grows (%s)', (dialect) => {
  let server: TestServer
  let userId: string

  beforeAll(async () => {
    server = await startServer(dialect)
    userId = (await server.db.selectFrom('users').select('id').where('username', '=', 'school1').executeTakeFirstOrThrow()).id
  }, 120_000)
  afterAll(() => server.close())

  async function get<T>(token: string, url: string): Promise<T> {
    const response = await server.app.inject({ method: 'GET', url, headers: bearer(token) })
    expect(response.statusCode, response.body).toBe(200)
    return response.json() as T
  }

  it('GET /hazards pages past 1,000 hazards with a cursor and drops none', async () => {
    const at = '2026-03-01T00:00:00.000Z'
    const subs = Array.from({ length: 1250 }, (_, n) => submissionRow(`hz-sub-${pad(n)}`, n % 2 ? 'school-2' : 'school-1', 'district-1', userId, at))
    await insertInChunks(server, 'submissions', subs)
    // Deadlines repeat, so pages split inside a run of equal deadlines and the id must order them.
    const hazards = subs.map((sub, n) => ({
      id: `hz-${pad(n)}`, school_id: sub.school_id, submission_id: sub.id, form_id: 'fire-safety', field_id: 'exits', description: `hazard ${n}`,
      severity: 'low', deadline: `2026-04-${pad((n % 28) + 1, 2)}`, status: 'open', photos: '[]', created_at: at, responsible: null, updated_at: at,
      district_id: 'district-1',
    }))
    await insertInChunks(server, 'hazards', [...hazards, { ...hazards[0]!, id: 'hz-other', school_id: 'school-6', district_id: 'district-2' }])
    const inspector = await server.login('inspector', 'inspector123')
    const seen: string[] = []
    let pages = 0
    let url = '/api/v1/hazards?status=open'
    for (;;) {
      const page = await get<HazardsPage>(inspector, url)
      pages += 1
      expect(page.hazards.length).toBeLessThanOrEqual(500)
      seen.push(...page.hazards.map((each) => each.id))
      if (page.nextCursor === null) break
      url = `/api/v1/hazards?status=open&cursor=${encodeURIComponent(page.nextCursor)}`
    }
    expect(pages).toBe(3)
    expect(new Set(seen).size).toBe(1250)
    expect(seen).not.toContain('hz-other')
    // Soonest deadline first, across page boundaries.
    const deadlines = seen.map((id) => hazards[Number(id.slice(3))]!.deadline)
    expect([...deadlines].sort()).toEqual(deadlines)

    const school = await server.login('school1', 'school123')
    const small = await get<HazardsPage>(school, '/api/v1/hazards?limit=100')
    expect(small.hazards).toHaveLength(100)
    expect(small.hazards.every((each) => each.schoolId === 'school-1')).toBe(true)
    expect(small.nextCursor).not.toBeNull()
    const bad = await server.app.inject({ method: 'GET', url: '/api/v1/hazards?cursor=nonsense', headers: bearer(school) })
    expect(bad.statusCode).toBe(400)
  }, 120_000)

  it('GET /submissions pages a district in limit-sized pages, each row once, newest first', async () => {
    const base = Date.parse('2025-01-01T00:00:00.000Z')
    // Two rows share each instant: the id breaks the tie, also across a page boundary.
    const rows = Array.from({ length: 900 }, (_, n) =>
      submissionRow(`pg-${pad(n)}`, ['school-3', 'school-4', 'school-5', 'school-6'][n % 4]!, n % 4 === 3 ? 'district-2' : 'district-1', userId,
        new Date(base + Math.floor(n / 2) * 1000).toISOString()))
    await insertInChunks(server, 'submissions', rows)
    const bureau2 = await server.login('bureau2', 'bureau123')
    const ids: string[] = []
    let pages = 0
    let url = '/api/v1/submissions?formId=fire-safety&limit=50'
    for (;;) {
      const page = await get<SubmissionsPage>(bureau2, url)
      pages += 1
      ids.push(...page.submissions.map((each) => each.id))
      if (page.nextCursor === null) break
      url = `/api/v1/submissions?formId=fire-safety&limit=50&cursor=${encodeURIComponent(page.nextCursor)}`
    }
    const expected = rows.filter((row) => row.district_id === 'district-2').map((row) => row.id).reverse()
    expect(expected).toHaveLength(225)
    expect(pages).toBe(5)
    expect(ids).toEqual(expected)
  }, 120_000)

  it('GET /reports/latest serves a school with over 32,766 current reports, two periods per form', async () => {
    const forms = 400
    const periods = 82
    const subs: ReturnType<typeof submissionRow>[] = []
    const reports: Record<string, unknown>[] = []
    for (let f = 0; f < forms; f++) {
      for (let p = 0; p < periods; p++) {
        const id = `lt-${pad(f, 3)}-${pad(p, 3)}`
        const period = String(1900 + p)
        subs.push(submissionRow(id, 'school-1', 'district-1', userId, '2026-01-01T00:00:00.000Z', { formId: `survey-${pad(f, 3)}`, period }))
        reports.push({ submission_id: id, school_id: 'school-1', form_id: `survey-${pad(f, 3)}`, period, received_at: '2026-01-01T00:00:00.000Z', superseded_by: null, superseded_at: null, warnings: '[]' })
      }
    }
    expect(reports.length).toBeGreaterThan(32_766)
    // One older report that the newest of the first form replaced.
    subs.push(submissionRow('lt-old', 'school-1', 'district-1', userId, '2025-12-01T00:00:00.000Z', { formId: 'survey-000', period: '1981' }))
    reports.push({ submission_id: 'lt-old', school_id: 'school-1', form_id: 'survey-000', period: '1981', received_at: '2025-12-01T00:00:00.000Z', superseded_by: 'lt-000-081', superseded_at: '2026-01-01T00:00:00.000Z', warnings: '[]' })
    await insertInChunks(server, 'submissions', subs)
    await insertInChunks(server, 'survey_reports', reports)

    const school = await server.login('school1', 'school123')
    const body = await get<LatestReportsResponse>(school, '/api/v1/reports/latest')
    expect(body.reports).toHaveLength(forms * 2)
    const first = body.reports.filter((report) => report.formId === 'survey-000')
    expect(first.map((report) => [report.period, report.supersedes])).toEqual([['1981', 1], ['1980', 0]])

    // The bureau's people never prefill a school's survey: the district-wide list is not theirs.
    for (const [user, password] of [['bureau', 'bureau123'], ['inspector', 'inspector123']] as const) {
      const response = await server.app.inject({ method: 'GET', url: '/api/v1/reports/latest', headers: bearer(await server.login(user, password)) })
      expect(response.statusCode).toBe(403)
      expect(response.json()).toMatchObject({ error: { code: 'forbidden' } })
    }
  }, 180_000)
})

// SQLite's own query plan: PostgreSQL's planner picks by table statistics, so its plan on a small
// test table says nothing; the page counts above hold there too.
describe('the query plan of a district page (sqlite)', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startServer('sqlite')
  })
  afterAll(() => server.close())

  it('a district page is an index range in the sort order, never a sort of the whole district', async () => {
    const plan = async (compiled: { sql: string; parameters: readonly unknown[] }): Promise<string> => {
      const { rows } = await server.db.executeQuery<{ detail: string }>({ ...compiled, sql: `explain query plan ${compiled.sql}`, query: compiled as never, queryId: { queryId: 'plan' } })
      return rows.map((row) => row.detail).join('\n')
    }
    const { submissionsPageQuery } = listSubmissions
    const first = submissionsPageQuery(server.db, { scope: { kind: 'district', districtId: 'district-1' }, limit: 50 }).compile()
    const later = submissionsPageQuery(server.db, { scope: { kind: 'district', districtId: 'district-1' }, limit: 50, cursor: Buffer.from(JSON.stringify(['2025-01-01T00:00:00.000Z', 'x'])).toString('base64url') }).compile()
    for (const text of [await plan(first), await plan(later)]) {
      expect(text).not.toMatch(/TEMP B-TREE/)
      expect(text).toMatch(/submissions_district_received/)
    }
    // The cursor bounds the index range itself, rather than filtering rows read from its start.
    expect(await plan(later)).toMatch(/\(district_id=\? AND \(received_at,id\)<\(\?,\?\)\)|district_id=\? AND received_at<\?|\(received_at, id\)|received_at\)?<\?/)
  })
})
