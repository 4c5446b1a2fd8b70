import BetterSqlite3 from 'better-sqlite3'
import pg from 'pg'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { PledgeSummary, SchoolsResponse, SurveyTotals } from '../../src/core/protocol.js'
import { periodOf } from '../../src/core/periods.js'
import { bearer, dialects, startServer, type TestServer } from './harness.js'

/**
 * The most parameters any one statement carried since the last reset, on either driver: a read
 * that passes its district's school ids as parameters carries one per school, and SQLite refuses
 * a statement past 32,766 of them (PostgreSQL past 65,535).
 */
function parameterProbe(): { reset(): void; most(): number; restore(): void } {
  let most = 0
  const note = (count: number) => void (most = Math.max(most, count))
  const probe = new BetterSqlite3(':memory:')
  const statement = Object.getPrototypeOf(probe.prepare('select 1')) as Record<string, (...args: unknown[]) => unknown>
  probe.close()
  const originals = new Map<string, (...args: unknown[]) => unknown>()
  for (const name of ['all', 'get', 'run', 'iterate']) {
    const original = statement[name]
    if (!original) continue
    originals.set(name, original)
    statement[name] = function (this: unknown, ...args: unknown[]) {
      note(args.flat().length)
      return original.apply(this, args)
    }
  }
  const client = pg.Client.prototype as unknown as Record<string, (...args: unknown[]) => unknown>
  const query = client['query']!
  client['query'] = function (this: unknown, ...args: unknown[]) {
    if (Array.isArray(args[1])) note(args[1].length)
    return query.apply(this, args)
  }
  return {
    reset: () => void (most = 0),
    most: () => most,
    restore() {
      for (const [name, original] of originals) statement[name] = original
      client['query'] = query
    },
  }
}

const EXTRA_SCHOOLS = 400

describe.each(dialects)('district reads carry no list of school ids (%s)', (dialect) => {
  let server: TestServer
  let bureau: string
  const probe = parameterProbe()
  const term = periodOf(new Date(), 'term')

  beforeAll(async () => {
    server = await startServer(dialect)
    const schools = Array.from({ length: EXTRA_SCHOOLS }, (_, n) => ({
      id: `bulk-${String(n).padStart(4, '0')}`, district_id: 'district-1', name: `批量学校${n}`, kind: 'primary', township: '城关镇',
    }))
    for (let start = 0; start < schools.length; start += 100) await server.db.insertInto('schools').values(schools.slice(start, start + 100)).execute()
    bureau = await server.login('bureau', 'bureau123')
  }, 120_000)
  afterEach(() => probe.reset())
  afterAll(async () => {
    probe.restore()
    await server.close()
  })

  async function read<T>(url: string): Promise<{ body: T; parameters: number }> {
    probe.reset()
    const response = await server.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: bearer(bureau) })
    expect(response.statusCode, response.body).toBe(200)
    return { body: (String(response.headers['content-type'] ?? '').includes('json') ? response.json() : response.body) as T, parameters: probe.most() }
  }

  it('scopes by district in the query: no statement carries a parameter per school', async () => {
    const districtSchools = Number((await server.db.selectFrom('schools').select((eb) => eb.fn.countAll().as('n')).where('district_id', '=', 'district-1').executeTakeFirstOrThrow()).n)
    expect(districtSchools).toBeGreaterThan(EXTRA_SCHOOLS)

    const survey = await read<SurveyTotals>(`/reports/survey-totals?formId=myopia-screening&period=${term}`)
    expect(survey.body.schools).toBe(districtSchools)
    expect(survey.body.bySchool).toHaveLength(districtSchools)
    expect(survey.body.bySchool.some((row) => row.schoolId === 'school-6')).toBe(false)

    const pledges = await read<PledgeSummary>('/reports/pledge-summary')
    expect(pledges.body.versions.length).toBeGreaterThan(0)
    for (const version of pledges.body.versions) expect(version.schools).toBe(districtSchools)
    const versionId = pledges.body.versions[0]!.pledge.id
    const pledge = await read<{ schools: { schoolId: string }[] }>(`/reports/pledges?versionId=${encodeURIComponent(versionId)}`)
    expect(pledge.body.schools).toHaveLength(districtSchools)

    const schools = await read<SchoolsResponse>('/schools')
    expect(schools.body.schools).toHaveLength(districtSchools)
    expect(schools.body.schools.every((school) => school.districtId === 'district-1')).toBe(true)

    const exported = await read<string>(`/exports/completeness.csv?formId=myopia-screening&period=${term}`)
    expect(exported.body.split('\r\n').filter(Boolean)).toHaveLength(districtSchools + 1)
    expect(exported.body).toContain('批量学校399,小学,城关镇')

    const forms = await read<unknown>('/admin/forms')

    for (const [name, each] of Object.entries({ survey, pledges, pledge, schools, exported, forms })) {
      expect(each.parameters, name).toBeLessThan(50)
    }
  }, 120_000)
})
