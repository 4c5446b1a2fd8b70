import BetterSqlite3 from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { HazardBoardPage } from '../../src/core/protocol.js'
import { bearer, dialects, startServer, type TestServer } from './harness.js'

const AT = '2026-03-01T00:00:00.000Z'
const pad = (n: number, width = 4): string => String(n).padStart(width, '0')

/**
 * Schools whose names sort against their ids, two of them sharing a name, each with hazards at
 * repeating deadlines: a page boundary falls inside a school and inside a run of equal deadlines.
 */
async function seedBoard(server: TestServer): Promise<void> {
  const userId = (await server.db.selectFrom('users').select('id').where('username', '=', 'school1').executeTakeFirstOrThrow()).id
  const schools = Array.from({ length: 12 }, (_, n) => ({
    id: `sort-${pad(n)}`, district_id: 'district-1', name: n === 3 || n === 8 ? '同名小学' : `学校${pad(99 - n)}`, kind: 'primary', township: '城关镇',
  }))
  await server.db.insertInto('schools').values(schools).execute()
  const subs = schools.flatMap((school, s) => Array.from({ length: 9 }, (_, n) => {
    const id = `sort-sub-${pad(s)}-${n}`
    return {
      id, form_id: 'fire-safety', form_version: 1, school_id: school.id, period: null, subject_id: null, user_id: userId, device_id: 'bulk',
      body: JSON.stringify({ id }), digest: '0'.repeat(64), started_at: AT, completed_at: AT, received_at: AT, district_id: 'district-1',
    }
  }))
  await server.db.insertInto('submissions').values(subs).execute()
  await server.db.insertInto('hazards').values(subs.map((sub, n) => ({
    id: `sort-hz-${pad(n)}`, school_id: sub.school_id, submission_id: sub.id, form_id: 'fire-safety', field_id: 'exits', description: `hazard ${n}`,
    severity: 'low', deadline: `2026-04-0${(n * 7) % 3 + 1}`, status: n % 4 === 0 ? 'closed' : 'open', photos: '[]', created_at: AT,
    responsible: null, updated_at: AT, district_id: 'district-1',
  }))).execute()
}

describe.each(dialects)('the hazard board sorted by school (%s)', (dialect) => {
  let server: TestServer
  let bureau: string
  beforeAll(async () => {
    server = await startServer(dialect)
    await seedBoard(server)
    bureau = await server.login('bureau', 'bureau123')
  }, 120_000)
  afterAll(() => server.close())

  async function page(query: string): Promise<HazardBoardPage> {
    const response = await server.app.inject({ method: 'GET', url: `/api/v1/reports/hazard-board/rows?${query}`, headers: bearer(bureau) })
    expect(response.statusCode, response.body).toBe(200)
    return response.json() as HazardBoardPage
  }

  for (const status of ['', 'status=open&']) {
    it(`${status || 'every status: '}keeps each school's hazards together, schools by name, then by deadline, across pages`, async () => {
      const all = await server.db.selectFrom('hazards as h').innerJoin('schools as s', 's.id', 'h.school_id')
        .select(['h.id', 'h.deadline', 'h.status', 's.name', 's.id as school_id']).where('h.district_id', '=', 'district-1').execute()
      const expected = all.filter((row) => status === '' || row.status === 'open')
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || a.school_id.localeCompare(b.school_id) || a.deadline.localeCompare(b.deadline) || a.id.localeCompare(b.id))
        .map((row) => row.id)
      const seen: string[] = []
      for (let n = 1; ; n++) {
        const rows = await page(`${status}sort=school&pageSize=7&page=${n}`)
        expect(rows.total).toBe(expected.length)
        if (rows.rows.length === 0) break
        seen.push(...rows.rows.map((row) => row.id))
      }
      expect(seen).toEqual(expected)
    })
  }
})

describe('the hazard board sorted by school reads in index order (sqlite)', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startServer('sqlite')
    await seedBoard(server)
  }, 120_000)
  afterAll(() => server.close())

  it('walks the district’s schools by name, then each school’s hazards: no sort of the district', async () => {
    // Every statement the request runs, as better-sqlite3 prepared it, with its parameters.
    const seen: { source: string; args: unknown[] }[] = []
    const probe = new BetterSqlite3(':memory:')
    const statement = Object.getPrototypeOf(probe.prepare('select 1')) as Record<string, (...args: unknown[]) => unknown>
    probe.close()
    const all = statement['all']!
    statement['all'] = function (this: { source: string }, ...args: unknown[]) {
      seen.push({ source: this.source, args: args.flat() })
      return all.apply(this, args)
    }
    try {
      const bureau = await server.login('bureau', 'bureau123')
      for (const query of ['sort=school&page=2', 'status=overdue&sort=school&page=2']) {
        seen.length = 0
        const response = await server.app.inject({ method: 'GET', url: `/api/v1/reports/hazard-board/rows?${query}`, headers: bearer(bureau) })
        expect(response.statusCode).toBe(200)
        const rows = seen.find((each) => /order by/i.test(each.source) && /"hazards"/.test(each.source))
        expect(rows, query).toBeDefined()
        const { rows: plan } = await server.db.executeQuery<{ detail: string }>({
          sql: `explain query plan ${rows!.source}`, parameters: rows!.args, query: { kind: 'RawNode' } as never, queryId: { queryId: 'plan' },
        })
        const text = plan.map((row) => row.detail).join('\n')
        // The schools' index drives the walk; at most one school's hazards are put in deadline order
        // at a time ("LAST 2 TERMS"), never the district's hazards all at once.
        expect(text.split('\n')[0], query).toMatch(/^SEARCH s USING COVERING INDEX schools_district_name/)
        expect(text, query).not.toMatch(/TEMP B-TREE FOR ORDER BY/)
        // Each school's hazards by its id: an index led by status alone reads the district's for every school.
        expect(text, query).toMatch(/SEARCH h USING (COVERING )?INDEX \w+ \(school_id=\?/)
      }
    } finally {
      statement['all'] = all
    }
  })
})
